/**
 * A merged duplicate keeps its own address, as the request it would have been, and that
 * address leads to the request it was merged into.
 */
import { describe, expect, it } from 'vitest';
import { buildRequests } from '../../src/model/build-requests.ts';
import { duplicateRedirects } from '../../src/model/duplicate-redirects.ts';
import { configWith, discussion, DOCS, issue, MAIN, markedDuplicate, snapshotOf } from '../helpers/snapshot-builders.ts';

describe('duplicateRedirects', () => {
  it('sends the address each duplicate would have had on its own to its request', () => {
    const config = configWith();
    const requests = buildRequests(
      snapshotOf([
        issue({ number: 12, title: 'Dark mode' }),
        issue({ number: 15, title: 'Dark theme, please!', ...markedDuplicate({ number: 12 }) }),
        discussion({ number: 31, title: 'Idea: a dark toggle', labels: ['duplicate'], body: 'Duplicate of #15' }),
        issue({ number: 4, repository: DOCS, title: 'Dark screenshots', ...markedDuplicate({ repository: MAIN, number: 12 }) }),
      ]),
      config,
    );
    const redirects = duplicateRedirects(requests).map((redirect) => [redirect.path, redirect.request.path]);
    expect(redirects).toEqual([
      ['/requests/15-dark-theme-please/', '/requests/12-dark-mode/'],
      ['/requests/31-idea-a-dark-toggle/', '/requests/12-dark-mode/'],
      ['/requests/docs-4-dark-screenshots/', '/requests/12-dark-mode/'],
    ]);
  });

  it('never takes the address of a request', () => {
    const request = { key: 'a#1', title: 'One', path: '/requests/1-one/', duplicates: [] };
    const clash = {
      key: 'a#2',
      title: 'Two',
      path: '/requests/2-two/',
      duplicates: [{ key: 'b#1', repository: 'b/b', number: 1, type: 'issue' as const, title: 'One', url: 'https://github.com/b/b/issues/1', slug: '1-one', path: '/requests/1-one/', channel: null }],
    };
    expect(duplicateRedirects([request, clash])).toEqual([]);
  });
});
