/**
 * A private repository among the sources, without `allowPrivate`, whose whole content is in the
 * snapshot (as after a sync that allowed it, before the flag was removed): the built site holds
 * nothing of it. Every output file is searched, HTML, feeds, the JSON API, the sitemap, the
 * Pagefind index (decompressed) and the text each social image was drawn from, for the
 * repository's name, its description and the text of its items, labels, milestones and releases.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type RoadmapConfigInput } from '../../src/config/index.ts';
import { imageCacheFile } from '../../src/images/image-cache.ts';
import { SOCIAL_IMAGE_RENDERER_VERSION } from '../../src/images/render-social-image.ts';
import { socialImageFiles, type SocialImageFile } from '../../src/images/site-social-images.ts';
import { buildRoadmap } from '../../src/model/build-roadmap.ts';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';
import { writeSnapshot, type SnapshotContent } from '../../src/snapshot/write-snapshot.ts';
import { buildFixture } from '../helpers/build-fixture.ts';
import { filesContaining as filesContainingIn, readOutputText, type OutputText } from '../helpers/output-text.ts';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';
import { discussion, issue, MAIN, markedDuplicate, release, repository, SYNCED_AT, vote } from '../helpers/snapshot-builders.ts';

const PRIVATE = 'acme/hush-ledger';
/** Not a source at all, so nothing says whether it is private: it may be. */
const NOT_A_SOURCE = { repository: 'acme/quietvault-notes', number: 4172 };

const privateRepository = repository(PRIVATE, {
  isPrivate: true,
  description: 'Quillback plans nobody may read yet',
  labels: [{ name: 'quillback-label', color: '000000', description: 'Quillback label meaning' }],
  milestones: [{ number: 1, title: 'Quillback milestone', description: 'Quillback milestone goals', state: 'OPEN', dueOn: '2025-09-01T00:00:00Z', url: `https://github.com/${PRIVATE}/milestone/1` }],
  releases: [release({ repository: PRIVATE, tagName: 'quillback-v9', name: 'Quillback release', body: 'Quillback release notes', publishedAt: '2025-04-01T00:00:00Z' })],
});
const privateItems = [
  issue({ repository: PRIVATE, number: 1, title: 'Zorbulent signing keys rotation', body: 'Zorbulent body text', labels: ['quillback-label'], milestone: 1, votes: [vote('alice'), vote('bob')] }),
  issue({ repository: PRIVATE, number: 2, title: 'Marvelstrand embargoed fix', body: 'Marvelstrand body text', votes: [vote('carol')] }),
  discussion({ repository: PRIVATE, number: 3, title: 'Pennywhistle pricing tiers', body: 'Pennywhistle body text', upvoteCount: 4 }),
];

const publicRepository = repository(MAIN, {
  description: 'Widgets for everyone',
  releases: [release({ tagName: 'v1.0.0', name: 'Widgets 1.0', body: 'Ships #1.', publishedAt: '2025-05-01T00:00:00Z' })],
});
const publicItems = [
  issue({ number: 1, title: 'Glimmerwick dark mode', body: 'Glimmerwick body', votes: [vote('alice'), vote('dave')], state: 'CLOSED', stateReason: 'COMPLETED', closedAt: '2025-04-30T00:00:00Z' }),
  issue({ number: 2, title: 'Export to PDF', votes: [vote('erin')] }),
  // Marked on GitHub as a duplicate of the private repository's first issue: it stands alone.
  issue({ number: 5, title: 'Rotate the keys please', ...markedDuplicate({ repository: PRIVATE, number: 1 }) }),
  discussion({ number: 6, title: 'Plugin system', upvoteCount: 3 }),
  // Marked on GitHub as a duplicate of an item in a repository that is not a source.
  issue({ number: 7, title: 'Offline mode', votes: [vote('frank')], ...markedDuplicate(NOT_A_SOURCE) }),
];

const configInput: RoadmapConfigInput = {
  site: { title: 'Acme roadmap', url: 'https://acme.example', base: '/roadmap' },
  // The private repository first: the first source is the one whose requests have the shortest addresses.
  sources: [{ repo: PRIVATE }, { repo: MAIN }],
};

/** Everything that must not appear, by what it is (compared without case). */
const secrets: Record<string, string> = {
  'owner/name': PRIVATE,
  name: PRIVATE.split('/')[1] ?? PRIVATE,
  description: privateRepository.description ?? '',
  ...Object.fromEntries(privateRepository.labels.flatMap((label, index) => [[`label ${index}`, label.name], [`label ${index} description`, label.description ?? '']])),
  ...Object.fromEntries(privateRepository.milestones.flatMap((milestone, index) => [[`milestone ${index}`, milestone.title], [`milestone ${index} description`, milestone.description ?? '']])),
  ...Object.fromEntries(privateRepository.releases.flatMap((entry, index) => [[`release ${index} tag`, entry.tagName], [`release ${index}`, entry.name ?? ''], [`release ${index} notes`, entry.body]])),
  ...Object.fromEntries(privateItems.flatMap((item) => [[`item ${item.number} title`, item.title], [`item ${item.number} body`, item.body]])),
  // Single words of the titles: the search index stores words, not sentences.
  ...Object.fromEntries(privateItems.map((item) => [`item ${item.number} first word`, item.title.split(' ')[0] ?? ''])),
};

let project: ProjectCopy;
let dist = '';
let buildLog = '';
/** Every output file's text, gzip-compressed ones (Pagefind's) decompressed; PNGs are checked by their inputs. */
let outputs: OutputText = new Map();
let cards: SocialImageFile[] = [];

beforeAll(async () => {
  project = await copyProject('open-roadmap-private-');
  await project.writeConfig(configInput);
  const snapshotDir = join(project.root, 'private-snapshot');
  const content: SnapshotContent = {
    syncedAt: SYNCED_AT,
    apiUrl: 'https://api.github.com',
    sources: [PRIVATE, MAIN].map((name) => ({
      repository: name,
      issuesCursor: null,
      discussionsCursor: null,
      lastFullSyncAt: SYNCED_AT,
      itemCount: [...privateItems, ...publicItems].filter((item) => item.repository === name).length,
      configDigest: 'test',
    })),
    repositories: [privateRepository, publicRepository],
    items: [...privateItems, ...publicItems],
  };
  await writeSnapshot(snapshotDir, content);
  dist = join(project.root, 'dist');
  buildLog = await buildFixture(project.root, { ROADMAP_SNAPSHOT_DIR: snapshotDir }, ['--outDir', dist]);

  outputs = await readOutputText(dist);
  const config = parseConfig(configInput);
  cards = socialImageFiles(config, buildRoadmap(await readSnapshot(snapshotDir), config));
}, 300_000);

afterAll(async () => {
  await project?.remove();
});

const filesContaining = (text: string): string[] => filesContainingIn(outputs, text);

describe('a site built with a private source that may not be published', () => {
  it('searches every kind of output file, and finds the public source in them', () => {
    const paths = [...outputs.keys()];
    for (const kind of [/\.html$/, /\.xml$/, /\.json$/, /^pagefind\/fragment\//, /^pagefind\/index\//, /^pagefind\/filter\//]) {
      expect(paths.some((path) => kind.test(path)), String(kind)).toBe(true);
    }
    // The same search finds what is published: the public repository and its items' words,
    // in the pages, the search index's words and fragments, the feeds and the API.
    expect(filesContaining(MAIN).length).toBeGreaterThan(0);
    const glimmerwick = filesContaining('Glimmerwick');
    for (const place of [/\.html$/, /^pagefind\/index\//, /^pagefind\/fragment\//, /^api\/requests\.json$/]) {
      expect(glimmerwick.some((path) => place.test(path)), String(place)).toBe(true);
    }
  });

  it.each(Object.entries(secrets))('holds nothing of its %s', (_what, secret) => {
    expect(secret).not.toBe('');
    expect(filesContaining(secret)).toEqual([]);
  });

  it('draws no social image from its text, and draws exactly the images it says', async () => {
    const ogFiles = (await readdir(join(dist, 'og'), { recursive: true })).filter((file) => file.endsWith('.png'));
    expect(ogFiles.map((file) => `/og/${file}`).sort()).toEqual(cards.map((card) => card.path).sort());
    // Each image was rendered from these very inputs: the cache holds one file per input's hash.
    const cacheDir = join(project.root, '.cache/images');
    const cached = (await readdir(cacheDir)).filter((file) => file.endsWith('.png'));
    expect(cached.sort()).toEqual(
      cards.map((card) => imageCacheFile(card.input, { directory: cacheDir, version: SOCIAL_IMAGE_RENDERER_VERSION }).slice(cacheDir.length + 1)).sort(),
    );
    const text = JSON.stringify(cards.map((card) => card.input)).toLowerCase();
    expect(text).toContain('glimmerwick');
    for (const secret of Object.values(secrets)) expect(text, secret).not.toContain(secret.toLowerCase());
  });

  it('reports a duplicate of an item in a repository that is not a source without naming that repository', () => {
    const marked = publicItems.find((item) => item.number === 7)!;
    const maintainers = outputs.get('maintainers/index.html') ?? '';
    // The problem is listed, with a link to the item on GitHub, whose page there links the original.
    const rows = maintainers.split('<tr').filter((row) => /^[^>]*data-problem="unavailable-original"/.test(row));
    const row = rows.find((candidate) => candidate.includes(`href="${marked.url.toLowerCase()}"`)) ?? '';
    expect(row).toContain('an item in a repository that is not among the roadmap’s sources');
    const warning = buildLog.split('\n').find((line) => line.includes(`${MAIN}#7 is marked as a duplicate`)) ?? '';
    expect(warning).toContain('an item in a repository that is not among the roadmap’s sources');
    for (const text of [row, warning]) expect(text).not.toContain(String(NOT_A_SOURCE.number));
    expect(filesContaining(NOT_A_SOURCE.repository)).toEqual([]);
    expect(buildLog.toLowerCase()).not.toContain(NOT_A_SOURCE.repository);
  });

  it('logs no text of it while building', () => {
    expect(buildLog).toMatch(/Complete!/);
    for (const [what, secret] of Object.entries(secrets)) {
      if (what === 'owner/name' || what === 'name') continue; // the build may say which sources it read
      expect(buildLog.toLowerCase(), what).not.toContain(secret.toLowerCase());
    }
  });
});
