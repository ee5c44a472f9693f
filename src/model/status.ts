/**
 * Where an item stands on the roadmap, from the configured rules, in this order:
 * 1. a status label (`statuses.labels`), because that is the maintainers' explicit word; with
 *    several, the one added last, else (added in the same second, or when unknown) the furthest
 *    along. On a closed item a status label counts only if it was added at or after the item's
 *    last close: a label left over from before the close (`status: in progress` on an issue
 *    closed as completed) says what was true then, while relabelling a closed item is a
 *    deliberate statement. When the last close or the label's time is not known (Discussions have
 *    no events), the label does not count;
 * 2. the reason it was closed (`statuses.closed`);
 * 3. a milestone, for open issues (`statuses.milestone`, unless null);
 * 4. the default for open items (`statuses.open`).
 */
import type { StatusesConfig } from '../config/schemas/statuses.ts';
import { STATUS_IDS, type StatusId } from '../config/status-ids.ts';
import type { Item } from '../snapshot/schema.ts';

/** The facts a status is decided from, at one moment of an item's life. */
export interface ItemState {
  open: boolean;
  /** GitHub's close reason for issues (`COMPLETED`, `NOT_PLANNED`, `DUPLICATE`) or Discussions (`RESOLVED`, `OUTDATED`, `DUPLICATE`). */
  stateReason: string | null;
  labels: readonly string[];
  /** Labels by the time they were added, when known; decides between several status labels. */
  labeledAt?: ReadonlyMap<string, string>;
  /** When a closed item was last closed (its last `ClosedEvent`), or null when not known. */
  closedAt?: string | null;
  hasMilestone: boolean;
}

type StatusRules = Pick<StatusesConfig, 'labels' | 'milestone' | 'open' | 'closed'>;

function statusFromLabels(state: ItemState, rules: StatusRules): StatusId | null {
  const byLabel = new Map(Object.entries(rules.labels).map(([label, status]) => [label.toLowerCase(), status]));
  const closedAt = state.open ? null : (state.closedAt ?? null);
  let best: { status: StatusId; at: string } | null = null;
  for (const label of state.labels) {
    const status = byLabel.get(label.toLowerCase());
    if (status === undefined) continue;
    const at = state.labeledAt?.get(label.toLowerCase()) ?? '';
    // Closed: only a label added at or after the last close (an unknown time never is).
    if (!state.open && (closedAt === null || at === '' || at < closedAt)) continue;
    const further = best !== null && at === best.at && STATUS_IDS.indexOf(status) > STATUS_IDS.indexOf(best.status);
    if (best === null || at > best.at || further) best = { status, at };
  }
  return best?.status ?? null;
}

/** Closing without a reason, or as resolved, means done; as not planned, outdated or duplicate means not doing it. */
function statusFromClosing(stateReason: string | null, rules: StatusRules): StatusId {
  switch (stateReason) {
    case 'NOT_PLANNED':
    case 'OUTDATED':
    case 'DUPLICATE':
      return rules.closed.notPlanned;
    default:
      return rules.closed.completed;
  }
}

export function statusFromState(state: ItemState, rules: StatusRules): StatusId {
  const fromLabel = statusFromLabels(state, rules);
  if (fromLabel !== null) return fromLabel;
  if (!state.open) return statusFromClosing(state.stateReason, rules);
  if (state.hasMilestone && rules.milestone !== null) return rules.milestone;
  return rules.open;
}

/** When each current label was last added, from the item's events. */
export function labeledTimes(item: Item): Map<string, string> {
  const times = new Map<string, string>();
  if (item.type !== 'issue') return times;
  for (const event of item.events) {
    if (event.kind === 'labeled') times.set(event.label.toLowerCase(), event.createdAt);
  }
  return times;
}

/**
 * When a closed issue was last closed, from its events: null for an open item, a Discussion, or
 * an issue whose timeline was not read (its last close or reopen is not a close).
 */
export function lastClosedAt(item: Item): string | null {
  if (item.type !== 'issue' || item.state === 'OPEN') return null;
  const last = item.events.findLast((event) => event.kind === 'closed' || event.kind === 'reopened');
  return last?.kind === 'closed' ? last.createdAt : null;
}

export function currentState(item: Item): ItemState {
  return {
    open: item.state === 'OPEN',
    stateReason: item.stateReason,
    labels: item.labels,
    labeledAt: labeledTimes(item),
    closedAt: lastClosedAt(item),
    hasMilestone: item.type === 'issue' && item.milestone !== null,
  };
}

export function statusOf(item: Item, rules: StatusRules): StatusId {
  return statusFromState(currentState(item), rules);
}

/** Whether a label only expresses a status (and so is not shown as a topic label). */
export function isStatusLabel(label: string, rules: Pick<StatusesConfig, 'labels'>): boolean {
  const lower = label.toLowerCase();
  return Object.keys(rules.labels).some((name) => name.toLowerCase() === lower);
}

/** Still to be done, and still taking votes: neither shipped nor declined. */
export function isOpenRequest(request: { status: StatusId }): boolean {
  return request.status !== 'shipped' && request.status !== 'declined';
}
