/**
 * What the README cards show (`src/xml/readme-card.ts` draws them): the most wanted open
 * requests, the Now / Next / Later milestones with their most wanted requests, and the latest
 * release with the requests it shipped.
 *
 * Pure: the same roadmap always gives the same cards.
 */
import type { Roadmap } from './build-roadmap.ts';
import { rankRequests } from './ranking.ts';
import { HORIZONS, type HorizonId } from './roadmap-horizons.ts';
import type { ItemKey, ReleaseRef, Request } from './types.ts';
import { isOpenRequest } from './status.ts';

/** Rows on the top-requests and release cards: enough to be useful, few enough for a README. */
export const CARD_ROWS = 5;
/** Requests under each milestone on the roadmap card. */
export const CARD_REQUESTS_PER_MILESTONE = 3;
/** Milestones per column of the roadmap card. */
export const CARD_MILESTONES_PER_HORIZON = 2;

export interface CardRequest {
  title: string;
  votes: number;
}

export interface TopRequestsCard {
  requests: CardRequest[];
  /** Every open request, however many are shown. */
  openCount: number;
}

export interface HorizonCardMilestone {
  title: string;
  dueOn: string | null;
  requests: CardRequest[];
  /** Open requests in the milestone beyond those shown. */
  more: number;
}

export interface HorizonCardColumn {
  horizon: HorizonId;
  milestones: HorizonCardMilestone[];
  /** Milestones of this horizon beyond those shown. */
  moreMilestones: number;
}

export interface LatestReleaseCard {
  release: Pick<ReleaseRef, 'tagName' | 'name' | 'isPrerelease' | 'publishedAt'>;
  shipped: CardRequest[];
  /** Every request it shipped, however many are shown. */
  shippedCount: number;
}

export interface ReadmeCards {
  topRequests: TopRequestsCard;
  horizons: HorizonCardColumn[];
  /** Null while the roadmap has no published release. */
  latestRelease: LatestReleaseCard | null;
}


const cardRequest = (request: Request): CardRequest => ({ title: request.title, votes: request.votes.total });

export function readmeCards(roadmap: Pick<Roadmap, 'requests' | 'releases' | 'horizons'>): ReadmeCards {
  const open = rankRequests(roadmap.requests.filter(isOpenRequest), 'top');
  const byKey = new Map<ItemKey, Request>(roadmap.requests.map((request) => [request.key, request]));
  const requestsOf = (keys: readonly ItemKey[]) => keys.flatMap((key) => byKey.get(key) ?? []);

  const horizons = HORIZONS.map((horizon): HorizonCardColumn => {
    const milestones = roadmap.horizons.filter((milestone) => milestone.horizon === horizon);
    return {
      horizon,
      milestones: milestones.slice(0, CARD_MILESTONES_PER_HORIZON).map((milestone) => {
        const requests = requestsOf(milestone.requests);
        return {
          title: milestone.title,
          dueOn: milestone.dueOn,
          requests: requests.slice(0, CARD_REQUESTS_PER_MILESTONE).map(cardRequest),
          more: Math.max(0, requests.length - CARD_REQUESTS_PER_MILESTONE),
        };
      }),
      moreMilestones: Math.max(0, milestones.length - CARD_MILESTONES_PER_HORIZON),
    };
  });

  // GitHub's "Latest release" is the newest one that is not a prerelease; a project that has
  // published only prereleases gets its newest one.
  // https://docs.github.com/en/repositories/releasing-projects-on-github/about-releases
  const release = roadmap.releases.find((entry) => !entry.isPrerelease) ?? roadmap.releases[0];
  const shipped = release ? requestsOf(release.shipped) : [];

  return {
    topRequests: { requests: open.slice(0, CARD_ROWS).map(cardRequest), openCount: open.length },
    horizons,
    latestRelease: release
      ? {
          release: { tagName: release.tagName, name: release.name, isPrerelease: release.isPrerelease, publishedAt: release.publishedAt },
          shipped: shipped.slice(0, CARD_ROWS).map(cardRequest),
          shippedCount: shipped.length,
        }
      : null,
  };
}
