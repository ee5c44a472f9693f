/**
 * Which release a run announces: the one named by `--release` (and `--repo` when the tag exists
 * in several repositories), or else the newest published release that is not a pre-release.
 * Only releases in the snapshot count: the notifier never announces what the site cannot show.
 */
import { sameRepository } from '../model/item-key.ts';
import type { Release } from '../snapshot/schema.ts';
import { NotifyError } from './notify-error.ts';

export interface ReleaseChoice {
  /** `--release`: a tag, or null for the newest stable release. */
  tag: string | null;
  /** `--repo`: the repository the release belongs to, or null. */
  repository: string | null;
  /**
   * The repository to prefer when the choice is otherwise ambiguous: in GitHub Actions the one
   * the workflow runs in (`GITHUB_REPOSITORY`), which is the one whose release started it.
   */
  preferredRepository: string | null;
}

function newestFirst(a: Release, b: Release): number {
  return b.publishedAt.localeCompare(a.publishedAt) || b.tagName.localeCompare(a.tagName);
}

function repositoriesOf(releases: readonly Release[]): string[] {
  const seen = new Map<string, string>();
  for (const release of releases) {
    if (!seen.has(release.repository.toLowerCase())) seen.set(release.repository.toLowerCase(), release.repository);
  }
  return [...seen.values()].sort();
}

function tagsOf(releases: readonly Release[], limit = 5): string {
  const tags = [...releases].sort(newestFirst).map((release) => release.tagName);
  return tags.length > limit ? `${tags.slice(0, limit).join(', ')}, …` : tags.join(', ');
}

/** Narrows to one repository when the choice would otherwise be ambiguous; null when it cannot. */
function oneRepository(releases: readonly Release[], preferred: string | null): Release[] | null {
  const repositories = repositoriesOf(releases);
  if (repositories.length <= 1) return [...releases];
  if (preferred === null) return null;
  const inPreferred = releases.filter((release) => sameRepository(release.repository, preferred));
  return inPreferred.length > 0 ? inPreferred : null;
}

export function selectRelease(releases: readonly Release[], choice: ReleaseChoice): Release {
  let candidates = [...releases];
  if (choice.repository !== null) {
    const repository = choice.repository;
    candidates = candidates.filter((release) => sameRepository(release.repository, repository));
    if (candidates.length === 0) {
      const known = repositoriesOf(releases);
      throw new NotifyError(
        `The snapshot has no published release of ${repository}.`,
        known.length > 0
          ? `Releases are known for ${known.join(', ')}. Check --repo, or run \`npm run sync\` if the release is new.`
          : 'Run `npm run sync` so the snapshot includes the release, and check that the repository is in roadmap.config.ts.',
      );
    }
  }

  if (choice.tag !== null) {
    const tag = choice.tag;
    const tagged = candidates.filter((release) => release.tagName === tag);
    if (tagged.length === 0) {
      throw new NotifyError(
        `The snapshot has no published release tagged ${JSON.stringify(tag)}.`,
        candidates.length > 0
          ? `Known tags: ${tagsOf(candidates)}. Drafts are never announced; if the release was just published, run \`npm run sync\` first.`
          : 'Run `npm run sync` so the snapshot includes the release.',
      );
    }
    const chosen = oneRepository(tagged, choice.preferredRepository);
    if (chosen === null) {
      throw new NotifyError(
        `${tag} is a release of several repositories: ${repositoriesOf(tagged).join(', ')}.`,
        'Name the one to announce with --repo owner/name.',
      );
    }
    return chosen.sort(newestFirst)[0] as Release;
  }

  const stable = candidates.filter((release) => !release.isPrerelease);
  if (stable.length === 0) {
    throw new NotifyError(
      'The snapshot has no published release that is not a pre-release, so there is no latest release to announce.',
      candidates.length > 0
        ? `Name the release with --release <tag> (known: ${tagsOf(candidates)}).`
        : 'Publish a release on GitHub, run `npm run sync`, then run the notifier again.',
    );
  }
  const chosen = oneRepository(stable, choice.preferredRepository);
  if (chosen === null) {
    const latest = repositoriesOf(stable).map(
      (repository) => `${repository} (${[...stable].filter((release) => sameRepository(release.repository, repository)).sort(newestFirst)[0]?.tagName ?? ''})`,
    );
    throw new NotifyError(
      `Several repositories have releases: ${latest.join(', ')}.`,
      'Name the one to announce with --repo owner/name.',
    );
  }
  return chosen.sort(newestFirst)[0] as Release;
}
