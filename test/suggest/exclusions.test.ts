import { describe, expect, it } from 'vitest';
import { buildRequests } from '../../src/model/build-requests.ts';
import type { Item } from '../../src/snapshot/schema.ts';
import { suggestDuplicateRequests } from '../../src/suggest/suggest-duplicate-requests.ts';
import { configWith, discussion, DOCS, issue, MAIN, markedDuplicate, repository, snapshotOf } from '../helpers/snapshot-builders.ts';
import { BACKGROUND } from './fixtures/task-app-requests.ts';

const DARK_MODE = { title: 'Dark mode', body: 'The white interface hurts my eyes at night. Please add a dark theme that follows the system setting.' };
const NIGHT_THEME = { title: 'Night theme for the dashboard', body: 'Working at night, the bright interface is blinding. A dark colour scheme that switches with the system setting would help.' };
const PRIVATE = 'acme/internal';

/** The background requests as issues of MAIN, numbered from 100, so that word weights mean something. */
const background: Item[] = BACKGROUND.map((document, index) => issue({ number: 100 + index, title: document.title, body: document.body }));

function suggestedPairs(items: Item[], repositories = [repository(MAIN), repository(DOCS)]): string[] {
  const snapshot = snapshotOf([...background, ...items], repositories);
  const config = configWith({ sources: [{ repo: MAIN }, { repo: DOCS }, { repo: PRIVATE }] });
  const { suggestions } = suggestDuplicateRequests(buildRequests(snapshot, config), snapshot.items);
  return suggestions.map(({ a, b }) => `${a} ${b}`);
}

describe('suggested duplicates leave out what is already settled or not published', () => {
  it('suggests two requests that ask for the same thing', () => {
    expect(suggestedPairs([issue({ number: 1, ...DARK_MODE }), issue({ number: 2, ...NIGHT_THEME })])).toEqual([`${MAIN}#1 ${MAIN}#2`]);
  });

  it('does not suggest a pair already marked as duplicates', () => {
    expect(suggestedPairs([issue({ number: 1, ...DARK_MODE }), issue({ number: 2, ...NIGHT_THEME, ...markedDuplicate({ number: 1 }) })])).toEqual([]);
  });

  it('does not suggest a pair linked through a chain of duplicates', () => {
    const pairs = suggestedPairs([
      issue({ number: 1, ...DARK_MODE }),
      issue({ number: 2, title: 'Dark theme', body: 'A dark colour scheme for the whole app, please.', ...markedDuplicate({ number: 1 }) }),
      issue({ number: 3, ...NIGHT_THEME, ...markedDuplicate({ number: 2 }) }),
    ]);
    expect(pairs).toEqual([]);
  });

  it('does not suggest again a pair a maintainer unmarked as duplicates', () => {
    const canonical = { repository: MAIN, number: 1 };
    const unmarked = issue({
      number: 2,
      ...NIGHT_THEME,
      events: [
        { kind: 'marked_as_duplicate', createdAt: '2025-03-01T00:00:00Z', actor: 'maintainer', canonical },
        { kind: 'unmarked_as_duplicate', createdAt: '2025-03-02T00:00:00Z', actor: 'maintainer', canonical },
      ],
    });
    expect(suggestedPairs([issue({ number: 1, ...DARK_MODE }), unmarked])).toEqual([]);
  });

  it('leaves out spam-labelled items and private repositories', () => {
    const pairs = suggestedPairs(
      [issue({ number: 1, ...DARK_MODE }), issue({ number: 2, ...NIGHT_THEME, labels: ['enhancement', 'spam'] }), issue({ number: 3, repository: PRIVATE, ...NIGHT_THEME })],
      [repository(MAIN), repository(DOCS), repository(PRIVATE, { isPrivate: true })],
    );
    expect(pairs).toEqual([]);
  });

  it('suggests an issue and a Discussion, and requests of two repositories', () => {
    expect(suggestedPairs([issue({ number: 1, ...DARK_MODE }), discussion({ number: 2, ...NIGHT_THEME })])).toEqual([`${MAIN}#1 ${MAIN}#2`]);
    expect(suggestedPairs([issue({ number: 1, ...DARK_MODE }), issue({ number: 2, repository: DOCS, ...NIGHT_THEME })])).toEqual([`${MAIN}#1 ${DOCS}#2`]);
  });
});
