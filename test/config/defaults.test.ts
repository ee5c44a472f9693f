import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  parseConfig,
  STATUS_IDS,
  type RoadmapConfig,
  type RoadmapConfigInput,
  type ReactionContent,
  type StatusId,
} from '../../src/config/index.ts';

const minimal = { site: { title: 'Acme roadmap' }, sources: [{ repo: 'acme/widgets' }] } satisfies RoadmapConfigInput;

describe('defaults', () => {
  it('fills in every option from a title and one repository', () => {
    expect(parseConfig(minimal)).toEqual({
      site: {
        title: 'Acme roadmap',
        description: '',
        url: 'http://localhost:4321',
        base: '/',
        logo: null,
        language: 'en',
        theme: { accent: '#2f5bd3', accentDark: '#8fb0ff', background: '#ffffff', backgroundDark: '#111318' },
        socialImages: { requests: 1000 },
        externalImages: 'link',
      },
      sources: [{ repo: 'acme/widgets', issues: { labels: [] }, discussions: { categories: [] }, allowPrivate: false }],
      statuses: {
        labels: {
          'status: under review': 'under-review',
          'status: planned': 'planned',
          'status: in progress': 'in-progress',
          'status: shipped': 'shipped',
          'status: declined': 'declined',
        },
        milestone: 'planned',
        open: 'under-review',
        closed: { completed: 'shipped', notPlanned: 'declined' },
        names: {
          'under-review': 'Under review',
          planned: 'Planned',
          'in-progress': 'In progress',
          shipped: 'Shipped',
          declined: 'Declined',
        },
      },
      project: null,
      duplicates: { label: 'duplicate' },
      votes: { reactions: ['THUMBS_UP'], countAuthor: true, trendingHalfLifeDays: 14 },
      exclude: { labels: ['spam', 'invalid'], users: [], bots: true },
      sync: { fullSyncEveryHours: 24, comments: 5 },
      changelog: {
        categories: [
          { title: 'New', labels: ['feature', 'enhancement', 'feature request', 'type: feature', 'kind/feature'] },
          { title: 'Improved', labels: ['improvement', 'performance', 'ux', 'accessibility', 'documentation', 'docs'] },
          { title: 'Fixed', labels: ['bug', 'fix', 'regression', 'type: bug', 'kind/bug'] },
        ],
        other: 'Other changes',
      },
      embed: { frameAncestors: ['*'] },
      channels: [],
    } satisfies RoadmapConfig);
  });

  it('fills in the rest of a partly written section', () => {
    const config = parseConfig({
      ...minimal,
      statuses: { closed: { notPlanned: 'under-review' }, names: { shipped: 'Done' } },
      sync: { comments: 0 },
    });
    expect(config.statuses.closed).toEqual({ completed: 'shipped', notPlanned: 'under-review' });
    expect(config.statuses.names.shipped).toBe('Done');
    expect(config.statuses.names.planned).toBe('Planned');
    expect(config.sync).toEqual({ fullSyncEveryHours: 24, comments: 0 });
  });

  it('replaces the default status labels rather than merging into them', () => {
    const config = parseConfig({ ...minimal, statuses: { labels: { roadmap: 'planned' } } });
    expect(config.statuses.labels).toEqual({ roadmap: 'planned' });
  });

  it('gives each parse its own default lists, so changing one config cannot change another', () => {
    const first = parseConfig(minimal);
    first.exclude.labels.push('wontfix');
    first.statuses.labels['wip'] = 'in-progress';
    const second = parseConfig(minimal);
    expect(second.exclude.labels).toEqual(['spam', 'invalid']);
    expect(second.statuses.labels).not.toHaveProperty('wip');
  });

  it('keeps null milestones and false sources as written', () => {
    const config = parseConfig({
      ...minimal,
      sources: [{ repo: 'acme/widgets', issues: false, discussions: { categories: ['Ideas'] }, allowPrivate: true }],
      statuses: { milestone: null },
    });
    expect(config.sources[0]).toEqual({
      repo: 'acme/widgets',
      issues: false,
      discussions: { categories: ['Ideas'] },
      allowPrivate: true,
    });
    expect(config.statuses.milestone).toBeNull();
  });

  it('exports the status ids and types downstream code relies on', () => {
    expect(STATUS_IDS).toEqual(['under-review', 'planned', 'in-progress', 'shipped', 'declined']);
    expectTypeOf<RoadmapConfig['statuses']['open']>().toEqualTypeOf<StatusId>();
    expectTypeOf<RoadmapConfig['statuses']['milestone']>().toEqualTypeOf<StatusId | null>();
    expectTypeOf<RoadmapConfig['votes']['reactions']>().toEqualTypeOf<ReactionContent[]>();
    expectTypeOf<RoadmapConfig['sources'][number]['issues']>().toEqualTypeOf<false | { labels: string[] }>();
    expectTypeOf<RoadmapConfig['site']['logo']>().toEqualTypeOf<string | null>();
  });
});

describe('normalisation', () => {
  const withSite = (site: Partial<RoadmapConfigInput['site']>) =>
    parseConfig({ ...minimal, site: { ...minimal.site, ...site } }).site;

  it.each([
    ['roadmap', '/roadmap'],
    ['/roadmap/', '/roadmap'],
    ['/docs//roadmap//', '/docs/roadmap'],
    ['', '/'],
    ['/', '/'],
  ])('writes the base path %j as %j', (base, expected) => {
    expect(withSite({ base }).base).toBe(expected);
  });

  it('keeps the origin of the site URL', () => {
    expect(withSite({ url: 'https://Acme.GitHub.io/' }).url).toBe('https://acme.github.io');
    expect(withSite({ url: 'http://localhost:8080' }).url).toBe('http://localhost:8080');
  });

  it('writes the language tag in its canonical form', () => {
    expect(withSite({ language: 'en-gb' }).language).toBe('en-GB');
  });

  it('makes the logo path relative to public/', () => {
    expect(withSite({ logo: '/images/logo.svg' }).logo).toBe('images/logo.svg');
    expect(withSite({ logo: './logo.png' }).logo).toBe('logo.png');
  });

  it('accepts the CSS colour forms a theme is written in', () => {
    const theme = {
      accent: '#abc',
      accentDark: 'oklch(70% 0.1 264 / 0.9)',
      background: 'rgb(255, 255, 255)',
      backgroundDark: 'hsl(220deg 20% 8%)',
    };
    expect(withSite({ theme }).theme).toEqual(theme);
  });

  it('drops the @ in front of excluded users', () => {
    const config = parseConfig({ ...minimal, exclude: { users: ['@octocat', 'renovate[bot]'] } });
    expect(config.exclude.users).toEqual(['octocat', 'renovate[bot]']);
  });
});
