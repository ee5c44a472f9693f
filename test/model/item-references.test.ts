import { describe, expect, it } from 'vitest';
import { findClosingReferences, findDuplicateOf, findReferences } from '../../src/model/item-references.ts';

const HERE = 'acme/widgets';

describe('findReferences', () => {
  it.each([
    ['#12', [`${HERE}#12`]],
    ['see acme/docs#3 and #4', ['acme/docs#3', `${HERE}#4`]],
    ['https://github.com/acme/docs/issues/5', ['acme/docs#5']],
    ['[link](https://ghe.example.com/acme/widgets/discussions/6)', [`${HERE}#6`]],
    ['a pull request https://github.com/acme/widgets/pull/7 is not a request', []],
    ['`#8` in code and <!-- #9 in a comment -->', []],
    ['```\n#10\n```\nthen #11', [`${HERE}#11`]],
    ['an entity &#12; and a word#13 are not references', []],
  ])('%s', (text, expected) => {
    expect(findReferences(text, HERE).map((ref) => `${ref.repository}#${ref.number}`)).toEqual(expected);
  });
});

describe('findDuplicateOf', () => {
  it.each([
    ['Duplicate of #12', `${HERE}#12`],
    ['duplicate of: acme/docs#3', 'acme/docs#3'],
    ['Duplicate of the issue https://github.com/acme/docs/issues/9', 'acme/docs#9'],
    ['Related to #4, not a duplicate', null],
  ])('%s', (text, expected) => {
    const ref = findDuplicateOf(text, HERE);
    expect(ref === null ? null : `${ref.repository}#${ref.number}`).toBe(expected);
  });
});

describe('findClosingReferences', () => {
  it('reads every closing keyword and lists after one', () => {
    const notes = 'Closes #1. Fixed acme/docs#2, ships #3, #4 and #5. Mentions #6 only. Resolves https://github.com/acme/widgets/issues/7';
    expect(findClosingReferences(notes, HERE).map((ref) => `${ref.repository}#${ref.number}`)).toEqual([
      `${HERE}#1`,
      'acme/docs#2',
      `${HERE}#3`,
      `${HERE}#4`,
      `${HERE}#5`,
      `${HERE}#7`,
    ]);
  });
});
