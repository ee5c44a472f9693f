/**
 * The README cards, each in a light and a dark file: `/cards/top-requests.svg`,
 * `/cards/roadmap.svg`, `/cards/latest-release.svg`, and `…-dark.svg` beside each. A README
 * shows the right one with `<picture>` and `prefers-color-scheme` (docs/embedding.md).
 *
 * Plain text made from the model, written by the `readme-cards` integration after Astro's build
 * and served by it in `astro dev`, like the request badges.
 */
import type { RoadmapConfig } from '../config/index.ts';
import type { OutputFile } from '../integrations/output-files.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';
import { uiStrings } from '../i18n/strings.ts';
import type { Roadmap } from '../model/build-roadmap.ts';
import { readmeCards, type CardRequest, type ReadmeCards } from '../model/readme-cards.ts';
import { cardSvg, type Card, type CardLine, type CardPalette } from './readme-card.ts';

export const README_CARDS = ['top-requests', 'roadmap', 'latest-release'] as const;
export type ReadmeCardName = (typeof README_CARDS)[number];

/** `/cards/roadmap.svg`, or `/cards/roadmap-dark.svg` for dark mode. */
export function readmeCardPath(name: ReadmeCardName, dark = false): string {
  return `/cards/${name}${dark ? '-dark' : ''}.svg`;
}

/**
 * The site's colours (`site.theme`), with the text colours of its stylesheet
 * (`src/styles/global.css`), which hold 4.5:1 on the default backgrounds.
 */
export function cardPalettes(theme: RoadmapConfig['site']['theme']): { light: CardPalette; dark: CardPalette } {
  return {
    light: { background: theme.background, border: '#d0d7de', text: '#1f2328', muted: '#555e69', accent: theme.accent },
    dark: { background: theme.backgroundDark, border: '#3d444d', text: '#e8ecf1', muted: '#a4adb8', accent: theme.accentDark },
  };
}

function requestLine(request: CardRequest, language: string): CardLine {
  return { text: request.title, value: formatNumber(request.votes, language) };
}

/** The three cards' contents, in the site's language. */
export function readmeCardContents(cards: ReadmeCards, config: RoadmapConfig): Record<ReadmeCardName, Card> {
  const { language, title: siteTitle } = config.site;
  const strings = uiStrings(language);
  const titled = (heading: string) => ({ title: strings.cards.title(heading, siteTitle), heading, footer: siteTitle });
  const release = cards.latestRelease;
  const releaseName = release && (release.release.name ?? release.release.tagName);
  const releaseHeading = release
    ? strings.cards.latestRelease(
        `${releaseName ?? ''}${release.release.isPrerelease ? ` (${strings.changelog.prerelease})` : ''}`,
        formatDate(release.release.publishedAt, language),
      )
    : strings.cards.noRelease;
  const releaseLines: CardLine[] =
    release === null
      ? [{ text: strings.cards.noReleaseYet, muted: true }]
      : release.shipped.length === 0
        ? [{ text: strings.cards.shippedNothing, muted: true }]
        : release.shipped.map((request) => requestLine(request, language));
  if (release && release.shippedCount > release.shipped.length) {
    releaseLines.push({ text: strings.cards.more(release.shippedCount - release.shipped.length), muted: true });
  }
  const top = cards.topRequests;
  const topLines: CardLine[] =
    top.requests.length === 0 ? [{ text: strings.cards.noOpenRequests, muted: true }] : top.requests.map((request) => requestLine(request, language));
  if (top.openCount > top.requests.length) topLines.push({ text: strings.cards.more(top.openCount - top.requests.length), muted: true });

  return {
    'top-requests': { ...titled(strings.cards.topRequests), valueHeading: strings.cards.votes, columns: [{ lines: topLines }] },
    roadmap: {
      ...titled(strings.cards.roadmap),
      columns: cards.horizons.map((column) => {
        const lines: CardLine[] = column.milestones.flatMap((milestone) => [
          { text: milestone.title, strong: true },
          ...milestone.requests.map((request) => requestLine(request, language)),
          ...(milestone.more > 0 ? [{ text: strings.cards.more(milestone.more), muted: true }] : []),
        ]);
        if (column.moreMilestones > 0) lines.push({ text: strings.cards.moreMilestones(column.moreMilestones), muted: true });
        return {
          heading: strings.board.horizonNames[column.horizon],
          lines: lines.length > 0 ? lines : [{ text: strings.cards.nothingPlanned, muted: true }],
        };
      }),
    },
    'latest-release': { ...titled(releaseHeading), valueHeading: strings.cards.votes, columns: [{ lines: releaseLines }] },
  };
}

/** Every card file, light and dark, of a roadmap. */
export function readmeCardFiles(roadmap: Pick<Roadmap, 'requests' | 'releases' | 'horizons'>, config: RoadmapConfig): OutputFile[] {
  const contents = readmeCardContents(readmeCards(roadmap), config);
  const palettes = cardPalettes(config.site.theme);
  return README_CARDS.flatMap((name) =>
    [false, true].map((dark) => ({
      path: readmeCardPath(name, dark),
      contentType: 'image/svg+xml; charset=utf-8',
      body: cardSvg(contents[name], dark ? palettes.dark : palettes.light),
    })),
  );
}
