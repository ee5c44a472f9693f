import { describe, expect, it } from 'vitest';
import type { StatusId } from '../../src/config/index.ts';
import { statusOf } from '../../src/model/status.ts';
import { statusHistory } from '../../src/model/status-history.ts';
import type { Item } from '../../src/snapshot/schema.ts';
import { configWith, discussion, issue } from '../helpers/snapshot-builders.ts';

const statuses = configWith().statuses;
const closed = { state: 'CLOSED', closedAt: '2025-04-01T00:00:00Z' } as const;

describe('statusOf', () => {
  it.each<[string, Item, StatusId]>([
    ['open, nothing else: under review', issue({ number: 1 }), 'under-review'],
    ['on an open item a status label wins over a milestone', issue({ number: 1, labels: ['Status: In Progress'], milestone: 3 }), 'in-progress'],
    ['closed, with a status label but no known close: the close reason', issue({ number: 1, labels: ['Status: Planned'], ...closed, stateReason: 'NOT_PLANNED' }), 'declined'],
    ['closed as completed: shipped', issue({ number: 1, ...closed, stateReason: 'COMPLETED' }), 'shipped'],
    ['closed without a reason: shipped', issue({ number: 1, ...closed }), 'shipped'],
    ['closed as not planned: declined', issue({ number: 1, ...closed, stateReason: 'NOT_PLANNED' }), 'declined'],
    ['open in a milestone: planned', issue({ number: 1, milestone: 3 }), 'planned'],
    ['closed in a milestone: the close reason wins', issue({ number: 1, milestone: 3, ...closed, stateReason: 'NOT_PLANNED' }), 'declined'],
    ['a resolved Discussion: shipped', discussion({ number: 1, ...closed, stateReason: 'RESOLVED' }), 'shipped'],
    ['an outdated Discussion: declined', discussion({ number: 1, ...closed, stateReason: 'OUTDATED' }), 'declined'],
  ])('%s', (_name, item, expected) => {
    expect(statusOf(item, statuses)).toBe(expected);
  });

  it('follows the configuration', () => {
    const custom = configWith({
      statuses: { labels: { accepted: 'planned', wip: 'in-progress' }, milestone: null, open: 'planned', closed: { notPlanned: 'shipped' } },
    }).statuses;
    expect(statusOf(issue({ number: 1, labels: ['wip'] }), custom)).toBe('in-progress');
    expect(statusOf(issue({ number: 1, labels: ['status: planned'] }), custom)).toBe('planned');
    expect(statusOf(issue({ number: 1, milestone: 2 }), custom)).toBe('planned');
    expect(statusOf(issue({ number: 1, ...closed, stateReason: 'NOT_PLANNED' }), custom)).toBe('shipped');
  });

  it('picks the status label added last when there are several', () => {
    const item = issue({
      number: 1,
      labels: ['status: in progress', 'status: planned'],
      events: [
        { kind: 'labeled', createdAt: '2025-02-01T00:00:00Z', actor: 'm', label: 'status: planned' },
        { kind: 'labeled', createdAt: '2025-03-01T00:00:00Z', actor: 'm', label: 'status: in progress' },
      ],
    });
    expect(statusOf(item, statuses)).toBe('in-progress');
  });
});

describe('statusOf a closed item with status labels', () => {
  const at = (day: number): string => `2025-04-${String(day).padStart(2, '0')}T00:00:00Z`;
  const labeled = (label: string, day: number) => ({ kind: 'labeled', createdAt: at(day), actor: 'm', label }) as const;
  const closedOn = (day: number, stateReason: 'COMPLETED' | 'NOT_PLANNED') =>
    ({ kind: 'closed', createdAt: at(day), actor: 'm', stateReason, closer: null }) as const;
  const reopenedOn = (day: number) => ({ kind: 'reopened', createdAt: at(day), actor: 'm' }) as const;
  const closedItem = (stateReason: 'COMPLETED' | 'NOT_PLANNED', labels: string[], events: Extract<Item, { type: 'issue' }>['events']): Item =>
    issue({ number: 1, labels, events, state: 'CLOSED', stateReason, closedAt: events.findLast((event) => event.kind === 'closed')?.createdAt ?? at(1) });

  it.each<[string, Item, StatusId]>([
    [
      'a label left over from before a close as completed: shipped',
      closedItem('COMPLETED', ['status: in progress'], [labeled('status: in progress', 2), closedOn(5, 'COMPLETED')]),
      'shipped',
    ],
    [
      'a label left over from before a close as not planned: declined',
      closedItem('NOT_PLANNED', ['status: planned'], [labeled('status: planned', 2), closedOn(5, 'NOT_PLANNED')]),
      'declined',
    ],
    [
      'a label added after the close: that label',
      closedItem('NOT_PLANNED', ['status: planned', 'status: declined'], [labeled('status: planned', 2), closedOn(5, 'NOT_PLANNED'), labeled('status: declined', 6)]),
      'declined',
    ],
    [
      'a label added after a close as completed overrides it',
      closedItem('COMPLETED', ['status: under review'], [closedOn(5, 'COMPLETED'), labeled('status: under review', 7)]),
      'under-review',
    ],
    [
      'a label added in the same second as the close: that label',
      closedItem('COMPLETED', ['status: planned'], [labeled('status: planned', 5), closedOn(5, 'COMPLETED')]),
      'planned',
    ],
    [
      'a label added after a first close but before the last one: the close reason',
      closedItem('COMPLETED', ['status: planned'], [closedOn(3, 'NOT_PLANNED'), labeled('status: planned', 4), reopenedOn(5), closedOn(6, 'COMPLETED')]),
      'shipped',
    ],
    [
      'several labels added after the close: the one added last',
      closedItem('COMPLETED', ['status: shipped', 'status: planned'], [closedOn(3, 'COMPLETED'), labeled('status: shipped', 4), labeled('status: planned', 5)]),
      'planned',
    ],
    [
      'several labels added in the same second after the close: the furthest along',
      closedItem('NOT_PLANNED', ['status: shipped', 'status: planned'], [closedOn(3, 'NOT_PLANNED'), labeled('status: shipped', 4), labeled('status: planned', 4)]),
      'shipped',
    ],
    [
      'a closed Discussion with a status label (no events): the close reason',
      discussion({ number: 1, labels: ['status: in progress'], ...closed, stateReason: 'RESOLVED' }),
      'shipped',
    ],
  ])('%s', (_name, item, expected) => {
    expect(statusOf(item, statuses)).toBe(expected);
  });

  it('lets labels decide again once the item is reopened', () => {
    const item = issue({
      number: 1,
      labels: ['status: planned'],
      events: [labeled('status: planned', 2), closedOn(3, 'COMPLETED'), reopenedOn(4)],
      state: 'OPEN',
      stateReason: 'REOPENED',
    });
    expect(statusOf(item, statuses)).toBe('planned');
  });

  it('picks, on an open item with several status labels and no known times, the furthest along', () => {
    expect(statusOf(issue({ number: 1, labels: ['status: shipped', 'status: planned', 'status: in progress'] }), statuses)).toBe('shipped');
  });

  it('shows the close in the history, and a label added after it', () => {
    const item = closedItem('COMPLETED', ['status: in progress', 'status: shipped'], [
      labeled('status: in progress', 2),
      closedOn(5, 'COMPLETED'),
      labeled('status: shipped', 6),
    ]);
    expect(statusHistory(item, statuses).map((change) => [change.status, change.at])).toEqual([
      ['under-review', item.createdAt],
      ['in-progress', at(2)],
      ['shipped', at(5)],
    ]);
    const leftover = closedItem('NOT_PLANNED', ['status: in progress'], [labeled('status: in progress', 2), closedOn(5, 'NOT_PLANNED')]);
    expect(statusHistory(leftover, statuses).map((change) => [change.status, change.at])).toEqual([
      ['under-review', leftover.createdAt],
      ['in-progress', at(2)],
      ['declined', at(5)],
    ]);
  });
});

describe('statusHistory', () => {
  it('replays labels, closes and reopens', () => {
    const item = issue({
      number: 1,
      labels: ['enhancement'],
      createdAt: '2025-01-01T00:00:00Z',
      events: [
        { kind: 'labeled', createdAt: '2025-02-01T00:00:00Z', actor: 'm', label: 'status: planned' },
        { kind: 'labeled', createdAt: '2025-02-01T00:00:00Z', actor: 'm', label: 'area: cli' },
        { kind: 'unlabeled', createdAt: '2025-03-01T00:00:00Z', actor: 'm', label: 'status: planned' },
        { kind: 'labeled', createdAt: '2025-03-01T00:00:00Z', actor: 'm', label: 'status: in progress' },
        { kind: 'unlabeled', createdAt: '2025-04-01T00:00:00Z', actor: 'm', label: 'status: in progress' },
        { kind: 'closed', createdAt: '2025-04-01T00:00:00Z', actor: 'm', stateReason: 'COMPLETED', closer: null },
        { kind: 'reopened', createdAt: '2025-04-02T00:00:00Z', actor: 'm' },
        { kind: 'closed', createdAt: '2025-04-03T00:00:00Z', actor: 'm', stateReason: 'NOT_PLANNED', closer: null },
      ],
      state: 'CLOSED',
      stateReason: 'NOT_PLANNED',
      closedAt: '2025-04-03T00:00:00Z',
    });
    expect(statusHistory(item, statuses)).toEqual([
      { status: 'under-review', at: '2025-01-01T00:00:00Z' },
      { status: 'planned', at: '2025-02-01T00:00:00Z' },
      { status: 'in-progress', at: '2025-03-01T00:00:00Z' },
      { status: 'shipped', at: '2025-04-01T00:00:00Z' },
      { status: 'under-review', at: '2025-04-02T00:00:00Z' },
      { status: 'declined', at: '2025-04-03T00:00:00Z' },
    ]);
  });

  it('starts from the labels the issue was opened with', () => {
    const item = issue({ number: 1, labels: ['status: planned'], createdAt: '2025-01-01T00:00:00Z' });
    expect(statusHistory(item, statuses)).toEqual([{ status: 'planned', at: '2025-01-01T00:00:00Z' }]);
  });

  it('ends with the current status when a milestone set it', () => {
    const item = issue({ number: 1, milestone: 4, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-02-10T00:00:00Z' });
    expect(statusHistory(item, statuses).map((change) => change.status)).toEqual(['under-review', 'planned']);
  });

  it('replays milestone changes, and a request reopened after it shipped goes back to where it was', () => {
    // The default statuses put an open issue in a milestone in "planned".
    const item = issue({
      number: 1,
      labels: ['enhancement'],
      createdAt: '2025-01-01T00:00:00Z',
      milestone: 1,
      events: [
        { kind: 'milestoned', createdAt: '2025-02-01T00:00:00Z', actor: 'm', milestoneTitle: 'v1.2.0' },
        { kind: 'closed', createdAt: '2025-03-01T00:00:00Z', actor: 'm', stateReason: 'COMPLETED', closer: null },
        { kind: 'reopened', createdAt: '2025-04-01T00:00:00Z', actor: 'm' },
        { kind: 'demilestoned', createdAt: '2025-05-01T00:00:00Z', actor: 'm', milestoneTitle: 'v1.2.0' },
        { kind: 'milestoned', createdAt: '2025-05-01T00:00:00Z', actor: 'm', milestoneTitle: 'v1.3.0' },
      ],
      state: 'OPEN',
      stateReason: 'REOPENED',
      updatedAt: '2025-05-01T00:00:00Z',
    });
    expect(statusHistory(item, statuses)).toEqual([
      { status: 'under-review', at: '2025-01-01T00:00:00Z' },
      { status: 'planned', at: '2025-02-01T00:00:00Z' },
      { status: 'shipped', at: '2025-03-01T00:00:00Z' },
      { status: 'planned', at: '2025-04-01T00:00:00Z' },
    ]);
  });

  it('gives a closed Discussion two steps', () => {
    const item = discussion({ number: 1, state: 'CLOSED', stateReason: 'RESOLVED', closedAt: '2025-05-01T00:00:00Z' });
    expect(statusHistory(item, statuses)).toEqual([
      { status: 'under-review', at: item.createdAt },
      { status: 'shipped', at: '2025-05-01T00:00:00Z' },
    ]);
  });
});
