import { z } from 'zod';
import { closestMatch } from '../did-you-mean.ts';
import { describeValue, listAlternatives, withHint } from '../messages.ts';
import { STATUS_IDS, type StatusId } from '../status-ids.ts';

const STATUS_LIST = listAlternatives(
  STATUS_IDS.map((id) => `"${id}"`),
  'or',
);

/** A status id; `orElse` adds the other value a field accepts to the hint (e.g. `null`). */
export function statusIdSchema(orElse = '') {
  return z.enum(STATUS_IDS, {
    error: (issue) => {
      const suggestion = typeof issue.input === 'string' ? closestMatch(issue.input, STATUS_IDS) : undefined;
      const hint =
        suggestion === undefined
          ? `use ${STATUS_LIST}${orElse}`
          : `did you mean "${suggestion}"? The statuses are ${STATUS_LIST}${orElse}`;
      return withHint(`${describeValue(issue.input)} is not a status`, hint);
    },
  });
}

export const DEFAULT_STATUS_LABELS: Readonly<Record<string, StatusId>> = {
  'status: under review': 'under-review',
  'status: planned': 'planned',
  'status: in progress': 'in-progress',
  'status: shipped': 'shipped',
  'status: declined': 'declined',
};

/** How GitHub state (labels, milestones, open/closed) maps onto the roadmap's statuses. */
export const statusesSchema = z
  .strictObject({
    /**
     * Label name → status. An open item with one of these labels has that status, whatever else
     * is true of it; a closed item only when the label was added at or after its last close.
     * Replaces the default map entirely when given.
     * @default { 'status: under review': 'under-review', 'status: planned': 'planned', 'status: in progress': 'in-progress', 'status: shipped': 'shipped', 'status: declined': 'declined' }
     */
    labels: z.record(z.string().trim().min(1), statusIdSchema()).default(() => ({ ...DEFAULT_STATUS_LABELS })),
    /**
     * Status of an open item that has a milestone but no status label; `null` ignores milestones.
     * @default 'planned'
     */
    milestone: statusIdSchema(', or null to ignore milestones').nullable().default('planned'),
    /**
     * Status of an open item with no status label (and no milestone, see `milestone`).
     * @default 'under-review'
     */
    open: statusIdSchema().default('under-review'),
    /** Status of a closed item with no status label added since its last close, by the reason it was closed. */
    closed: z
      .strictObject({
        /**
         * Closed as completed.
         * @default 'shipped'
         */
        completed: statusIdSchema().default('shipped'),
        /**
         * Closed as not planned.
         * @default 'declined'
         */
        notPlanned: statusIdSchema().default('declined'),
      })
      .prefault({}),
    /** What each status is called on the site; the defaults are the names in `site.language`, English below. */
    names: z
      .strictObject({
        /** @default 'Under review' */
        'under-review': z.string().trim().min(1).default('Under review'),
        /** @default 'Planned' */
        planned: z.string().trim().min(1).default('Planned'),
        /** @default 'In progress' */
        'in-progress': z.string().trim().min(1).default('In progress'),
        /** @default 'Shipped' */
        shipped: z.string().trim().min(1).default('Shipped'),
        /** @default 'Declined' */
        declined: z.string().trim().min(1).default('Declined'),
      })
      .prefault({}),
  })
  .prefault({});

export type StatusesConfig = z.output<typeof statusesSchema>;
