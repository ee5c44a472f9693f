/**
 * The stages an item moves through on the roadmap. The set is fixed: pages, feeds and the
 * notifier are built around these five columns, so configuration can only map onto them.
 */
export const STATUS_IDS = ['under-review', 'planned', 'in-progress', 'shipped', 'declined'] as const;

export type StatusId = (typeof STATUS_IDS)[number];

export function isStatusId(value: unknown): value is StatusId {
  return typeof value === 'string' && (STATUS_IDS as readonly string[]).includes(value);
}
