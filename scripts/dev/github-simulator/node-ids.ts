/**
 * Global node ids, shaped like GitHub's current ones (`I_kwDO...`): a type prefix, an underscore and
 * an opaque base64url payload. Ours encode where the object lives in the world, so they are stable
 * across restarts, decodable by `node(id:)`, and identical in GraphQL `id` and REST `node_id`.
 */

export type NodeKind =
  | 'Repository'
  | 'Issue'
  | 'Discussion'
  | 'PullRequest'
  | 'Release'
  | 'IssueComment'
  | 'DiscussionComment'
  | 'Milestone'
  | 'Label'
  | 'DiscussionCategory'
  | 'User'
  | 'Bot'
  | 'Organization'
  | 'Mannequin'
  | 'Commit'
  | 'Reaction'
  | 'ClosedEvent'
  | 'ReopenedEvent'
  | 'LabeledEvent'
  | 'UnlabeledEvent'
  | 'MarkedAsDuplicateEvent'
  | 'UnmarkedAsDuplicateEvent'
  | 'RenamedTitleEvent'
  | 'TransferredEvent'
  | 'MilestonedEvent'
  | 'DemilestonedEvent'
  | 'ProjectV2'
  | 'ProjectV2Item'
  | 'ProjectV2Field'
  | 'ProjectV2ItemFieldValue';

const PREFIXES: Record<NodeKind, string> = {
  Repository: 'R',
  Issue: 'I',
  Discussion: 'D',
  PullRequest: 'PR',
  Release: 'RE',
  IssueComment: 'IC',
  DiscussionComment: 'DC',
  Milestone: 'MI',
  Label: 'LA',
  DiscussionCategory: 'DIC',
  User: 'U',
  Bot: 'BOT',
  Organization: 'O',
  Mannequin: 'M',
  Commit: 'C',
  Reaction: 'REA',
  ClosedEvent: 'CE',
  ReopenedEvent: 'REE',
  LabeledEvent: 'LE',
  UnlabeledEvent: 'UNLE',
  MarkedAsDuplicateEvent: 'MADE',
  UnmarkedAsDuplicateEvent: 'UMDE',
  RenamedTitleEvent: 'RTE',
  TransferredEvent: 'TE',
  MilestonedEvent: 'MIE',
  DemilestonedEvent: 'DMIE',
  ProjectV2: 'PVT',
  ProjectV2Item: 'PVTI',
  ProjectV2Field: 'PVTF',
  ProjectV2ItemFieldValue: 'PVTFV',
};

const KINDS_BY_PREFIX = new Map<string, NodeKind>(
  Object.entries(PREFIXES).map(([kind, prefix]) => [prefix, kind as NodeKind]),
);

/** Builds the node id of an object of `kind` located by `parts` (repository id first, usually). */
export function nodeId(kind: NodeKind, ...parts: (string | number)[]): string {
  return `${PREFIXES[kind]}_${Buffer.from(parts.join(':'), 'utf8').toString('base64url')}`;
}

export interface DecodedNodeId {
  kind: NodeKind;
  /** The `parts` given to `nodeId`, as strings. The last part keeps any `:` (label names). */
  parts: string[];
}

/** How many parts each kind's payload carries, so a label named `a:b` still decodes. */
const PART_COUNTS: Record<NodeKind, number> = {
  Repository: 1,
  Issue: 2,
  Discussion: 2,
  PullRequest: 2,
  Release: 2,
  IssueComment: 3,
  DiscussionComment: 3,
  Milestone: 2,
  Label: 2,
  DiscussionCategory: 2,
  User: 1,
  Bot: 1,
  Organization: 1,
  Mannequin: 1,
  Commit: 2,
  Reaction: 2,
  ClosedEvent: 3,
  ReopenedEvent: 3,
  LabeledEvent: 3,
  UnlabeledEvent: 3,
  MarkedAsDuplicateEvent: 3,
  UnmarkedAsDuplicateEvent: 3,
  RenamedTitleEvent: 3,
  TransferredEvent: 3,
  MilestonedEvent: 3,
  DemilestonedEvent: 3,
  ProjectV2: 1,
  ProjectV2Item: 2,
  ProjectV2Field: 2,
  ProjectV2ItemFieldValue: 3,
};


/** Splits a node id back into its kind and parts; `null` for anything the simulator did not mint. */
export function decodeNodeId(id: string): DecodedNodeId | null {
  const separator = id.indexOf('_');
  if (separator <= 0) return null;
  const kind = KINDS_BY_PREFIX.get(id.slice(0, separator));
  if (kind === undefined) return null;
  const payload = id.slice(separator + 1);
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return null;
  const pieces = Buffer.from(payload, 'base64url').toString('utf8').split(':');
  const count = PART_COUNTS[kind];
  if (pieces.length < count) return null;
  return { kind, parts: [...pieces.slice(0, count - 1), pieces.slice(count - 1).join(':')] };
}
