/**
 * GitHub Actions expressions (`${{ … }}` and `if:`), evaluated with GitHub's own parser and
 * evaluator (@actions/expressions) against the contexts a local run builds.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/expressions
 */
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';

/** The contexts an expression can read (`github`, `inputs`, `steps`, `needs`, …), as plain JSON. */
export type Contexts = Record<string, unknown>;

/** The status functions, for a run that stops at its first failed step (as GitHub's default `if: success()` does). */
export interface JobStatus {
  failed: boolean;
}

function statusFunctions(status: JobStatus) {
  const make = (name: string, value: () => boolean) => ({ name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value()) });
  return [make('success', () => !status.failed), make('failure', () => status.failed), make('always', () => true), make('cancelled', () => false)];
}

function evaluateData(expression: string, contexts: Contexts, status: JobStatus): data.ExpressionData {
  const lexed = new Lexer(expression).lex();
  const functions = statusFunctions(status);
  const parsed = new Parser(lexed.tokens, Object.keys(contexts), functions).parse();
  const dictionary = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  return new Evaluator(parsed, dictionary, new Map(functions.map((fn) => [fn.name, fn]))).evaluate();
}

/** A value as GitHub puts it in a string: `true`, `3`, the text itself; null is empty. */
function asString(value: data.ExpressionData): string {
  return value.kind === data.Kind.Null ? '' : value.coerceString();
}

/** Replaces each `${{ … }}` in `template` with its value. */
export function interpolate(template: string, contexts: Contexts, status: JobStatus = { failed: false }): string {
  return template.replace(/\$\{\{([\s\S]*?)\}\}/g, (_match, body: string) => asString(evaluateData(body.trim(), contexts, status)));
}

/**
 * An `if:` condition: written with or without `${{ }}`; without a status function it implies
 * `success() && (…)`, as on GitHub.
 */
export function condition(written: string | boolean | undefined, contexts: Contexts, status: JobStatus): boolean {
  if (written === undefined) return !status.failed;
  if (typeof written === 'boolean') return written && !status.failed;
  const bare = written.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1').trim();
  const expression = /\b(success|failure|always|cancelled)\s*\(/.test(bare) ? bare : `success() && (${bare})`;
  // `!` gives a boolean by GitHub's truthiness rules, which the package applies but does not export.
  return evaluateData(`!(${expression})`, contexts, status).coerceString() === 'false';
}
