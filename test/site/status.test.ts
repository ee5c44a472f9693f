import { describe, expect, it } from 'vitest';
import type { StatusId } from '../../src/config/index.ts';
import { statusOf } from '../../src/model/status.ts';
import { statusHistory } from '../../src/model/status-history.ts';
import type { Item } from '../../src/snapshot/schema.ts';
import { configWith, discussion, issue } from './helpers/snapshot-builders.ts';

const statuses = configWith().statuses;
const closed = { state: 'CLOSED', closedAt: '2025-04-01T00:00:00Z' } as const;

describe('statusOf', () => {
  it.each<[string, Item, StatusId]>([
    ['open, nothing else: under review', issue({ number: 1 }), 'under-review'],
    ['a status label wins over everything', issue({ number: 1, labels: ['Status: Planned'], ...closed, stateReason: 'NOT_PLANNED' }), 'planned'],
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
