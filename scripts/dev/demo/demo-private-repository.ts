import type { SimDiscussion, SimIssue } from '../github-simulator/store-types.ts';
import { DAY, HOUR, NOW, at } from './clock.ts';
import type { RenderContext } from './demo-render-requests.ts';
import { BODY_PAYLOADS, TITLE_PAYLOADS } from './hostile-payloads.ts';
import { addComment, addLabel, finishDiscussion, finishIssue, react, startDiscussion, startIssue } from './item-builder.ts';
import { LABEL } from './labels.ts';
import { must } from './random.ts';

/**
 * lumen-dev/lumen-internal: the maintainers' private repository. Nothing from it may ever be
 * published, so its items look like requests (labels, votes) and have unmistakable titles.
 */

export const PRIVATE_TITLES = {
  signingKeys: 'Internal: rotate signing keys',
  embargo: 'Internal: embargoed fix for path traversal in the dev server',
  sponsors: 'Internal: sponsor contract renewals for 2027',
  hostile: `Internal: triage hostile report ${TITLE_PAYLOADS.closesTitleTag}`,
  pricing: 'Internal: pricing for a hosted Lumen Cloud',
} as const;

export interface PrivateItems {
  issues: SimIssue[];
  discussions: SimDiscussion[];
  /** Numbers of the items that carry a hostile payload. */
  hostileNumbers: number[];
}

export function buildPrivateItems(context: RenderContext): PrivateItems {
  const { random, cast, ids } = context;
  const owner = must(cast.maintainers[0], 'owner');
  const item = (number: number, title: string, body: string, createdAt: number, labels: string[]): SimIssue => {
    const issue = startIssue({ number, title, body, author: random.pick(cast.maintainers), createdAt });
    for (const label of labels) addLabel(issue, label, owner, createdAt);
    for (const maintainer of cast.maintainers) {
      if (random.chance(0.7)) react(issue.reactions, 'THUMBS_UP', maintainer, createdAt + random.between(HOUR, 5 * DAY));
    }
    addComment(issue, { author: random.pick(cast.maintainers), body: 'Tracking privately until the fix is out. Do not link from public issues.', at: createdAt + random.between(HOUR, 2 * DAY) });
    return finishIssue(issue, ids);
  };
  const issues = [
    item(1, PRIVATE_TITLES.signingKeys, 'The npm provenance signing key and the release GPG key are due for rotation. Steps:\n\n- [ ] generate new keys\n- [ ] update the release workflow secrets\n- [ ] publish the new fingerprint', at('2025-02-03T10:00:00Z'), [LABEL.enhancement, 'priority: high']),
    item(2, PRIVATE_TITLES.embargo, 'Reported via security@: `lumen dev` serves files outside the project with `/..%2f..%2fetc/passwd`. Embargo until the patch release.', at('2025-09-15T08:30:00Z'), [LABEL.bug, 'priority: high']),
    item(3, PRIVATE_TITLES.sponsors, 'Two sponsors renew in January; numbers are in the shared sheet.', at('2026-08-01T12:00:00Z'), [LABEL.question]),
    item(4, PRIVATE_TITLES.hostile, `Forwarded from the public tracker before we deleted it:\n\n${BODY_PAYLOADS.script}\n\n${BODY_PAYLOADS.iframe}`, at('2026-05-05T09:00:00Z'), [LABEL.enhancement]),
  ];
  const pricing = startDiscussion({
    number: 5,
    title: PRIVATE_TITLES.pricing,
    body: 'Draft tiers: free for open source, paid for private sites over 1,000 pages. Not for public discussion yet.',
    author: owner,
    category: 'ideas',
    createdAt: at('2026-09-10T14:00:00Z'),
    labels: [LABEL.enhancement],
  });
  pricing.upvoteCount = cast.maintainers.length;
  addComment(pricing, { author: must(cast.maintainers[1], 'member'), body: 'Agree on the free tier. Let us wait until after v1.7.', at: Math.min(at('2026-09-11T09:00:00Z'), NOW) });
  return { issues, discussions: [finishDiscussion(pricing, ids)], hostileNumbers: [4] };
}
