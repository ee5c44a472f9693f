import type { RequestPlan } from './demo-plan.ts';
import type { BodyPayloadKind, TitlePayloadKind } from './hostile-payloads.ts';
import { must, type Random } from './random.ts';

/**
 * Picks the requests that carry attack strings: six with hostile titles (each with some body
 * payloads too), a Discussion with embedded frames, and two popular requests with a hostile
 * comment. Ordinary untriaged requests are chosen so no duplicate scenario is disturbed.
 */

const TITLED: ReadonlyArray<readonly [TitlePayloadKind, BodyPayloadKind[]]> = [
  ['closesTitleTag', ['script', 'imgOnerror']],
  ['quotesAndBrackets', ['javascriptLink', 'javascriptAutolink', 'linkTitleAttribute']],
  ['headerInjection', ['headerInjection']],
  ['rightToLeftOverride', ['dataUrlLink']],
  ['zeroWidthAndEmoji', []],
  ['veryLong', ['style', 'form']],
];

export function plantHostilePayloads(random: Random, requests: RequestPlan[], untouchable: ReadonlySet<RequestPlan>): RequestPlan[] {
  const plain = (plan: RequestPlan): boolean =>
    plan.marking === null && !untouchable.has(plan) && plan.fate.kind === 'open' && plan.fate.status === 'untriaged';
  const issues = random.shuffle(requests.filter((plan) => plan.kind === 'issue' && plain(plan)));
  const planted: RequestPlan[] = [];
  for (const [title, body] of TITLED) {
    const plan = must(issues.pop(), 'request for a hostile title');
    plan.hostileTitle = title;
    plan.hostileBody = body;
    planted.push(plan);
  }
  const discussion = must(random.shuffle(requests.filter((plan) => plan.kind === 'discussion' && plain(plan))).pop(), 'discussion');
  discussion.hostileBody = ['iframe', 'svgOnload'];
  planted.push(discussion);
  const popular = requests
    .filter((plan) => plan.kind === 'issue' && plan.marking === null && !untouchable.has(plan) && !planted.includes(plan) && plan.votes >= 10)
    .sort((left, right) => right.votes - left.votes || left.slot.sequence - right.slot.sequence);
  const [first, second] = random.sample(popular.slice(0, 12), 2);
  if (first === undefined || second === undefined) throw new Error('not enough popular requests for hostile comments');
  first.hostileComment = ['idClobbering', 'headerInjection'];
  second.hostileComment = ['dataUrlLink', 'commentHidingMarkup'];
  planted.push(first, second);
  return planted;
}
