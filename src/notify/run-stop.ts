/**
 * Why a run stopped before it was done, shared by everything that sends: a signal (the workflow
 * was cancelled), a mail server that refuses us, a ledger branch moved by another run. Whoever
 * sends checks it before each message and lets what is already in flight finish.
 */
export class RunStop {
  #reason: { message: string; hint: string } | null = null;

  get stopped(): boolean {
    return this.#reason !== null;
  }

  get reason(): { message: string; hint: string } | null {
    return this.#reason;
  }

  /** Records the first reason only: it is the one that explains the rest. */
  stop(message: string, hint: string): void {
    this.#reason ??= { message, hint };
  }
}
