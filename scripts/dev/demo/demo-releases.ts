import type { SimMilestone, SimPullRequest, SimRelease } from '../github-simulator/store-types.ts';
import { DAY, HOUR, MINUTE, NOW, iso } from './clock.ts';
import { planRef, type PullPlan, type RequestPlan } from './demo-plan.ts';
import { DRAFT_RELEASE, MAIN_REPOSITORY, PROJECT_START, RELEASES, UPCOMING_MILESTONES, type ReleaseSchedule } from './demo-project.ts';
import { BODY_PAYLOADS } from './hostile-payloads.ts';
import type { WorldIds } from './ids.ts';
import type { Cast, Person } from './people.ts';
import { loginOf } from './people.ts';
import type { Random } from './random.ts';
import { pullUrl } from './references.ts';

/** Milestones, pull requests and releases of the main repository, with GitHub-style notes. */

/** The release whose notes carry a hostile payload. */
export const HOSTILE_RELEASE_TAG = 'v1.5.0';

export interface Milestones {
  list: SimMilestone[];
  numberOf(title: string): number;
}

/** Stable releases each had a milestone of the same name; upcoming ones give Now / Next / Later. */
export function buildMilestones(random: Random, ids: WorldIds): Milestones {
  interface Draft {
    title: string;
    description: string | null;
    createdAt: number;
    dueOn: number | null;
    closedAt: number | null;
  }
  const drafts: Draft[] = [];
  let opened = PROJECT_START + 10 * DAY;
  for (const release of RELEASES.filter((entry) => !entry.prerelease)) {
    const due = Math.floor(release.publishedAt / DAY) * DAY + 7 * HOUR;
    drafts.push({ title: release.tag, description: null, createdAt: opened, dueOn: due, closedAt: release.publishedAt + random.between(MINUTE, 3 * HOUR) });
    opened = release.publishedAt + random.between(HOUR, 2 * DAY);
  }
  for (const upcoming of UPCOMING_MILESTONES) {
    drafts.push({ title: upcoming.title, description: upcoming.description, createdAt: upcoming.createdAt, dueOn: upcoming.dueOn, closedAt: null });
  }
  drafts.sort((left, right) => left.createdAt - right.createdAt);
  const list = drafts.map((draft, index): SimMilestone => ({
    number: index + 1,
    id: ids.milestone.next(),
    title: draft.title,
    description: draft.description,
    state: draft.closedAt === null ? 'OPEN' : 'CLOSED',
    dueOn: draft.dueOn === null ? null : iso(draft.dueOn),
    createdAt: iso(draft.createdAt),
    updatedAt: iso(draft.closedAt ?? Math.min(NOW - random.int(1, 20) * HOUR, Math.max(draft.createdAt, NOW - 5 * DAY))),
    closedAt: draft.closedAt === null ? null : iso(draft.closedAt),
  }));
  return {
    list,
    numberOf(title) {
      const found = list.find((milestone) => milestone.title === title);
      if (found === undefined) throw new Error(`no milestone "${title}"`);
      return found.number;
    },
  };
}

export function renderPullRequest(pull: PullPlan, ids: WorldIds): SimPullRequest {
  return {
    number: pull.slot.number,
    id: ids.pullRequest.next(),
    title: pull.title,
    author: loginOf(pull.author),
    state: pull.state,
    createdAt: iso(pull.slot.createdAt),
    mergedAt: pull.mergedAt === null ? null : iso(pull.mergedAt),
    mergeCommit: pull.mergeCommit,
    closes: pull.closes.map((slot) => planRef({ slot })),
  };
}

const SECTIONS: ReadonlyArray<readonly [PullPlan['section'], string]> = [
  ['features', '### ✨ Features'],
  ['fixes', '### 🐛 Bug Fixes'],
  ['docs', '### 📝 Documentation'],
  ['dependencies', '### 📦 Dependencies'],
];

function pullLine(pull: PullPlan): string {
  return `* ${pull.title} by @${pull.author.login} in ${pullUrl(planRef(pull))}`;
}

interface NotesInput {
  release: ReleaseSchedule;
  previousTag: string | null;
  pulls: PullPlan[];
  shipped: RequestPlan[];
  firstTimers: Array<[Person, PullPlan]>;
}

function releaseNotes(random: Random, input: NotesInput): string {
  const { release, pulls, shipped } = input;
  const lines: string[] = [];
  if (release.prerelease) {
    lines.push('> [!WARNING]', '> This is a pre-release. Please try it and report problems, but do not use it in production yet.', '');
  }
  if (release.tag === 'v1.0.0') {
    lines.push('Lumen 1.0 is here! Thank you to everyone who tried the betas and reported issues. 🎉', '');
  }
  if (shipped.length > 0) {
    lines.push('## Highlights', '');
    for (const plan of shipped) {
      const fate = plan.fate;
      if (fate.kind !== 'shipped') continue;
      const number = plan.slot.number;
      if (fate.via === 'pull-request' && fate.pull !== null) {
        const verb = random.pick(['Ships', 'Closes']);
        lines.push(`- **${plan.title}** (${verb} #${number}) — thanks @${fate.pull.author.login}!`);
      } else if (fate.via === 'release-notes') {
        lines.push(`- ${plan.title}. Closes #${number}.`);
      }
    }
    lines.push('');
  }
  lines.push("## What's Changed", '');
  for (const [section, heading] of SECTIONS) {
    const inSection = pulls.filter((pull) => pull.section === section);
    if (inSection.length === 0) continue;
    lines.push(heading, ...inSection.map(pullLine), '');
  }
  // Commit references, short and full, the way maintainers write them by hand.
  const commits = pulls.flatMap((pull) => (pull.mergeCommit === null ? [] : [pull.mergeCommit]));
  if (commits.length > 0 && random.chance(0.7)) {
    const commit = random.pick(commits);
    const other = random.hex(40);
    lines.push(
      '### Other changes',
      random.pick([
        `* Reverted ${commit.slice(0, 7)} because it broke builds on Windows, then re-landed it in ${other.slice(0, 7)}`,
        `* Faster cold starts thanks to lazy config loading (${commit.slice(0, 7)})`,
        `* Fixed a regression introduced in ${commit}`,
        `* Internal refactor of the render queue, see ${commit.slice(0, 7)} and ${other}`,
      ]),
      '',
    );
  }
  if (release.tag === HOSTILE_RELEASE_TAG) {
    lines.push(
      '### Security',
      `* Sanitize untrusted titles (reported by a researcher who sent ${BODY_PAYLOADS.imgOnerror})`,
      `* ${BODY_PAYLOADS.script} no longer executes in the search dialog`,
      `* ${BODY_PAYLOADS.javascriptLink}`,
      '',
    );
  }
  if (input.firstTimers.length > 0) {
    lines.push('## New Contributors', ...input.firstTimers.map(([member, pull]) => `* @${member.login} made their first contribution in ${pullUrl(planRef(pull))}`), '');
  }
  const compare = input.previousTag === null ? release.tag : `${input.previousTag}...${release.tag}`;
  lines.push(`**Full Changelog**: https://github.com/${MAIN_REPOSITORY}/compare/${compare}`);
  return lines.join('\n');
}

export function buildReleases(random: Random, ids: WorldIds, cast: Cast, pulls: PullPlan[], requests: RequestPlan[]): SimRelease[] {
  const releases: SimRelease[] = [];
  const seenAuthors = new Set<string>();
  const mergedInOrder = pulls
    .filter((pull) => pull.slot.repository === MAIN_REPOSITORY && pull.mergedAt !== null)
    .sort((left, right) => (left.mergedAt ?? 0) - (right.mergedAt ?? 0));
  let previousTag: string | null = null;
  for (const release of RELEASES) {
    const inRelease = mergedInOrder.filter((pull) => pull.release === release);
    const firstTimers: Array<[Person, PullPlan]> = [];
    for (const pull of inRelease) {
      if (pull.author.type !== 'User' || seenAuthors.has(pull.author.login)) continue;
      seenAuthors.add(pull.author.login);
      if (pull.author.role === 'contributor') firstTimers.push([pull.author, pull]);
    }
    const shipped = requests.filter((plan) => plan.fate.kind === 'shipped' && plan.fate.release === release);
    const createdAt = release.publishedAt - random.between(5 * MINUTE, 2 * HOUR);
    releases.push({
      id: ids.release.next(),
      tagName: release.tag,
      name: release.name,
      body: releaseNotes(random, { release, previousTag, pulls: inRelease, shipped, firstTimers }),
      author: random.chance(0.4) ? cast.bots.actions.login : random.pick(cast.maintainers.slice(0, 2)).login,
      isDraft: false,
      isPrerelease: release.prerelease,
      createdAt: iso(createdAt),
      publishedAt: iso(release.publishedAt),
      tagCommit: random.hex(40),
    });
    previousTag = release.tag;
  }
  const pending = mergedInOrder.filter((pull) => pull.release === null && pull.section !== 'docs');
  releases.push({
    id: ids.release.next(),
    tagName: DRAFT_RELEASE.tag,
    name: DRAFT_RELEASE.name,
    body: [
      'These notes are a draft and not yet published.',
      '',
      '## Highlights',
      '',
      '- Fallback locales for i18n routing (still waiting for the migration guide)',
      '',
      "## What's Changed",
      '',
      ...pending.map(pullLine),
    ].join('\n'),
    author: cast.maintainers[0]?.login ?? null,
    isDraft: true,
    isPrerelease: false,
    createdAt: iso(DRAFT_RELEASE.createdAt),
    publishedAt: null,
    tagCommit: random.hex(40),
  });
  // GitHub lists releases newest first.
  return releases.reverse();
}
