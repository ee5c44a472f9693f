/**
 * What the sync asks about the configured GitHub Project (v2), and Zod on the answers.
 *
 * One query reads the project's facts, its fields and a page of 100 items with the values of
 * the two configured fields (`fieldValueByName` is a plain field, not a connection, so a page
 * costs 1 point whatever it selects). A project of up to 100 items is therefore one request and
 * one point per sync; a bigger one reads its further pages only when the project's `updatedAt`
 * or item count moved since the last sync, or when a full pass is due.
 * https://docs.github.com/issues/planning-and-tracking-with-projects/automating-your-project/using-the-api-to-manage-projects
 */
import { z } from 'zod';

const PROJECT_PAGE = /* GraphQL */ `
  fragment ProjectPage on ProjectV2 {
    title
    url
    closed
    updatedAt
    fields(first: 50) @include(if: $withFields) {
      nodes {
        __typename
        ... on ProjectV2Field {
          name
          dataType
        }
        ... on ProjectV2SingleSelectField {
          name
          dataType
          options {
            name
          }
        }
        ... on ProjectV2IterationField {
          name
          dataType
          configuration {
            iterations {
              id
              title
              startDate
              duration
            }
            completedIterations {
              id
              title
              startDate
              duration
            }
          }
        }
      }
    }
    items(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        type
        isArchived
        updatedAt
        content {
          __typename
          ... on Issue {
            number
            repository {
              nameWithOwner
            }
          }
        }
        status: fieldValueByName(name: $statusField) @include(if: $withStatus) {
          ...ProjectFieldValue
        }
        horizon: fieldValueByName(name: $horizonField) @include(if: $withHorizon) {
          ...ProjectFieldValue
        }
      }
    }
  }

  fragment ProjectFieldValue on ProjectV2ItemFieldValue {
    __typename
    ... on ProjectV2ItemFieldSingleSelectValue {
      name
    }
    ... on ProjectV2ItemFieldIterationValue {
      iterationId
      title
      startDate
      duration
    }
    ... on ProjectV2ItemFieldDateValue {
      date
    }
  }
`;

/** A page of the project's items; `$isOrganization` picks `organization` or `user` as the owner. */
export const projectItemsQuery = /* GraphQL */ `
  query ProjectItems(
    $login: String!
    $number: Int!
    $isOrganization: Boolean!
    $first: Int!
    $after: String
    $withFields: Boolean!
    $withStatus: Boolean!
    $statusField: String!
    $withHorizon: Boolean!
    $horizonField: String!
  ) {
    rateLimit {
      cost
      remaining
      resetAt
      limit
    }
    organization(login: $login) @include(if: $isOrganization) {
      projectV2(number: $number) {
        ...ProjectPage
      }
    }
    user(login: $login) @skip(if: $isOrganization) {
      projectV2(number: $number) {
        ...ProjectPage
      }
    }
  }
  ${PROJECT_PAGE}
`;

const iterationSchema = z.object({ id: z.string(), title: z.string(), startDate: z.string(), duration: z.number().int() });

const fieldSchema = z.union([
  z.object({ __typename: z.literal('ProjectV2SingleSelectField'), name: z.string(), dataType: z.string(), options: z.array(z.object({ name: z.string() })) }),
  z.object({
    __typename: z.literal('ProjectV2IterationField'),
    name: z.string(),
    dataType: z.string(),
    configuration: z.object({ iterations: z.array(iterationSchema), completedIterations: z.array(iterationSchema) }),
  }),
  z.object({ __typename: z.literal('ProjectV2Field'), name: z.string(), dataType: z.string() }),
]);
export type GqlProjectField = z.infer<typeof fieldSchema>;

const fieldValueSchema = z
  .union([
    z.object({ __typename: z.literal('ProjectV2ItemFieldSingleSelectValue'), name: z.string().nullable() }),
    z.object({
      __typename: z.literal('ProjectV2ItemFieldIterationValue'),
      iterationId: z.string(),
      title: z.string(),
      startDate: z.string(),
      duration: z.number().int(),
    }),
    z.object({ __typename: z.literal('ProjectV2ItemFieldDateValue'), date: z.string().nullable() }),
    // Any other kind of value (text, number…): the configured field is not of a kind we map.
    z.object({ __typename: z.string() }),
  ])
  .nullable()
  .optional();
export type GqlProjectFieldValue = z.infer<typeof fieldValueSchema>;

const itemSchema = z.object({
  id: z.string(),
  type: z.string(),
  isArchived: z.boolean(),
  updatedAt: z.string(),
  content: z
    .union([
      z.object({ __typename: z.literal('Issue'), number: z.number().int(), repository: z.object({ nameWithOwner: z.string() }) }),
      z.object({ __typename: z.string() }),
    ])
    .nullable(),
  status: fieldValueSchema,
  horizon: fieldValueSchema,
});
export type GqlProjectItem = z.infer<typeof itemSchema>;

const projectSchema = z.object({
  title: z.string(),
  url: z.string(),
  closed: z.boolean(),
  updatedAt: z.string(),
  fields: z.object({ nodes: z.array(fieldSchema.nullable()) }).optional(),
  items: z.object({
    totalCount: z.number().int(),
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
    nodes: z.array(itemSchema.nullable()),
  }),
});
export type GqlProject = z.infer<typeof projectSchema>;

const ownerSchema = z.object({ projectV2: projectSchema.nullable() }).nullable().optional();

export const projectItemsResponseSchema = z.object({
  organization: ownerSchema,
  user: ownerSchema,
});
