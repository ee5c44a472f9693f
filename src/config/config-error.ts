/**
 * The one error configuration problems are reported with. Its message is a heading followed
 * by every problem found, one per line, so a single run shows everything that needs fixing:
 *
 *     roadmap.config.ts is not valid:
 *     - sources[0].repo: "acme" is not "owner/name". Hint: write the repository as …
 *     - votes.countAuthor: expected true or false, got "yes"
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  /** Each problem, as `path: what is wrong. Hint: how to fix it`. */
  readonly problems: readonly string[];
  /** The configuration file concerned, as shown to the user, when there is one. */
  readonly file: string | undefined;

  constructor(heading: string, problems: readonly string[] = [], options: { file?: string; cause?: unknown } = {}) {
    super([heading, ...problems.map((problem) => `- ${problem}`)].join('\n'), { cause: options.cause });
    this.problems = problems;
    this.file = options.file;
  }
}
