/**
 * Turns Zod's validation issues into the lines a `ConfigError` prints: one problem per line,
 * each naming the field (`sources[0].repo`, `site.theme.accent`), what was expected, what was
 * given and, where there is one, a hint on how to fix it.
 *
 * `configErrorMap` words each issue when Zod raises it (it still sees the schema then, which is
 * how unknown options get their "did you mean"); `describeIssues` then lays the issues out,
 * opening up unions so the user reads the problem of the branch they were clearly aiming for.
 */
import { z } from 'zod';
import { closestMatch } from './did-you-mean.ts';
import { describeValue, listAlternatives, withHint } from './messages.ts';

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `sources[0].repo`, `statuses.labels["status: planned"]`: the way the field is written in code. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the configuration';
  let formatted = '';
  for (const segment of path) {
    if (typeof segment === 'number') formatted += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment))
      formatted += formatted === '' ? segment : `.${segment}`;
    else formatted += `[${JSON.stringify(String(segment))}]`;
  }
  return formatted;
}

/** What a Zod type name means to someone writing the config file. */
function expectedPhrase(expected: string): string {
  switch (expected) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'an object';
    case 'null':
      return 'null';
    case 'undefined':
      return 'nothing';
    default:
      return `a ${expected}`;
  }
}

function valuePhrase(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function invalidTypeMessage(expected: string, input: unknown): string {
  const problem = `expected ${expectedPhrase(expected)}, got ${describeValue(input)}`;
  if (typeof input === 'string') {
    const unquoted = input.trim();
    if ((expected === 'number' || expected === 'int') && unquoted !== '' && Number.isFinite(Number(unquoted))) {
      return withHint(problem, `write the number without quotes: ${unquoted}`);
    }
    if (expected === 'boolean' && (unquoted === 'true' || unquoted === 'false')) {
      return withHint(problem, `write ${unquoted} without quotes`);
    }
    if (expected === 'array') return withHint(problem, `write a list, e.g. [${JSON.stringify(input)}]`);
  }
  if (expected === 'int' && typeof input === 'number') {
    return withHint(`expected a whole number, got ${input}`, `use ${Math.round(input)}`);
  }
  return problem;
}

function invalidValueMessage(values: readonly unknown[], input: unknown): string {
  const choices = values.map(valuePhrase);
  if (choices.length === 1) return `expected ${choices[0] ?? ''}, got ${describeValue(input)}`;
  const problem = `expected one of ${listAlternatives(choices)}, got ${describeValue(input)}`;
  const suggestion =
    typeof input === 'string'
      ? closestMatch(
          input,
          values.filter((value) => typeof value === 'string'),
        )
      : undefined;
  return withHint(problem, suggestion === undefined ? undefined : `did you mean ${JSON.stringify(suggestion)}?`);
}

function tooSmallMessage(issue: Extract<RawIssue, { code: 'too_small' }>): string {
  const minimum = Number(issue.minimum);
  switch (issue.origin) {
    case 'array':
      return minimum === 1 ? 'must not be empty' : `must list at least ${minimum} entries`;
    case 'string':
      return minimum === 1 ? 'must not be empty' : `must be at least ${minimum} characters long`;
    default:
      return issue.inclusive === false
        ? `expected a number greater than ${minimum}, got ${describeValue(issue.input)}`
        : `expected ${minimum} or more, got ${describeValue(issue.input)}`;
  }
}

function tooBigMessage(issue: Extract<RawIssue, { code: 'too_big' }>): string {
  const maximum = Number(issue.maximum);
  switch (issue.origin) {
    case 'array':
      return `must list at most ${maximum} entries`;
    case 'string':
      return `must be at most ${maximum} characters long`;
    default:
      return issue.inclusive === false
        ? `expected a number less than ${maximum}, got ${describeValue(issue.input)}`
        : `expected ${maximum} or less, got ${describeValue(issue.input)}`;
  }
}

/**
 * One line per unknown key, in the order of `issue.keys`; `describeIssues` pairs them back up
 * with their keys so each gets its own path.
 */
function unknownKeysMessage(keys: readonly string[], inst: unknown): string {
  const known = inst instanceof z.ZodObject ? Object.keys(inst.shape) : [];
  return keys
    .map((key) => {
      const suggestion = closestMatch(key, known);
      if (suggestion !== undefined) return withHint('unknown option', `did you mean "${suggestion}"?`);
      if (known.length === 0) return withHint('unknown option', 'remove it');
      return withHint('unknown option', `remove it; the options here are ${listAlternatives(known, 'and')}`);
    })
    .join('\n');
}

/** A branch of a union that failed only because the value had another type altogether. */
function isTypeMismatch(issues: readonly Issue[]): boolean {
  return issues.every(
    (issue) => issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value'),
  );
}

function unionMessage(errors: readonly (readonly Issue[])[], input: unknown): string | undefined {
  if (!errors.every(isTypeMismatch)) return undefined;
  const expectations = new Set<string>();
  for (const issue of errors.flat()) {
    if (issue.code === 'invalid_type') expectations.add(expectedPhrase(issue.expected));
    if (issue.code === 'invalid_value') for (const value of issue.values) expectations.add(valuePhrase(value));
  }
  return `expected ${listAlternatives([...expectations])}, got ${describeValue(input)}`;
}

/** Words every issue of the configuration schema; schemas may still override it with their own `error`. */
export const configErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return invalidTypeMessage(issue.expected, issue.input);
    case 'invalid_value':
      return invalidValueMessage(issue.values, issue.input);
    case 'too_small':
      return tooSmallMessage(issue);
    case 'too_big':
      return tooBigMessage(issue);
    case 'unrecognized_keys':
      return unknownKeysMessage(issue.keys, issue.inst);
    case 'invalid_union':
      return unionMessage(issue.errors, issue.input);
    case 'invalid_key':
      return `this key ${listAlternatives(
        issue.issues.map((keyIssue) => keyIssue.message),
        'and',
      )}`;
    case 'invalid_format':
      return `${describeValue(issue.input)} is not a valid ${issue.format}`;
    default:
      return undefined;
  }
};

function messageOf(result: ReturnType<z.core.$ZodErrorMap>): string | undefined {
  return typeof result === 'string' ? result : (result?.message ?? undefined);
}

/**
 * A schema `error` that keeps the usual wording and adds a hint specific to the field, e.g.
 * how a missing `site.title` should look. `when` limits it to some issues (default: all); a
 * hint function may look at the value given, or return undefined to add nothing.
 */
export function hintFor(
  hint: string | ((issue: RawIssue) => string | undefined),
  when: (issue: RawIssue) => boolean = () => true,
): z.core.$ZodErrorMap {
  return (issue) => {
    if (!when(issue)) return undefined;
    const fix = typeof hint === 'string' ? hint : hint(issue);
    if (fix === undefined) return undefined;
    return withHint(messageOf(configErrorMap(issue)) ?? 'is not valid', fix);
  };
}

/** For `hintFor`: the value is missing altogether. */
export function isMissing(issue: RawIssue): boolean {
  return issue.code === 'invalid_type' && issue.input === undefined;
}

/** The problems in `issues`, one `path: message` line each, unions opened up. */
export function describeIssues(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
      // The branch whose type the value had (an object given where "object or false" is allowed)
      // holds the real problem; the other branches only say "that is not false".
      const aimedAt = issue.errors.find((branch) => branch.length > 0 && !isTypeMismatch(branch));
      if (aimedAt !== undefined) {
        lines.push(...describeIssues(aimedAt, path));
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      const messages = issue.message.split('\n');
      issue.keys.forEach((key, index) => {
        lines.push(`${formatPath([...path, key])}: ${messages[index] ?? messages[0] ?? 'unknown option'}`);
      });
      continue;
    }
    lines.push(`${formatPath(path)}: ${issue.message}`);
  }
  return lines;
}
