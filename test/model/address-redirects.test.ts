/**
 * A request keeps every address it ever published: its number-only address, and the addresses
 * of its former titles and of the repository and number it had before a transfer. Expected
 * addresses are written out from the titles and numbers given here.
 */
import { describe, expect, it } from 'vitest';
import { addressRedirects } from '../../src/model/address-redirects.ts';
import { buildRequests } from '../../src/model/build-requests.ts';
import { configWith, DOCS, issue, MAIN, markedDuplicate, snapshotOf } from '../helpers/snapshot-builders.ts';

const config = configWith();
const pairs = (requests: ReturnType<typeof buildRequests>) =>
  addressRedirects(requests).map((redirect) => [redirect.path, redirect.kind, redirect.request.path]);

describe('former addresses of a request', () => {
  it('a renamed request has the pages of its former titles, and a stable number-only address', () => {
    const requests = buildRequests(
      snapshotOf([
        issue({
          number: 12,
          title: 'Dark theme',
          formerAddresses: [
            { repository: MAIN, number: 12, title: 'Dark mode' },
            { repository: MAIN, number: 12, title: 'Dark mode!' }, // the same address: listed once
          ],
        }),
        issue({ number: 4, repository: DOCS, title: 'Typos in the guide', formerAddresses: [{ repository: DOCS, number: 4, title: 'Typo' }] }),
      ]),
      config,
    );
    const darkTheme = requests.find((request) => request.number === 12);
    expect(darkTheme).toMatchObject({ path: '/requests/12-dark-theme/', stablePath: '/requests/12/', formerPaths: ['/requests/12-dark-mode/'] });
    expect(pairs(requests)).toEqual([
      ['/requests/12-dark-mode/', 'former', '/requests/12-dark-theme/'],
      ['/requests/12/', 'stable', '/requests/12-dark-theme/'],
      // Another repository's issues carry its name, in the stable address too.
      ['/requests/docs-4-typo/', 'former', '/requests/docs-4-typos-in-the-guide/'],
      ['/requests/docs-4/', 'stable', '/requests/docs-4-typos-in-the-guide/'],
    ]);
  });

  it('a request transferred from another listed repository keeps its old page and its old stable address', () => {
    const requests = buildRequests(
      snapshotOf([issue({ number: 30, title: 'Offline mode', formerAddresses: [{ repository: DOCS, number: 7, title: 'Offline docs' }] })]),
      config,
    );
    expect(requests[0]?.formerPaths).toEqual(['/requests/docs-7-offline-docs/', '/requests/docs-7/']);
    expect(pairs(requests)).toEqual([
      ['/requests/30/', 'stable', '/requests/30-offline-mode/'],
      ['/requests/docs-7-offline-docs/', 'former', '/requests/30-offline-mode/'],
      ['/requests/docs-7/', 'former', '/requests/30-offline-mode/'],
    ]);
  });

  it('a live page, then a merged duplicate, keeps an address a former one would take', () => {
    // docs#9 was main#5 "Search" and docs#16 was main#15 "Dark theme" (say, before a move the
    // snapshot recorded); both addresses are in use again: #5 is a live request, #15 a duplicate.
    const requests = buildRequests(
      snapshotOf([
        issue({ number: 5, title: 'Search' }),
        issue({ number: 9, repository: DOCS, title: 'Search the docs', formerAddresses: [{ repository: MAIN, number: 5, title: 'Search' }] }),
        issue({ number: 15, title: 'Dark theme', ...markedDuplicate({ number: 5 }) }),
        issue({ number: 16, repository: DOCS, title: 'Dark', formerAddresses: [{ repository: MAIN, number: 15, title: 'Dark theme' }] }),
      ]),
      config,
    );
    const redirected = new Map(addressRedirects(requests).map((redirect) => [redirect.path, redirect.request.path]));
    expect(requests.map((request) => request.path)).toContain('/requests/5-search/');
    for (const path of ['/requests/5-search/', '/requests/5/', '/requests/15-dark-theme/']) expect(redirected.get(path)).not.toBe('/requests/docs-9-search-the-docs/');
    expect(redirected.get('/requests/5/')).toBe('/requests/5-search/');
    expect(redirected.has('/requests/5-search/')).toBe(false);
    expect(redirected.has('/requests/15-dark-theme/')).toBe(false);
    // What nobody else holds still leads to the request that had it.
    expect(redirected.get('/requests/15/')).toBe('/requests/docs-16-dark/');
    expect(redirected.get('/requests/docs-9/')).toBe('/requests/docs-9-search-the-docs/');
  });
});
