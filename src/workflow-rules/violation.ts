/** One problem found in a workflow file, and how it is printed: `file:line: what is wrong — how to fix`. */
export interface Violation {
  file: string;
  line: number;
  /** Short rule id, e.g. `pinned-actions`; lets tests and readers tell findings apart. */
  rule: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  fix: string;
}

export function formatViolation(violation: Violation): string {
  return `${violation.file}:${violation.line}: ${violation.message} — ${violation.fix} [${violation.rule}]`;
}

export function byPosition(a: Violation, b: Violation): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule);
}
