/**
 * A sync failure a person can act on: what happened, and what to do about it. The CLI prints
 * `message` and `hint`, never a stack trace, and exits non-zero.
 */
export class SyncError extends Error {
  override name = 'SyncError';
  readonly hint: string;
  /** True when the sync stopped on purpose (rate limit) and the next run resumes where it stopped. */
  readonly resumable: boolean;

  constructor(message: string, hint: string, options: { cause?: unknown; resumable?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = hint;
    this.resumable = options.resumable ?? false;
  }
}
