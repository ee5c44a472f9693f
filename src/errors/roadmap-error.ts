/**
 * The one error class: an entry of the catalogue (`errors-data.ts`) and the values its message
 * and hint are made from. The commands print `message` and `hint`, never a stack trace, and exit
 * 75 for a `resumable` error (the next run resumes where this one stopped), 1 otherwise.
 */
export interface ErrorData<P = void> {
  /** Unique, PascalCase; tests and code compare entries, never message text. */
  name: string;
  /** What happened, in one sentence. */
  message: string | ((params: P) => string);
  /** What to do about it. */
  hint: string | ((params: P) => string);
  /** The run stopped on purpose (a rate limit) and the next run resumes where it stopped. */
  resumable?: boolean;
  /** Asking again may help: the sync retries, GraphQL with a smaller page. */
  transient?: boolean;
}

export interface RoadmapErrorOptions {
  cause?: unknown;
}

export type ErrorArguments<P> = [P] extends [void] ? [params?: undefined, options?: RoadmapErrorOptions] : [params: P, options?: RoadmapErrorOptions];

export class RoadmapError<P = unknown> extends Error {
  override name = 'RoadmapError';
  // Typed loosely, so any entry's error is a RoadmapError; `is()` tells entries apart.
  readonly entry: ErrorData<never>;
  readonly params: unknown;
  readonly hint: string;

  constructor(entry: ErrorData<P>, ...[params, options]: ErrorArguments<P>) {
    const values = params as P;
    super(typeof entry.message === 'function' ? entry.message(values) : entry.message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.entry = entry as ErrorData<never>;
    this.params = values;
    this.hint = typeof entry.hint === 'function' ? entry.hint(values) : entry.hint;
  }

  get resumable(): boolean {
    return this.entry.resumable ?? false;
  }

  get transient(): boolean {
    return this.entry.transient ?? false;
  }

  /** Whether this error is the catalogue's `entry` (e.g. `error.is(ErrorsData.GitHubTimeout)`). */
  is(entry: ErrorData<never>): boolean {
    return (this.entry as unknown) === entry;
  }
}
