/**
 * Writes a large, valid snapshot (the files `npm run sync` would write, per
 * `src/snapshot/schema.ts`) for the build benchmark: N requests spread over the configured
 * repositories, shaped like a busy project's so that pages weigh what real ones do — Markdown
 * bodies, a power-law of votes, comments, labels, milestones, shipped items closed by pull
 * requests, and releases that mention them.
 *
 * Deterministic for a seed; every file is validated against the schema before it is written.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { repositoryDir } from '../../../src/snapshot/read-snapshot.ts';
import {
  ITEMS_PER_SHARD,
  itemShardSchema,
  manifestSchema,
  repositorySnapshotSchema,
  SNAPSHOT_SCHEMA_VERSION,
  type Item,
  type ItemShard,
  type Manifest,
  type ReactionContent,
  type Release,
  type RepositorySnapshot,
} from '../../../src/snapshot/schema.ts';

/** What the generated items must carry to be published by the project's configuration. */
export interface BenchSource {
  repo: string;
  /** Items must have one of these labels; `[]` accepts any issue, `false` publishes no issue. */
  issueLabels: string[] | false;
  /** Discussion categories (slugs); `[]` accepts any, `false` publishes no Discussion. */
  discussionCategories: string[] | false;
}

export interface BenchSnapshotOptions {
  dir: string;
  requests: number;
  sources: BenchSource[];
  /** Label → status, as in `statuses.labels`. */
  statusLabels: Record<string, string>;
  /** Reactions that count as votes. */
  voteReactions: ReactionContent[];
  seed?: number;
}

export interface BenchSnapshotSummary {
  items: number;
  releases: number;
  votes: number;
  bytes: number;
}

const SYNCED_AT = '2025-06-01T00:00:00Z';
const START = Date.parse('2022-01-01T00:00:00Z');
const SPAN = Date.parse('2025-05-31T00:00:00Z') - START;
const PEOPLE = 6_000;

const TOPIC_LABELS = ['ui', 'api', 'cli', 'docs', 'performance', 'accessibility', 'i18n', 'plugins', 'sync', 'security', 'mobile', 'export'];
const LABEL_COLORS = ['0e8a16', '1d76db', 'b60205', 'fbca04', '5319e7', 'c2e0c6', 'd93f0b', 'bfdadc'];
const SUBJECTS = ['dark mode', 'CSV export', 'offline sync', 'keyboard shortcuts', 'SSO login', 'webhooks', 'custom themes', 'a plugin API', 'bulk editing', 'RSS feeds', 'image previews', 'two-factor auth', 'audit logs', 'saved filters', 'a mobile layout', 'Markdown tables', 'incremental builds', 'i18n for dates', 'drag and drop', 'an undo history'];
const VERBS = ['Support', 'Add', 'Allow', 'Improve', 'Make it possible to use', 'Provide', 'Please consider', 'Request:'];
const PLACES = ['in the dashboard', 'for teams', 'on the CLI', 'in the editor', 'for large projects', 'in the API', 'on mobile', 'for self-hosted setups', '', ''];
const WORDS = 'the a to of and in for with when this that it is we our users would like be able should could need because currently there no way workaround today every time project build page list view setting option default team large small fast slow data file export import sync theme request vote release roadmap feature'.split(' ');

/** mulberry32: small, fast and good enough to shape test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function writeBenchSnapshot(options: BenchSnapshotOptions): Promise<BenchSnapshotSummary> {
  const rand = random(options.seed ?? 1);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rand() * values.length)] as T;
  const iso = (time: number) => new Date(Math.round(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const sentence = (words: number) => {
    const text = Array.from({ length: words }, () => pick(WORDS)).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const actor = (id: number) => ({
    login: `user-${id}`,
    type: 'User' as const,
    avatarUrl: `https://avatars.githubusercontent.com/u/${100_000 + id}?v=4`,
  });

  const repositories = new Map<string, { snapshot: RepositorySnapshot; items: Item[] }>();
  for (const source of options.sources) {
    const [owner = '', name = ''] = source.repo.split('/');
    const statusLabelNames = Object.keys(options.statusLabels);
    const extraLabels = [...TOPIC_LABELS, ...(source.issueLabels || [])];
    repositories.set(source.repo, {
      snapshot: {
        schemaVersion: SNAPSHOT_SCHEMA_VERSION,
        repository: source.repo,
        url: `https://github.com/${owner}/${name}`,
        description: `The ${name} project.`,
        isPrivate: false,
        labels: [...new Set([...extraLabels, ...statusLabelNames])]
          .sort()
          .map((label, index) => ({ name: label, color: LABEL_COLORS[index % LABEL_COLORS.length] ?? 'ededed', description: null })),
        milestones: [1, 2, 3].map((number) => ({
          number,
          title: `v${number + 2}.0`,
          description: null,
          state: 'OPEN' as const,
          dueOn: iso(Date.parse('2025-07-01T00:00:00Z') + number * 90 * 86_400_000),
          url: `https://github.com/${owner}/${name}/milestone/${number}`,
        })),
        releases: [],
      },
      items: [],
    });
  }

  const statusLabel = (status: string) => Object.keys(options.statusLabels).find((label) => options.statusLabels[label] === status);
  let votes = 0;
  const shipped: Array<{ repository: string; number: number; closedAt: number }> = [];
  const nextNumber = new Map<string, number>();

  for (let index = 0; index < options.requests; index++) {
    const source = options.sources[index % options.sources.length];
    if (!source) throw new Error('no source to generate items for');
    const entry = repositories.get(source.repo);
    if (!entry) throw new Error(`unknown repository ${source.repo}`);
    const number = (nextNumber.get(source.repo) ?? 0) + 1;
    nextNumber.set(source.repo, number);
    const [owner = '', name = ''] = source.repo.split('/');

    const createdAt = START + rand() * SPAN * 0.95;
    const updatedAt = createdAt + rand() * (START + SPAN - createdAt);
    // Most requests have a vote or two, one in ten has over a hundred (mean about 35).
    const voteCount = Math.min(PEOPLE - 1, Math.floor(2 ** (rand() ** 3 * 9.2)) - 1);
    const voteTimes = Array.from({ length: voteCount }, () => createdAt + rand() * (updatedAt - createdAt)).sort((a, b) => a - b);
    const firstVoter = Math.floor(rand() * PEOPLE);
    votes += voteCount;
    const itemVotes = voteTimes.map((time, vote) => ({
      login: `user-${(firstVoter + vote * 7) % PEOPLE}`,
      type: 'User' as const,
      content: options.voteReactions[vote % options.voteReactions.length] ?? 'THUMBS_UP',
      createdAt: iso(time),
    }));

    const roll = rand();
    const status = roll < 0.45 ? 'under-review' : roll < 0.65 ? 'planned' : roll < 0.75 ? 'in-progress' : roll < 0.93 ? 'shipped' : 'declined';
    const closed = status === 'shipped' || status === 'declined';
    const closedAt = closed ? updatedAt : null;
    const topic = [pick(TOPIC_LABELS), ...(rand() < 0.3 ? [pick(TOPIC_LABELS)] : [])];
    const label = statusLabel(status);
    const useDiscussion =
      source.discussionCategories !== false && (source.issueLabels === false || rand() < 0.2);
    const labels = [...new Set([...topic, ...(label ? [label] : [])])].sort();
    const title = `${pick(VERBS)} ${pick(SUBJECTS)} ${pick(PLACES)}`.trim() + (rand() < 0.3 ? ` (${sentence(3).slice(0, -1).toLowerCase()})` : '');
    const body = [
      `## What\n\n${sentence(12 + Math.floor(rand() * 30))}`,
      `## Why\n\n${sentence(20 + Math.floor(rand() * 60))}\n\n- ${sentence(6)}\n- ${sentence(8)}\n- ${sentence(5)}`,
      ...(rand() < 0.3 ? ['```sh\nlumen build --incremental\n```'] : []),
      ...(rand() < 0.4 ? [`Related to #${1 + Math.floor(rand() * Math.max(1, number))} and https://example.com/docs/${number}.`] : []),
    ].join('\n\n');
    const comments = Array.from({ length: Math.floor(rand() * 6) }, (_, comment) => ({
      id: `IC_${source.repo}_${number}_${comment}`,
      author: actor(Math.floor(rand() * PEOPLE)),
      authorAssociation: comment === 0 && rand() < 0.3 ? ('MEMBER' as const) : ('NONE' as const),
      body: sentence(10 + Math.floor(rand() * 40)),
      createdAt: iso(createdAt + (comment + 1) * 3_600_000),
      url: `https://github.com/${owner}/${name}/issues/${number}#issuecomment-${number * 10 + comment}`,
    }));
    const base = {
      repository: source.repo,
      number,
      id: `I_${createHash('sha1').update(`${source.repo}#${number}`).digest('hex').slice(0, 16)}`,
      title,
      body,
      author: actor(Math.floor(rand() * PEOPLE)),
      authorAssociation: 'NONE' as const,
      locked: false,
      createdAt: iso(createdAt),
      updatedAt: iso(updatedAt),
      closedAt: closedAt === null ? null : iso(closedAt),
      votes: itemVotes,
      commentCount: comments.length + Math.floor(rand() * 4),
      comments,
      formerAddresses: [],
    };

    if (useDiscussion && source.discussionCategories !== false) {
      const category = source.discussionCategories[0] ?? 'ideas';
      entry.items.push({
        type: 'discussion',
        ...base,
        url: `https://github.com/${owner}/${name}/discussions/${number}`,
        labels,
        state: closed ? 'CLOSED' : 'OPEN',
        stateReason: closed ? 'RESOLVED' : null,
        category: { name: category.charAt(0).toUpperCase() + category.slice(1), slug: category.toLowerCase() },
        upvoteCount: Math.floor(voteCount / 3),
      });
      continue;
    }

    const issueLabels = source.issueLabels === false ? [] : source.issueLabels;
    const mergedAt = closedAt === null ? null : closedAt - 3_600_000;
    const closer =
      status === 'shipped' && mergedAt !== null
        ? {
            repository: source.repo,
            number: 50_000 + number,
            title: `Implement ${title.toLowerCase()}`,
            url: `https://github.com/${owner}/${name}/pull/${50_000 + number}`,
            merged: true,
            mergedAt: iso(mergedAt),
            mergeCommit: createHash('sha1').update(`merge ${number}`).digest('hex'),
          }
        : null;
    if (status === 'shipped' && closedAt !== null) shipped.push({ repository: source.repo, number, closedAt });
    entry.items.push({
      type: 'issue',
      ...base,
      url: `https://github.com/${owner}/${name}/issues/${number}`,
      labels: [...new Set([...labels, ...(issueLabels[0] ? [issueLabels[0]] : [])])].sort(),
      state: closed ? 'CLOSED' : 'OPEN',
      stateReason: status === 'shipped' ? 'COMPLETED' : status === 'declined' ? 'NOT_PLANNED' : null,
      milestone: status === 'planned' && rand() < 0.6 ? 1 + Math.floor(rand() * 3) : null,
      events: [
        ...(label ? [{ kind: 'labeled' as const, createdAt: iso(createdAt + 60_000), actor: 'maintainer', label }] : []),
        ...(closedAt === null
          ? []
          : [
              {
                kind: 'closed' as const,
                createdAt: iso(closedAt),
                actor: 'maintainer',
                stateReason: status === 'shipped' ? ('COMPLETED' as const) : ('NOT_PLANNED' as const),
                closer,
              },
            ]),
      ],
      closingPullRequests: closer ? [closer] : [],
    });
  }

  // A release about every two months per repository, listing what shipped since the last one.
  let releaseCount = 0;
  for (const [repository, entry] of repositories) {
    const [owner = '', name = ''] = repository.split('/');
    const ours = shipped.filter((item) => item.repository === repository).sort((a, b) => a.closedAt - b.closedAt);
    const releases: Release[] = [];
    const every = 60 * 86_400_000;
    for (let time = START + every, minor = 0; time <= START + SPAN + every; time += every, minor++) {
      const included = ours.filter((item) => item.closedAt <= time && item.closedAt > time - every);
      const tagName = `v${1 + Math.floor(minor / 10)}.${minor % 10}.0`;
      releases.push({
        repository,
        tagName,
        name: `${name} ${tagName.slice(1)}`,
        body: [`## Highlights\n\n${sentence(25)}`, ...included.map((item) => `- ${sentence(6)} (#${item.number})`)].join('\n'),
        url: `https://github.com/${owner}/${name}/releases/tag/${tagName}`,
        author: actor(1),
        isPrerelease: false,
        createdAt: iso(time),
        publishedAt: iso(time + 3_600_000),
        tagCommit: createHash('sha1').update(`${repository}@${tagName}`).digest('hex'),
      });
    }
    entry.snapshot.releases = releases.reverse();
    releaseCount += releases.length;
  }

  // Files, validated, then the manifest that lists them with their digests.
  const files: Manifest['files'] = [];
  let bytes = 0;
  const write = async (file: string, data: unknown, items: number) => {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    bytes += Buffer.byteLength(text);
    files.push({ path: relative(options.dir, file).split('\\').join('/'), sha256: sha256(text), items });
  };
  for (const [repository, entry] of repositories) {
    const repoDir = repositoryDir(options.dir, repository);
    await write(join(repoDir, 'repository.json'), repositorySnapshotSchema.parse(entry.snapshot), 0);
    const shards = new Map<number, Item[]>();
    for (const item of entry.items) {
      const shard = Math.floor(item.number / ITEMS_PER_SHARD);
      shards.set(shard, [...(shards.get(shard) ?? []), item]);
    }
    for (const [shard, items] of [...shards].sort(([a], [b]) => a - b)) {
      const data: ItemShard = itemShardSchema.parse({ schemaVersion: SNAPSHOT_SCHEMA_VERSION, items });
      await write(join(repoDir, 'items', `${String(shard).padStart(4, '0')}.json`), data, items.length);
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : 1));
  const manifest = manifestSchema.parse({
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generator: 'open-roadmap',
    syncedAt: SYNCED_AT,
    apiUrl: 'https://api.github.com',
    sources: [...repositories].map(([repository, entry]) => ({
      repository,
      issuesCursor: SYNCED_AT,
      discussionsCursor: SYNCED_AT,
      lastFullSyncAt: SYNCED_AT,
      itemCount: entry.items.length,
      configDigest: 'bench',
    })),
    files,
  });
  await writeFile(join(options.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  return { items: options.requests, releases: releaseCount, votes, bytes };
}

/**
 * Edits one request the way the next sync would find it (a new vote and a retitle, an hour
 * later), rewriting its shard and the manifest. Returns which item changed.
 */
export async function changeOneRequest(dir: string): Promise<{ repository: string; number: number; title: string }> {
  const manifest = manifestSchema.parse(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  const shardFile = manifest.files.find((file) => file.path.includes('/items/'));
  if (!shardFile) throw new Error(`no item shard in ${dir}`);
  const shard = itemShardSchema.parse(JSON.parse(await readFile(join(dir, shardFile.path), 'utf8')));
  const item = shard.items[Math.floor(shard.items.length / 2)];
  if (!item) throw new Error(`empty shard ${shardFile.path}`);

  // As a real sync an hour later: a new snapshot time (which moves every trending score), and one
  // request retitled with a new vote.
  const syncedAt = new Date(Date.parse(SYNCED_AT) + 3_600_000).toISOString().replace('.000Z', 'Z');
  manifest.syncedAt = syncedAt;
  item.title = `${item.title} and more`;
  item.votes.push({ login: 'bench-voter', type: 'User', content: 'THUMBS_UP', createdAt: syncedAt });
  item.updatedAt = syncedAt;
  const text = `${JSON.stringify(itemShardSchema.parse(shard), null, 2)}\n`;
  await writeFile(join(dir, shardFile.path), text);
  shardFile.sha256 = sha256(text);
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifestSchema.parse(manifest), null, 2)}\n`);
  return { repository: item.repository, number: item.number, title: item.title };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
