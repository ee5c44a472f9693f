import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADD_DISCUSSION_COMMENT, THREAD_QUERY } from '../../src/notify/github-comments-api.ts';
import * as documents from '../../src/sync/graphql-documents.ts';
import { projectItemsQuery } from '../../src/sync/project-documents.ts';

// GitHub's published schema, built from its IDL. The package's own validate() uses an older JSON
// schema that lacks `stateReason(enableDuplicate:)`, so it is not used.
let schema: GraphQLSchema;
beforeAll(() => {
  const sdl = readFileSync(new URL('../../node_modules/@octokit/graphql-schema/schema.graphql', import.meta.url), 'utf8');
  schema = buildSchema(sdl, { assumeValidSDL: true });
});

const staticDocuments = {
  RepositoryVisibility: documents.repositoryVisibilityQuery,
  RepositoryOverview: documents.repositoryOverviewQuery,
  DiscussionsPage: documents.discussionsPageQuery,
  DiscussionNumbers: documents.discussionNumbersQuery,
  DiscussionByNumber: documents.discussionByNumberQuery,
  ReleasesPage: documents.releasesPageQuery,
  LabelsPage: documents.labelsPageQuery,
  MilestonesPage: documents.milestonesPageQuery,
  ProjectItems: projectItemsQuery,
  IssueDetails: documents.issueDetailsDocument,
  // The notifier's: it reads a Discussion's comments and adds one.
  ShippedCommentThread: THREAD_QUERY,
  AddShippedComment: ADD_DISCUSSION_COMMENT,
};

const followUpShapes: Record<string, documents.FollowUp[]> = {
  'votes only': [{ id: 'I_1', connection: 'votes', after: 'c1' }],
  'timeline only': [{ id: 'I_1', connection: 'timeline', after: 'c1' }],
  'discussion votes': [{ id: 'D_1', connection: 'discussionVotes', after: 'c1' }],
  'all kinds at once': [
    { id: 'I_1', connection: 'votes', after: 'c1' },
    { id: 'I_2', connection: 'timeline', after: 'c2' },
    { id: 'D_3', connection: 'discussionVotes', after: 'c3' },
  ],
};

describe('GraphQL documents the project sends', () => {
  it.each(Object.entries(staticDocuments))('%s is valid against GitHub’s schema', (_name, document) => {
    expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
  });

  it.each(Object.entries(followUpShapes))('FollowUps (%s) is valid against GitHub’s schema', (_name, followUps) => {
    const { query, variables } = documents.followUpDocument(followUps);
    expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
    expect(Object.keys(variables)).toHaveLength(followUps.length * 2);
  });

  it('asks for the DUPLICATE close reason explicitly', () => {
    // Without enableDuplicate GitHub reports a duplicate close as NOT_PLANNED.
    expect(documents.issueDetailsDocument).toContain('stateReason(enableDuplicate: true)');
  });

  it('asks every connection for at most 100 nodes', () => {
    for (const document of [...Object.values(staticDocuments), documents.followUpDocument(followUpShapes['all kinds at once'] ?? []).query]) {
      for (const match of document.matchAll(/\b(?:first|last):\s*(\d+)/g)) {
        expect(Number(match[1])).toBeLessThanOrEqual(100);
      }
    }
  });
});
