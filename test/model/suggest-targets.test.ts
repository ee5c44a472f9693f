/**
 * Where "Suggest a feature" leads for each source: the configuration parsed as a maintainer
 * writes it, the repositories as the sync records them.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.ts';
import { suggestTargets } from '../../src/model/suggest-targets.ts';
import { repository } from '../helpers/snapshot-builders.ts';

function sourcesOf(sources: unknown[]) {
  return parseConfig({ site: { title: 'Acme roadmap' }, sources }).sources;
}

describe('suggestion targets', () => {
  it('lead to the new-issue chooser by default, or to the issue form or Discussion category configured', () => {
    const repositories = ['acme/widgets', 'acme/gadgets', 'acme/gizmos', 'acme/ideas-only'].map((name) => repository(name));
    const sources = sourcesOf([
      { repo: 'acme/widgets' },
      { repo: 'acme/gadgets', suggest: { issueTemplate: 'feature_request.yml' } },
      { repo: 'acme/gizmos', suggest: { discussionCategory: 'ideas' } },
      // Without issues there is no chooser to default to.
      { repo: 'acme/ideas-only', issues: false },
    ]);
    expect(suggestTargets(repositories, sources)).toEqual([
      { repository: 'acme/widgets', url: 'https://github.com/acme/widgets/issues/new/choose', type: 'issue' },
      { repository: 'acme/gadgets', url: 'https://github.com/acme/gadgets/issues/new?template=feature_request.yml', type: 'issue' },
      { repository: 'acme/gizmos', url: 'https://github.com/acme/gizmos/discussions/new?category=ideas', type: 'discussion' },
    ]);
  });

  it('never offer a private repository, even one allowed to publish, nor a repository that is not a source', () => {
    const repositories = [repository('acme/secret', { isPrivate: true }), repository('acme/allowed', { isPrivate: true }), repository('acme/other')];
    const sources = sourcesOf([{ repo: 'acme/secret' }, { repo: 'acme/allowed', allowPrivate: true }]);
    expect(suggestTargets(repositories, sources)).toEqual([]);
  });

  it('keep the host of a GitHub Enterprise Server repository', () => {
    const repositories = [repository('acme/widgets', { url: 'https://git.acme.example/acme/widgets' })];
    expect(suggestTargets(repositories, sourcesOf([{ repo: 'acme/widgets', suggest: false }]))).toEqual([]);
    expect(suggestTargets(repositories, sourcesOf([{ repo: 'acme/widgets' }]))).toEqual([
      { repository: 'acme/widgets', url: 'https://git.acme.example/acme/widgets/issues/new/choose', type: 'issue' },
    ]);
  });
});
