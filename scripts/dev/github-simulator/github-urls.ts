/** Web addresses as github.com spells them, so links in synced data look like the real thing. */
import type { SimActor } from './store-types.ts';

export const GITHUB_WEB = 'https://github.com';

export const webUrls = {
  repository: (fullName: string) => `${GITHUB_WEB}/${fullName}`,
  issue: (fullName: string, number: number) => `${GITHUB_WEB}/${fullName}/issues/${String(number)}`,
  pullRequest: (fullName: string, number: number) => `${GITHUB_WEB}/${fullName}/pull/${String(number)}`,
  discussion: (fullName: string, number: number) => `${GITHUB_WEB}/${fullName}/discussions/${String(number)}`,
  issueComment: (fullName: string, number: number, commentId: number) =>
    `${GITHUB_WEB}/${fullName}/issues/${String(number)}#issuecomment-${String(commentId)}`,
  discussionComment: (fullName: string, number: number, commentId: number) =>
    `${GITHUB_WEB}/${fullName}/discussions/${String(number)}#discussioncomment-${String(commentId)}`,
  issueEvent: (fullName: string, number: number, eventId: number) =>
    `${GITHUB_WEB}/${fullName}/issues/${String(number)}#event-${String(eventId)}`,
  release: (fullName: string, tagName: string) =>
    `${GITHUB_WEB}/${fullName}/releases/tag/${encodeURIComponent(tagName)}`,
  milestone: (fullName: string, number: number) => `${GITHUB_WEB}/${fullName}/milestone/${String(number)}`,
  label: (fullName: string, name: string) => `${GITHUB_WEB}/${fullName}/labels/${encodeURIComponent(name)}`,
  commit: (fullName: string, sha: string) => `${GITHUB_WEB}/${fullName}/commit/${sha}`,
  discussionCategory: (fullName: string, slug: string) => `${GITHUB_WEB}/${fullName}/discussions/categories/${slug}`,
  /** Bots live under `/apps/<slug>`; everyone else at `/<login>`. */
  actor: (actor: SimActor) =>
    actor.type === 'Bot' ? `${GITHUB_WEB}/apps/${botSlug(actor.login)}` : `${GITHUB_WEB}/${actor.login}`,
  avatar: (id: number, size?: number | null) =>
    `https://avatars.githubusercontent.com/u/${String(id)}?${size ? `s=${String(size)}&` : ''}v=4`,
};

/** REST spells a bot `dependabot[bot]`; GraphQL and web addresses drop the suffix. */
export function botSlug(login: string): string {
  return login.replace(/\[bot\]$/, '');
}

/** Path part of a github.com address (GraphQL `resourcePath`). */
export function resourcePath(url: string): string {
  return url.slice(GITHUB_WEB.length);
}
