/**
 * The translation files against English, the reference: the same keys, messages that parse as
 * ICU MessageFormat, the same arguments with the same kinds (a plural stays a plural, a select
 * keeps the choices the code passes), plural branches the language actually has, and every
 * message formats. A translator who breaks one of these learns it here, not from a build.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/i18n/messages.ts';

const english = MESSAGES.en as Record<string, string>;
const languages = Object.entries(MESSAGES) as [string, Record<string, string>][];

type ArgumentKind = 'text' | 'number' | 'date' | 'time' | 'plural' | 'select';

/** Each argument of a message with its kind, and for selects the choices it offers. */
function argumentsOf(elements: MessageFormatElement[], found = new Map<string, { kind: ArgumentKind; choices: Set<string> }>()) {
  const note = (name: string, kind: ArgumentKind, choices: string[] = []) => {
    const entry = found.get(name) ?? { kind, choices: new Set<string>() };
    // A plain `{count}` inside a plural branch is the same number; the plural is what matters.
    if (entry.kind === 'text' || entry.kind === 'number') entry.kind = kind === 'text' ? entry.kind : kind;
    for (const choice of choices) entry.choices.add(choice);
    found.set(name, entry);
  };
  for (const element of elements) {
    if (element.type === TYPE.argument) note(element.value, 'text');
    else if (element.type === TYPE.number) note(element.value, 'number');
    else if (element.type === TYPE.date) note(element.value, 'date');
    else if (element.type === TYPE.time) note(element.value, 'time');
    else if (element.type === TYPE.select || element.type === TYPE.plural) {
      const select = element.type === TYPE.select;
      note(element.value, select ? 'select' : 'plural', select ? Object.keys(element.options) : []);
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
  }
  return found;
}

/** The plural branches of every plural in a message. */
function pluralBranches(elements: MessageFormatElement[], found: string[][] = []): string[][] {
  for (const element of elements) {
    if (element.type === TYPE.plural) found.push(Object.keys(element.options));
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) pluralBranches(option.value, found);
    }
  }
  return found;
}

/** A value for every argument, of the kind the message expects. */
function sampleValues(message: string): Record<string, string | number> {
  return Object.fromEntries(
    [...argumentsOf(parse(message))].map(([name, { kind, choices }]) => [
      name,
      kind === 'plural' || kind === 'number' ? 3 : kind === 'select' ? ([...choices][0] ?? 'other') : `‹${name}›`,
    ]),
  );
}

describe.each(languages)('the %s translation', (language, messages) => {
  it('has exactly the keys of the English file', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
  });

  it('writes every message in valid ICU MessageFormat, with the arguments of the English one', () => {
    for (const [key, message] of Object.entries(messages)) {
      const reference = english[key];
      if (reference === undefined) continue;
      let elements: MessageFormatElement[];
      try {
        elements = parse(message, { requiresOtherClause: true });
      } catch (error) {
        throw new Error(`${language} ${key}: ${String(error)} in ${message}`, { cause: error });
      }
      const mine = argumentsOf(elements);
      const theirs = argumentsOf(parse(reference));
      const describe = (found: typeof mine) =>
        Object.fromEntries([...found].map(([name, { kind, choices }]) => [name, kind === 'select' ? `select ${[...choices].sort().join('|')}` : kind === 'plural' || kind === 'number' ? 'count' : kind]));
      expect({ key, arguments: describe(mine) }).toEqual({ key, arguments: describe(theirs) });
    }
  });

  it('uses only plural categories the language has', () => {
    const categories = new Set<string>(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
    for (const [key, message] of Object.entries(messages)) {
      for (const branches of pluralBranches(parse(message))) {
        const unknown = branches.filter((branch) => !branch.startsWith('=') && !categories.has(branch));
        expect({ key, unknown }).toEqual({ key, unknown: [] });
      }
    }
  });

  it('formats every message', () => {
    for (const [key, message] of Object.entries(messages)) {
      const text = new IntlMessageFormat(message, language, undefined, { ignoreTag: true }).format(sampleValues(english[key] ?? message));
      expect(typeof text === 'string' && text.trim() !== '', `${language} ${key}`).toBe(true);
    }
  });
});

describe('the checks themselves', () => {
  it('catch a message with an argument English does not have', () => {
    expect(() => parse('{count, plural, one {# vote}}', { requiresOtherClause: true })).toThrow();
    const english = argumentsOf(parse(MESSAGES.en['request.votesCount']));
    const broken = argumentsOf(parse('{total, plural, other {# votes}}'));
    expect([...broken.keys()]).not.toEqual([...english.keys()]);
  });
});
