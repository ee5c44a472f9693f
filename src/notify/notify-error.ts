import { ErrorsData } from '../errors/errors-data.ts';
import { RoadmapError } from '../errors/roadmap-error.ts';

/**
 * A notifier failure a person can act on, about the ledger, the subscribers or the mail settings:
 * what happened, and what to do about it. The CLI prints `message` and `hint`, never a stack
 * trace, and exits non-zero. Its errors about GitHub are entries of the catalogue of their own.
 */
export class NotifyError extends RoadmapError<{ message: string; hint: string }> {
  override name = 'NotifyError';

  constructor(message: string, hint: string, options: { cause?: unknown } = {}) {
    super(ErrorsData.NotifierStopped, { message, hint }, options);
  }
}
