import type { SimLabel } from '../github-simulator/store-types.ts';

/** Label names the generators refer to by meaning rather than by spelling. */
export const LABEL = {
  enhancement: 'enhancement',
  bug: 'bug',
  question: 'question',
  documentation: 'documentation',
  duplicate: 'duplicate',
  spam: 'spam',
  invalid: 'invalid',
  wontfix: 'wontfix',
  goodFirstIssue: 'good first issue',
  helpWanted: 'help wanted',
  dependencies: 'dependencies',
  underReview: 'status: under review',
  planned: 'status: planned',
  inProgress: 'status: in progress',
  shipped: 'status: shipped',
  declined: 'status: declined',
} as const;

export const PRIORITY_LABELS = ['priority: high', 'priority: medium', 'priority: low'] as const;
export const IMPACT_LABELS = ['impact: high', 'impact: low'] as const;
export const EFFORT_LABELS = ['effort: small', 'effort: medium', 'effort: large'] as const;

export const AREAS = [
  'routing',
  'themes',
  'i18n',
  'build',
  'cli',
  'content',
  'markdown',
  'images',
  'plugins',
  'dev-server',
  'seo',
  'search',
  'deploy',
  'accessibility',
  'data',
  'feeds',
] as const;
export type Area = (typeof AREAS)[number];

export function areaLabel(area: Area): string {
  return `area: ${area}`;
}

const AREA_DESCRIPTIONS: Record<Area, string> = {
  routing: 'URLs, permalinks, redirects and pagination',
  themes: 'The default theme and theming API',
  i18n: 'Translations and multilingual sites',
  build: 'The build pipeline, caching and output',
  cli: 'The lumen command-line interface',
  content: 'Content collections, front matter and taxonomies',
  markdown: 'Markdown rendering and extensions',
  images: 'Image processing and responsive images',
  plugins: 'The plugin API and official integrations',
  'dev-server': 'lumen dev, hot reload and the overlay',
  seo: 'Metadata, sitemaps and social cards',
  search: 'Client-side search',
  deploy: 'Deployment adapters and hosting',
  accessibility: 'Accessibility of generated sites and the default theme',
  data: 'Data files and external content sources',
  feeds: 'RSS, Atom and JSON feeds',
};

function label(name: string, color: string, description: string | null): SimLabel {
  return { name, color, description };
}

/** The label set a well-triaged project like Lumen uses. */
export function projectLabels(): SimLabel[] {
  return [
    label(LABEL.enhancement, 'a2eeef', 'New feature or request'),
    label(LABEL.bug, 'd73a4a', "Something isn't working"),
    label(LABEL.question, 'd876e3', 'Further information is requested'),
    label(LABEL.documentation, '0075ca', 'Improvements or additions to documentation'),
    label(LABEL.duplicate, 'cfd3d7', 'This issue or pull request already exists'),
    label(LABEL.spam, 'b60205', 'Spam; closed and hidden'),
    label(LABEL.invalid, 'e4e669', "This doesn't seem right"),
    label(LABEL.wontfix, 'ffffff', 'This will not be worked on'),
    label(LABEL.goodFirstIssue, '7057ff', 'Good for newcomers'),
    label(LABEL.helpWanted, '008672', 'Extra attention is needed'),
    label(LABEL.dependencies, '0366d6', 'Pull requests that update a dependency file'),
    label(LABEL.underReview, 'fbca04', 'Maintainers are considering it'),
    label(LABEL.planned, '1d76db', 'Accepted and scheduled'),
    label(LABEL.inProgress, '5319e7', 'Someone is working on it'),
    label(LABEL.shipped, '0e8a16', 'Released'),
    label(LABEL.declined, '6a737d', 'Not planned'),
    label('priority: high', 'b60205', null),
    label('priority: medium', 'd93f0b', null),
    label('priority: low', 'fef2c0', null),
    label('impact: high', 'c2e0c6', 'Many users benefit'),
    label('impact: low', 'eeeeee', 'A few users benefit'),
    label('effort: small', 'bfdadc', 'A day or two'),
    label('effort: medium', '87c1c7', 'About a week'),
    label('effort: large', '4b8f95', 'Several weeks or a redesign'),
    ...AREAS.map((area) => label(areaLabel(area), 'c5def5', AREA_DESCRIPTIONS[area])),
  ];
}

/** A documentation repository keeps a smaller set. */
export function documentationLabels(): SimLabel[] {
  const keep = new Set<string>([
    LABEL.enhancement,
    LABEL.bug,
    LABEL.question,
    LABEL.documentation,
    LABEL.duplicate,
    LABEL.spam,
    LABEL.invalid,
    LABEL.goodFirstIssue,
    LABEL.helpWanted,
    LABEL.underReview,
    LABEL.planned,
    LABEL.shipped,
    LABEL.declined,
    ...PRIORITY_LABELS,
    ...IMPACT_LABELS,
    ...EFFORT_LABELS,
  ]);
  return projectLabels().filter((entry) => keep.has(entry.name));
}
