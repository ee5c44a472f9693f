/**
 * A notifier failure a person can act on: what happened, and what to do about it. The CLI prints
 * `message` and `hint`, never a stack trace, and exits non-zero.
 */
export class NotifyError extends Error {
  override name = 'NotifyError';
  readonly hint: string;

  constructor(message: string, hint: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = hint;
  }
}
