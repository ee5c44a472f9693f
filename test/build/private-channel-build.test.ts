/**
 * Imported channels hold people: email addresses, names, ids from a form tool or an old board,
 * GitHub logins that only the file ties to a request. The site is built with two channels (Open
 * Roadmap's CSV and a Fider backup) and a subscriber list, and every output file is searched, as
 * for a private repository (see `private-source-build.test.ts`): HTML, feeds, the JSON API, the
 * sitemaps, the Pagefind index (decompressed), the text each social image was drawn from, and
 * the build's log. None of those people is found; their requests and counts are.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChannels } from '../../src/channels/read-channels.ts';
import { parseConfig, type RoadmapConfigInput } from '../../src/config/index.ts';
import { socialImageFiles } from '../../src/images/site-social-images.ts';
import { buildRoadmap } from '../../src/model/build-roadmap.ts';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';
import { writeSnapshot, type SnapshotContent } from '../../src/snapshot/write-snapshot.ts';
import { buildFixture } from '../helpers/build-fixture.ts';
import { filesContaining as filesContainingIn, readOutputText, type OutputText } from '../helpers/output-text.ts';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';
import { issue, MAIN, person, repository, SYNCED_AT, vote } from '../helpers/snapshot-builders.ts';

/** The people of the files, by what they are. */
const PEOPLE = {
  csvEmail: 'velvetmoth.ashgrove@mail.example',
  csvSharedEmail: 'quietfern.lindqvist@mail.example',
  csvId: 'zq-ticket-88231',
  csvOtherId: 'hx-chat-55017',
  csvLogin: 'snowquill-gh',
  mappedEmail: 'brambleowl.castell@mail.example',
  mappedLogin: 'brambleowl-gh',
  fiderName: 'Orsolya Thistlewood',
  fiderOtherName: 'Kasimir Nettlefold',
  fiderEmail: 'thistlewood.orsolya@board.example',
};

const CSV = [
  'id,title,body,date,status,duplicateOf,author,voters',
  `1,Glowbrook offline reader,Take the docs along.,2025-03-01,planned,,${PEOPLE.csvEmail},${PEOPLE.csvEmail};${PEOPLE.csvId};github:${PEOPLE.csvLogin};${PEOPLE.mappedEmail}`,
  `2,Widgets dark mode again,Like #1 on GitHub.,2025-03-02,,${MAIN}#1,${PEOPLE.csvOtherId},${PEOPLE.csvOtherId};${PEOPLE.csvSharedEmail};github:alice`,
].join('\n');

const FIDER = {
  'posts.json': [
    { id: 501, number: 1, title: 'Lanternfish print stylesheet', slug: 'lanternfish', description: 'Print nicely.', tenant_id: 1, user_id: 1, created_at: '2025-02-01T00:00:00Z', status: 0, response: null, response_user_id: null, response_date: null, original_id: null },
  ],
  'post_votes.json': [
    { post_id: 501, user_id: 1, tenant_id: 1, created_at: '2025-02-02T00:00:00Z' },
    { post_id: 501, user_id: 2, tenant_id: 1, created_at: '2025-02-03T00:00:00Z' },
  ],
  'users.json': [
    { id: 1, name: PEOPLE.fiderName, email: PEOPLE.fiderEmail, tenant_id: 1, role: 1, status: 1, api_key: null },
    { id: 2, name: PEOPLE.fiderOtherName, email: PEOPLE.csvSharedEmail, tenant_id: 1, role: 1, status: 1, api_key: null },
  ],
};

const configInput: RoadmapConfigInput = {
  site: { title: 'Acme roadmap', url: 'https://acme.example', base: '/roadmap' },
  sources: [{ repo: MAIN }],
  channels: [
    { name: 'Support inbox', file: 'channels/inbox.csv' },
    { name: 'Old board', file: 'channels/fider', format: 'fider' },
  ],
};

/** Everything that must not appear (compared without case): each person, whole and by the part before the @. */
const secrets: Record<string, string> = {
  ...PEOPLE,
  ...Object.fromEntries(
    Object.entries(PEOPLE)
      .filter(([, value]) => value.includes('@'))
      .map(([what, value]) => [`${what} (local part)`, value.split('@')[0] ?? value]),
  ),
  'Fider user ids': 'fider-user',
  'first name': PEOPLE.fiderName.split(' ')[0] ?? '',
};

let project: ProjectCopy;
let subscribersDir = '';
let dist = '';
let buildLog = '';
let outputs: OutputText = new Map();
let cardText = '';

beforeAll(async () => {
  project = await copyProject('open-roadmap-channels-');
  await project.writeConfig(configInput);
  await mkdir(join(project.root, 'channels/fider'), { recursive: true });
  await writeFile(join(project.root, 'channels/inbox.csv'), CSV);
  for (const [name, rows] of Object.entries(FIDER)) await writeFile(join(project.root, 'channels/fider', name), JSON.stringify(rows));
  // The subscriber list lives outside the project, as the notifier requires.
  subscribersDir = await mkdtemp(join(tmpdir(), 'open-roadmap-subscribers-'));
  const subscribersFile = join(subscribersDir, 'subscribers.csv');
  await writeFile(subscribersFile, `email,github,name\n${PEOPLE.mappedEmail},${PEOPLE.mappedLogin},Bramble Owl\n`);

  const snapshotDir = join(project.root, 'test-snapshot');
  const items = [issue({ number: 1, title: 'Widgets dark mode', author: person('dave'), votes: [vote('alice'), vote('erin')] })];
  const content: SnapshotContent = {
    syncedAt: SYNCED_AT,
    apiUrl: 'https://api.github.com',
    sources: [{ repository: MAIN, issuesCursor: null, discussionsCursor: null, lastFullSyncAt: SYNCED_AT, itemCount: items.length, configDigest: 'test' }],
    repositories: [repository(MAIN)],
    items,
  };
  await writeSnapshot(snapshotDir, content);
  dist = join(project.root, 'dist');
  buildLog = await buildFixture(project.root, { ROADMAP_SNAPSHOT_DIR: snapshotDir, ROADMAP_SUBSCRIBERS_FILE: subscribersFile }, ['--outDir', dist]);

  outputs = await readOutputText(dist);
  const config = parseConfig(configInput);
  const imports = await readChannels(config, { root: project.root, subscribersFile });
  cardText = JSON.stringify(socialImageFiles(config, buildRoadmap(await readSnapshot(snapshotDir), config, imports)).map((card) => card.input)).toLowerCase();
}, 300_000);

afterAll(async () => {
  await project?.remove();
  if (subscribersDir) await rm(subscribersDir, { recursive: true, force: true });
});

const filesContaining = (text: string): string[] => filesContainingIn(outputs, text);

describe('a site built with imported channels', () => {
  it('publishes the imported requests, searchable, with their voters as counts', () => {
    const paths = [...outputs.keys()];
    for (const kind of [/\.html$/, /\.xml$/, /\.json$/, /^pagefind\/fragment\//, /^pagefind\/index\//, /^pagefind\/filter\//]) {
      expect(paths.some((path) => kind.test(path)), String(kind)).toBe(true);
    }
    for (const word of ['Glowbrook', 'Lanternfish']) {
      const found = filesContaining(word);
      for (const place of [/\.html$/, /^pagefind\/index\//, /^pagefind\/fragment\//, /^api\/requests\.json$/, /^sitemap-requests-\d+\.xml$/]) {
        expect(found.some((path) => place.test(path)), `${word} in ${String(place)}`).toBe(true);
      }
    }
    expect(cardText).toContain('glowbrook');
    // Glowbrook: the inbox's address, ticket id, GitHub login and mapped address: four people.
    const glowbrook = outputs.get('requests/support-inbox-1/index.html') ?? '';
    expect(glowbrook).toContain('glowbrook');
    const page = [...outputs].find(([path, text]) => path.endsWith('index.html') && text.includes('<h1') && text.includes('glowbrook offline reader</h1>'))?.[1] ?? '';
    expect(page).toContain('4 people from support inbox');
    expect(page).not.toContain('vote on github');
    // Widgets dark mode: dave (author), alice and erin on GitHub; the inbox adds its id and the
    // shared address (alice is already counted): five people, the two from the inbox unnamed.
    const widgets = [...outputs].find(([path, text]) => path.endsWith('index.html') && text.includes('widgets dark mode</h1>'))?.[1] ?? '';
    expect(widgets).toContain('2 people from support inbox');
    expect(widgets).toMatch(/data-votes="5"/);
    // Lanternfish: both Fider voters; the second shares the inbox's address, yet on another request.
    const lanternfish = [...outputs].find(([path, text]) => path.endsWith('index.html') && text.includes('lanternfish print stylesheet</h1>'))?.[1] ?? '';
    expect(lanternfish).toContain('2 people from old board');
  });

  it.each(Object.entries(secrets))('holds nothing of its %s', (_what, secret) => {
    expect(secret).not.toBe('');
    expect(filesContaining(secret)).toEqual([]);
    expect(cardText).not.toContain(secret.toLowerCase());
    expect(buildLog.toLowerCase()).not.toContain(secret.toLowerCase());
  });
});
