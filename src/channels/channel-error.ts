/**
 * The one error an imported channel is refused with: a heading, then every problem found, one
 * per line (file, row or line, field, what is wrong, `Hint:` how to fix it), so one build shows
 * everything to fix. A problem never repeats a value from the file: files hold people's email
 * addresses and names, and build logs are often public.
 */
export class ChannelError extends Error {
  override name = 'ChannelError';
  readonly problems: readonly string[];

  constructor(heading: string, problems: readonly string[] = [], options: { cause?: unknown } = {}) {
    super([heading, ...problems.map((problem) => `- ${problem}`)].join('\n'), { cause: options.cause });
    this.problems = problems;
  }
}

/** `where, field: problem. Hint: hint`. */
export function channelProblem(where: string, field: string | null, problem: string, hint: string): string {
  return `${where}${field === null ? '' : `, ${field}`}: ${problem}. Hint: ${hint}`;
}
