import { z } from 'zod';
import { closestMatch } from '../did-you-mean.ts';
import { hintFor, isMissing } from '../error-map.ts';
import { describeValue, listAlternatives, withHint } from '../messages.ts';
import { statusIdSchema } from './statuses.ts';

export const HORIZON_IDS = ['now', 'next', 'later'] as const;
export type HorizonId = (typeof HORIZON_IDS)[number];

const HORIZON_LIST = listAlternatives(
  HORIZON_IDS.map((id) => `"${id}"`),
  'or',
);

const horizonIdSchema = z.enum(HORIZON_IDS, {
  error: (issue) => {
    const suggestion = typeof issue.input === 'string' ? closestMatch(issue.input, HORIZON_IDS) : undefined;
    return withHint(
      `${describeValue(issue.input)} is not a horizon`,
      suggestion === undefined ? `use ${HORIZON_LIST}` : `did you mean "${suggestion}"? The horizons are ${HORIZON_LIST}`,
    );
  },
});

/** GitHub shows a project at `https://github.com/orgs/<login>/projects/<n>` or `/users/<login>/projects/<n>`. */
const PROJECT_URL = /^(?:https?:\/\/)?(?:www\.)?github\.com\/(orgs|users)\/([^/\s]+)\/projects\/(\d+)/i;
/** A GitHub login: letters, digits and single hyphens (managed users add `_suffix`). */
const LOGIN = /^[A-Za-z\d](?:[A-Za-z\d]|-(?=[A-Za-z\d]))*(?:_[A-Za-z\d]+)?$/;

const loginSchema = z
  .string()
  .trim()
  .refine((value) => LOGIN.test(value), {
    error: (issue) => withHint(`${describeValue(issue.input)} is not a GitHub login`, 'write the login alone, e.g. "github"'),
  });

const fieldName = z.string({ error: hintFor('name the field as the project shows it, e.g. field: "Status"', isMissing) }).trim().min(1);

const statusFieldSchema = z.strictObject({
  /** The single-select field that holds each item's status, as the project names it, e.g. `Status`. Required. */
  field: fieldName,
  /**
   * Option name → status (`'Todo': 'planned'`). Option names are compared without regard to case.
   * An item whose option is not listed keeps the status its labels, milestone and state give it
   * (the sync warns once per unlisted option).
   */
  options: z.record(z.string().trim().min(1), statusIdSchema()),
});

const horizonFieldSchema = z.strictObject({
  /**
   * The field that places each item on Now / Next / Later, as the project names it: an iteration
   * field (e.g. `Iteration`), a date field (e.g. `Target date`) or a single-select field (e.g.
   * `Quarter`, with `options`). Required.
   */
  field: fieldName,
  /**
   * For a single-select field: option name → horizon (`'Q1 2027': 'now'`). Not used for iteration
   * and date fields, whose values are placed by their dates.
   */
  options: z.record(z.string().trim().min(1), horizonIdSchema).optional(),
  /**
   * For a date field: a date up to this many days after the sync (or already past) is Now.
   * @default 30
   */
  nowWithinDays: z.number().int().min(0).default(30),
  /**
   * For a date field: a date up to this many days after the sync, and not Now, is Next; later dates are Later.
   * @default 90
   */
  nextWithinDays: z.number().int().min(0).default(90),
});

/**
 * A GitHub Project (v2) whose fields decide the status and the Now / Next / Later of the items
 * it holds, over their labels and milestones. Write the owner as `organization` or `user`, as in
 * the project's address (`github.com/orgs/<organization>/projects/<number>`).
 */
export const projectSchema = z
  .strictObject(
    {
      /** The organization that owns the project (`github.com/orgs/<organization>/projects/…`). */
      organization: loginSchema.optional(),
      /** The user who owns the project (`github.com/users/<user>/projects/…`). */
      user: loginSchema.optional(),
      /** The project's number, the last part of its address. Required. */
      number: z
        .number({ error: hintFor('write the number from the project\'s address, e.g. number: 1 for …/projects/1', isMissing) })
        .int()
        .positive(),
      /** The single-select field mapped to statuses; leave it out to keep statuses from labels. */
      status: statusFieldSchema.optional(),
      /** The field mapped to Now / Next / Later; leave it out to keep horizons from milestones. */
      horizon: horizonFieldSchema.optional(),
    },
    {
      error: hintFor(
        (issue) => {
          const fromUrl = typeof issue.input === 'string' ? PROJECT_URL.exec(issue.input) : null;
          if (fromUrl) {
            const key = fromUrl[1]?.toLowerCase() === 'orgs' ? 'organization' : 'user';
            return `write { ${key}: ${JSON.stringify(fromUrl[2])}, number: ${fromUrl[3]} }`;
          }
          return 'write { organization: "acme", number: 1 } (or user: "octocat"), or null for no project';
        },
        (issue) => issue.code === 'invalid_type',
      ),
    },
  )
  .superRefine((project, context) => {
    if ((project.organization === undefined) === (project.user === undefined)) {
      context.addIssue({
        code: 'custom',
        input: project,
        message: withHint(
          project.organization === undefined ? 'names no owner' : 'names both an organization and a user',
          'write organization: "acme" for github.com/orgs/acme/projects/…, or user: "octocat" for github.com/users/octocat/projects/…',
        ),
      });
    }
    if (project.status === undefined && project.horizon === undefined) {
      context.addIssue({
        code: 'custom',
        input: project,
        message: withHint('maps no field, so the project would change nothing', 'add status: { field: "Status", options: { … } } or horizon: { field: "Iteration" }'),
      });
    }
    if (project.horizon && project.horizon.nextWithinDays < project.horizon.nowWithinDays) {
      context.addIssue({
        code: 'custom',
        path: ['horizon', 'nextWithinDays'],
        input: project.horizon.nextWithinDays,
        message: withHint(
          `${project.horizon.nextWithinDays} is less than nowWithinDays (${project.horizon.nowWithinDays})`,
          'Next comes after Now: make nextWithinDays at least nowWithinDays',
        ),
      });
    }
  })
  .nullable()
  .default(null);

export type ProjectConfig = NonNullable<z.output<typeof projectSchema>>;
