/**
 * How a request's status changed over time, for its page and its Atom feed.
 *
 * Issues are replayed from their events (labels added and removed, closes and reopens,
 * milestones set and removed), starting from the labels and milestone they must have had when
 * opened. A request shipped and then reopened reads "Shipped", then the status it went back to:
 * it is not shipped any more (see `shipments.ts`). A status label left over from before a close
 * stops counting at the close (see `status.ts`). Discussions have no events: they start at the
 * default and, when their status differs now, change once, when closed or last updated.
 */
import type { StatusesConfig } from '../config/schemas/statuses.ts';
import type { Item } from '../snapshot/schema.ts';
import { statusFromState, statusOf, type ItemState } from './status.ts';
import type { StatusChange } from './types.ts';

type StatusRules = Pick<StatusesConfig, 'labels' | 'milestone' | 'open' | 'closed'>;

function push(history: StatusChange[], change: StatusChange): void {
  if (history.at(-1)?.status !== change.status) history.push(change);
}

/** The labels an issue had when it was opened: today's, with its label events undone. */
function initialLabels(item: Extract<Item, { type: 'issue' }>): Set<string> {
  const labels = new Set(item.labels);
  for (const event of [...item.events].reverse()) {
    if (event.kind === 'labeled') labels.delete(event.label);
    else if (event.kind === 'unlabeled') labels.add(event.label);
  }
  return labels;
}

export function statusHistory(item: Item, rules: StatusRules): StatusChange[] {
  const history: StatusChange[] = [];
  const finalStatus = statusOf(item, rules);

  if (item.type === 'issue') {
    const labels = initialLabels(item);
    const labeledAt = new Map<string, string>();
    // The first milestone event tells whether it started in one: removing means it had one.
    const firstMilestoneChange = item.events.find((event) => event.kind === 'milestoned' || event.kind === 'demilestoned');
    const state: ItemState = { open: true, stateReason: null, labels: [], labeledAt, closedAt: null, hasMilestone: firstMilestoneChange?.kind === 'demilestoned' };
    const snapshotOf = (): ItemState => ({ ...state, labels: [...labels] });
    push(history, { status: statusFromState(snapshotOf(), rules), at: item.createdAt });
    item.events.forEach((event, index) => {
      switch (event.kind) {
        case 'labeled':
          labels.add(event.label);
          labeledAt.set(event.label.toLowerCase(), event.createdAt);
          break;
        case 'unlabeled':
          labels.delete(event.label);
          break;
        case 'closed':
          state.open = false;
          state.stateReason = event.stateReason;
          state.closedAt = event.createdAt;
          break;
        case 'reopened':
          state.open = true;
          state.stateReason = null;
          state.closedAt = null;
          break;
        case 'milestoned':
        case 'demilestoned':
          state.hasMilestone = event.kind === 'milestoned';
          break;
        default:
          // Duplicate markings do not change the status by themselves.
          break;
      }
      // Changes made in the same instant (swapping one status label for another) are one step.
      if (item.events[index + 1]?.createdAt === event.createdAt) return;
      push(history, { status: statusFromState(snapshotOf(), rules), at: event.createdAt });
    });
  } else {
    push(history, { status: statusFromState({ open: true, stateReason: null, labels: [], hasMilestone: false }, rules), at: item.createdAt });
  }

  // Dated no earlier than the last known change, so the history always reads forwards.
  const lastAt = history.at(-1)?.at ?? item.createdAt;
  const finalAt = item.closedAt ?? item.updatedAt;
  push(history, { status: finalStatus, at: finalAt > lastAt ? finalAt : lastAt });
  return history;
}
