/**
 * The README cards of the committed demo snapshot, against what the demo world's raw data says
 * they must show (`test/truth/world-oracle.ts`, written apart from the model).
 */
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEED } from '../../scripts/dev/build-demo-snapshot.ts';
import { generateWorld } from '../../scripts/dev/demo/generate.ts';
import type { SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';
import { loadConfig, type RoadmapConfig } from '../../src/config/index.ts';
import { buildRoadmap, type Roadmap } from '../../src/model/build-roadmap.ts';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';
import { readmeCardFiles } from '../../src/xml/readme-cards.ts';
import { expectedRequests, keyOf, type ExpectedRequest } from '../truth/world-oracle.ts';

interface SvgText {
  x: number;
  y: number;
  text: string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** The card's texts as a reader sees them, top to bottom, left to right. */
function texts(svg: string): SvgText[] {
  return [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)]
    .map(([, x, y, text]) => ({ x: Number(x), y: Number(y), text: (text ?? '').replace(/&(?:amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity] ?? entity) }))
    .sort((a, b) => a.y - b.y || a.x - b.x);
}

/** Lines of a one-column card: each row's title and, when it has one, its value. */
function rows(svg: string): Array<{ title: string; value: string | undefined }> {
  const byY = new Map<number, SvgText[]>();
  for (const text of texts(svg)) byY.set(text.y, [...(byY.get(text.y) ?? []), text]);
  return [...byY.values()].map(([first, second]) => ({ title: first?.text ?? '', value: second?.text }));
}

/** A title the card may have shortened: the same text, or its start followed by "…". */
function shows(shown: string, title: string): boolean {
  return shown === title || (shown.endsWith('…') && title.startsWith(shown.slice(0, -1)));
}

const votesOf = (request: ExpectedRequest) => request.voters.length + request.anonymous;
const isOpen = (request: ExpectedRequest) => request.status !== 'shipped' && request.status !== 'declined';
const numbers = (values: readonly (string | undefined)[]) => values.map((value) => Number((value ?? '').replace(/\D/g, '')));

let world: SimWorld;
let config: RoadmapConfig;
let expected: ExpectedRequest[];
let roadmap: Roadmap;
let cards: Map<string, string>;

beforeAll(async () => {
  ({ world } = generateWorld({ preset: 'demo', seed: DEMO_SEED }));
  config = await loadConfig();
  expected = [...expectedRequests(world, config).values()];
  roadmap = buildRoadmap(await readSnapshot('content/snapshot'), config);
  cards = new Map(readmeCardFiles(roadmap, config).map((file) => [file.path, String(file.body)]));
});

describe('README cards', () => {
  it('come in a light and a dark file each, as valid, self-contained SVG of a README-friendly size', () => {
    expect([...cards.keys()].sort()).toEqual([
      '/cards/latest-release-dark.svg',
      '/cards/latest-release.svg',
      '/cards/roadmap-dark.svg',
      '/cards/roadmap.svg',
      '/cards/top-requests-dark.svg',
      '/cards/top-requests.svg',
    ]);
    for (const [path, svg] of cards) {
      expect(XMLValidator.validate(svg), path).toBe(true);
      // Nothing that runs or loads: GitHub's proxy and <img> would refuse it, or worse, allow it.
      expect(svg, path).not.toMatch(/<script|<foreignObject|<image|<use|href=|url\(|@import|@font-face|\son\w+=/i);
      const [, width, height] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
      expect(Number(width), path).toBeLessThanOrEqual(800);
      expect(Number(height), path).toBeLessThanOrEqual(400);
      expect(svg.length, path).toBeLessThan(8_000);
    }
  });

  it('draw the dark variant on the dark background of the theme, the light one on the light', () => {
    const background = (svg: string | undefined) => /<rect [^>]*fill="([^"]+)"/.exec(svg ?? '')?.[1];
    for (const name of ['top-requests', 'roadmap', 'latest-release']) {
      expect(background(cards.get(`/cards/${name}.svg`))).toBe(config.site.theme.background);
      expect(background(cards.get(`/cards/${name}-dark.svg`))).toBe(config.site.theme.backgroundDark);
    }
  });

  it('list the most wanted open requests with their votes, and how many more there are', () => {
    const open = expected.filter(isOpen).sort((a, b) => votesOf(b) - votesOf(a));
    const lines = rows(cards.get('/cards/top-requests.svg') ?? '');
    const requestLines = lines.filter((line) => line.value !== undefined && line.value !== '' && /^\d[\d,.\s]*$/.test(line.value));
    expect(requestLines).toHaveLength(5);
    expect(numbers(requestLines.map((line) => line.value))).toEqual(open.slice(0, 5).map(votesOf));
    for (const line of requestLines) {
      const votes = numbers([line.value])[0];
      expect(open.some((request) => votesOf(request) === votes && shows(line.title, request.title)), line.title).toBe(true);
    }
    expect(lines.map((line) => line.title)).toContain(`and ${open.length - 5} more`);
  });

  it('show the latest release that is not a prerelease, with the requests it shipped, most votes first', () => {
    const published = world.repositories
      .filter((repository) => !repository.isPrivate && config.sources.some((source) => source.repo.toLowerCase() === `${repository.owner}/${repository.name}`.toLowerCase()))
      .flatMap((repository) => repository.releases.filter((release) => !release.isDraft && release.publishedAt !== null).map((release) => ({ ...release, repository: `${repository.owner}/${repository.name}` })));
    const latest = published.filter((release) => !release.isPrerelease).sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))[0];
    if (latest === undefined) throw new Error('The demo world has no stable release.');
    // A request first shipped in a prerelease is listed again by the first stable release after it
    // (docs/true-demand.md, "Which release shipped a request").
    // A request of one repository may ship in another's release (its notes name it), so releases
    // are told apart by tag, which the demo never repeats across repositories.
        const listedBy = (tagName: string | null): string | undefined => {
      const first = published.find((release) => release.tagName === tagName);
      if (first === undefined || !first.isPrerelease) return first?.tagName;
      return published
        .filter((release) => !release.isPrerelease && (release.publishedAt ?? '') >= (first.publishedAt ?? ''))
        .sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''))[0]?.tagName;
    };
    const shipped = expected
      .filter((request) => listedBy(request.release) === latest.tagName)
      .sort((a, b) => votesOf(b) - votesOf(a));
    expect(shipped.length).toBeGreaterThan(5);

    const lines = rows(cards.get('/cards/latest-release.svg') ?? '');
    expect(lines[0]?.title).toMatch(new RegExp(`^Latest release: ${(latest.name ?? latest.tagName).replace(/[.]/g, '\\.')} · `));
    const requestLines = lines.slice(1, -2);
    expect(numbers(requestLines.map((line) => line.value))).toEqual(shipped.slice(0, 5).map(votesOf));
    expect(lines.at(-2)?.title).toBe(`and ${shipped.length - 5} more`);
  });

  it('put the open milestone due first under Now, with its most wanted open requests', async () => {
    // Milestones place requests when no GitHub Project does (the demo's project is tested in
    // test/sync/project-sync.test.ts): the same world, without the project.
    const withoutProject = { ...config, project: null };
    const open = [...expectedRequests(world, withoutProject).values()].filter(isOpen);
    const plainRoadmap = buildRoadmap(await readSnapshot('content/snapshot'), withoutProject);
    const plainCards = new Map(readmeCardFiles(plainRoadmap, withoutProject).map((file) => [file.path, String(file.body)]));
    const milestonesWithOpenRequests = world.repositories
      .filter((repository) => config.sources.some((source) => source.repo.toLowerCase() === `${repository.owner}/${repository.name}`.toLowerCase()) && !repository.isPrivate)
      .flatMap((repository) =>
        repository.milestones
          .filter((milestone) => milestone.state === 'OPEN' && milestone.dueOn !== null)
          .map((milestone) => ({
            ...milestone,
            requests: open.filter((request) =>
              repository.issues.some((issue) => keyOf(`${repository.owner}/${repository.name}`, issue.number) === request.key && issue.milestone === milestone.number),
            ),
          })),
      )
      .filter((milestone) => milestone.requests.length > 0)
      .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
    const now = milestonesWithOpenRequests[0];
    if (now === undefined) throw new Error('The demo world has no milestone with open requests.');

    const svg = plainCards.get('/cards/roadmap.svg') ?? '';
    const column = texts(svg).filter((text) => text.x < 260);
    expect(column.map((text) => text.text).slice(1, 3)).toEqual(['Now', now.title]);
    const votes = now.requests.map(votesOf).sort((a, b) => b - a);
    const values = texts(svg).filter((text) => text.x > 200 && text.x < 280 && /^\d+$/.test(text.text));
    expect(numbers(values.map((value) => value.text))).toEqual(votes.slice(0, 3));
    expect(column.map((text) => text.text)).toContain(`and ${now.requests.length - 3} more`);
  });

  it('escape and shorten a long title, and keep whole characters', () => {
    const [top] = roadmap.requests.filter((request) => request.status !== 'shipped' && request.status !== 'declined').sort((a, b) => b.votes.total - a.votes.total);
    if (top === undefined) throw new Error('The demo has no open request.');
    const title = `<script>alert("x")</script> & 👩‍💻 ${'very long title '.repeat(20)}`;
    const hostile = { ...roadmap, requests: roadmap.requests.map((request) => (request === top ? { ...request, title } : request)) };
    const svg = readmeCardFiles(hostile, config).find((file) => file.path === '/cards/top-requests.svg')?.body as string;
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script>');
    const shown = rows(svg)[1]?.title ?? '';
    expect(shown).toMatch(/^<script>alert\("x"\)<\/script> & 👩‍💻 very long title.*…$/u);
    expect(shown.length).toBeLessThan(title.length / 2);
  });
});
