/**
 * Where a visitor can suggest something: for each public repository of the roadmap that accepts
 * suggestions, the GitHub address of its new-issue chooser, issue form or Discussion category.
 */
import type { SourceConfig, SuggestConfig } from '../config/schema.ts';
import type { RepositorySnapshot } from '../snapshot/schema.ts';
import { sourceFor } from './publishable-items.ts';

export interface SuggestTarget {
  /** `owner/name`. */
  repository: string;
  /** Where a new suggestion is written on GitHub (or a GitHub Enterprise Server). */
  url: string;
  /** Whether it opens an issue or a Discussion. */
  type: 'issue' | 'discussion';
}

/** The option as written, or its default: the new-issue chooser when the source publishes issues. */
export function resolvedSuggest(source: SourceConfig): SuggestConfig {
  return source.suggest ?? (source.issues === false ? false : 'issues');
}

/**
 * Addresses follow GitHub's docs: `issues/new/choose` lists a repository's issue forms,
 * `issues/new?template=` opens one, `discussions/new?category=` a Discussion in that category.
 * https://docs.github.com/en/issues/tracking-your-work-with-issues/using-issues/creating-an-issue#creating-an-issue-from-a-url-query
 */
function suggestUrl(repositoryUrl: string, suggest: Exclude<SuggestConfig, false>): Pick<SuggestTarget, 'url' | 'type'> {
  // The snapshot's repository address carries the host, so GitHub Enterprise Server works unchanged.
  const base = repositoryUrl.replace(/\/+$/, '');
  if (suggest === 'issues') return { url: `${base}/issues/new/choose`, type: 'issue' };
  if (suggest.issueTemplate !== undefined) return { url: `${base}/issues/new?template=${encodeURIComponent(suggest.issueTemplate)}`, type: 'issue' };
  return { url: `${base}/discussions/new?category=${encodeURIComponent(suggest.discussionCategory ?? '')}`, type: 'discussion' };
}

/**
 * The public repositories that accept suggestions, in snapshot order. A private repository is
 * never offered, even one allowed to publish: most visitors could not open it.
 */
export function suggestTargets(repositories: readonly RepositorySnapshot[], sources: readonly SourceConfig[]): SuggestTarget[] {
  return repositories.flatMap((repository) => {
    const source = sourceFor(repository.repository, sources);
    if (source === undefined || repository.isPrivate) return [];
    const suggest = resolvedSuggest(source);
    return suggest === false ? [] : [{ repository: repository.repository, ...suggestUrl(repository.url, suggest) }];
  });
}
