/**
 * One "shipped" comment on each shipped request and on each of its duplicates, never two.
 *
 * GitHub is the first record: before commenting, the item's comments are searched for our marker
 * (`comment-marker.ts`), so even a lost ledger cannot cause a second comment. The ledger is the
 * second: an item recorded `sent` is not even looked at again. A comment whose answer was lost
 * (timeout, 5xx) is looked for before it is tried again. Locked conversations are skipped.
 *
 * When the ledger is a pushed branch, two runs on two machines could both find no marker and both
 * comment. So items are claimed on the branch first, in batches, like mails (`send-mails.ts`):
 * the claim is recorded and pushed before the batch is commented, and only the run whose push
 * went through comments; the other's push is refused (the branch moved) and it stops. A run that
 * finds another run's claim younger than `CLAIM_LEASE_MINUTES` leaves the item to that run (unless
 * GitHub already shows the comment); an older claim is from a run that died, and is taken over.
 *
 * In a dry run the comments are written to the preview instead; with a token, the same checks
 * run (read-only), so the preview shows what a real run would do.
 */
import { shippedCommentBody } from './comment-body.ts';
import { shippedMarker } from './comment-marker.ts';
import { GitHubRequestError, ItemLockedError, type GitHubCommentsApi } from './github-comments-api.ts';
import { pushOrStop, type LedgerRemote } from './ledger-git.ts';
import type { ReleaseJournal } from './release-journal.ts';
import type { ReleaseShipment, ShippedItem, ShippedRequest } from './release-shipments.ts';
import type { RunStop } from './run-stop.ts';

export type CommentResultStatus = 'posted' | 'previewed' | 'already-commented' | 'claimed-elsewhere' | 'locked' | 'failed' | 'not-sent';

export interface CommentResult {
  item: ShippedItem;
  request: ShippedRequest;
  status: CommentResultStatus;
  detail: string;
  /** GitHub carries our marker although this release's ledger had no record at all when the run began. */
  foundWithoutRecord?: true;
}

export interface PostCommentsOptions {
  shipment: ReleaseShipment;
  /** The site's language (`site.language`): the comments are written in it. */
  language: string;
  /** null without a token: nothing can be checked or posted. */
  api: GitHubCommentsApi | null;
  journal: ReleaseJournal;
  stop: RunStop;
  log: (line: string) => void;
  /** Set in a dry run: receives each comment that would be posted, instead of GitHub. */
  preview?: (item: ShippedItem, body: string) => Promise<void>;
  /** The ledger branch to claim comments on before posting them, or null when the ledger stays local. */
  remote?: LedgerRemote | null;
  /** `acme/widgets v1.2.0`, for commit messages. */
  releaseLabel?: string;
  /** For tests: the time now. */
  now?: () => number;
}

/** Attempts at posting one comment, looking for it in between. */
const MAX_ATTEMPTS = 2;
/** Items claimed and pushed at once on a pushed ledger. */
const COMMENT_BATCH = 20;
/**
 * How long another run's claim is honoured. A batch takes about a minute to comment (writes that
 * notify people go at most one every three seconds); half an hour leaves room for GitHub's rate
 * limits, and a run that died is taken over after it.
 */
export const CLAIM_LEASE_MINUTES = 30;

export async function postShippedComments(options: PostCommentsOptions): Promise<CommentResult[]> {
  const { shipment, api, journal, stop, log } = options;
  const marker = shippedMarker(shipment);
  const results: CommentResult[] = [];

  const handleStop = (error: unknown): string => {
    if (error instanceof GitHubRequestError) {
      if (error.stopsRun) stop.stop(error.message, error.hint);
      return `${error.message} ${error.hint}`;
    }
    if (error instanceof ItemLockedError) return error.message;
    throw error;
  };

  const now = options.now ?? Date.now;
  /** Why another run's live claim keeps this run off an item, or null when it may comment. */
  const claimedByAnotherRun = (key: string): string | null => {
    const entry = journal.commentEntry(key);
    if (entry === null || entry.state !== 'claimed' || entry.run === journal.run) return null;
    const expires = Date.parse(entry.at) + CLAIM_LEASE_MINUTES * 60_000;
    if (expires <= now()) return null;
    return `another run claimed it at ${entry.at} and has not recorded the comment yet; if no other run is under way, run again after ${new Date(expires).toISOString()}`;
  };

  const commentOn = async (request: ShippedRequest, item: ShippedItem): Promise<CommentResult> => {
    const result = (status: CommentResultStatus, detail: string): CommentResult => ({ item, request, status, detail });
    if (stop.stopped) return result('not-sent', 'the run stopped first');
    if (journal.comment(item.key) === 'sent') return result('already-commented', 'recorded in the ledger');
    const body = shippedCommentBody(shipment, request, item, options.language);
    const claimedElsewhere = claimedByAnotherRun(item.key);

    if (api !== null) {
      try {
        const thread = await api.findShippedComment(item, marker);
        if (thread.hasMarker) {
          const withoutRecord = journal.entriesAtOpen === 0 ? ({ foundWithoutRecord: true } as const) : {};
          if (options.preview === undefined) journal.recordComment(item.key, 'sent', undefined, withoutRecord);
          return { ...result('already-commented', 'found on GitHub'), ...withoutRecord };
        }
        if (claimedElsewhere !== null) return result('claimed-elsewhere', claimedElsewhere);
        if (thread.locked) return result('locked', 'the conversation is locked');
      } catch (error) {
        return result('failed', handleStop(error));
      }
    }
    if (claimedElsewhere !== null) return result('claimed-elsewhere', claimedElsewhere);

    if (options.preview !== undefined) {
      await options.preview(item, body);
      log(`Would comment on ${item.url}`);
      return result('previewed', api === null ? 'not checked on GitHub (no token)' : '');
    }
    if (api === null) return result('not-sent', 'GITHUB_TOKEN is not set');

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      journal.recordComment(item.key, 'sending');
      try {
        const { url } = await api.postComment(item, body);
        journal.recordComment(item.key, 'sent', url);
        log(`Commented on ${item.url}`);
        return result('posted', url);
      } catch (error) {
        if (error instanceof ItemLockedError) return result('locked', 'GitHub refused: the conversation is locked');
        const detail = handleStop(error);
        if (!(error instanceof GitHubRequestError) || !error.mayHaveCommented || stop.stopped) return result('failed', detail);
        // The comment may exist: look before trying again.
        try {
          if ((await api.findShippedComment(item, marker)).hasMarker) {
            journal.recordComment(item.key, 'sent');
            log(`Commented on ${item.url} (confirmed after a lost answer)`);
            return result('posted', 'confirmed on GitHub after a lost answer');
          }
        } catch (checkError) {
          return result('failed', handleStop(checkError));
        }
        if (attempt === MAX_ATTEMPTS) return result('failed', detail);
      }
    }
    return result('failed', 'not posted');
  };

  const remote = options.preview === undefined ? (options.remote ?? null) : null;
  const label = options.releaseLabel ?? shipment.id;
  const pairs = shipment.requests.flatMap((request) => request.items.map((item) => ({ request, item })));
  for (let start = 0; start < pairs.length; start += remote === null ? pairs.length : COMMENT_BATCH) {
    const batch = pairs.slice(start, start + (remote === null ? pairs.length : COMMENT_BATCH));
    // Claimed on the branch before anything is posted: a second run's claim is refused there.
    const claimed = remote === null || stop.stopped ? [] : batch.filter(({ item }) => journal.comment(item.key) !== 'sent' && claimedByAnotherRun(item.key) === null);
    if (remote !== null && claimed.length > 0) {
      for (const { item } of claimed) journal.recordComment(item.key, 'claimed');
      await pushOrStop(remote, stop, `Claim ${claimed.length} comment${claimed.length === 1 ? '' : 's'} for ${label}`);
    }
    for (const { request, item } of batch) {
      const outcome = await commentOn(request, item);
      if (outcome.status === 'locked') log(`Skipped ${item.url}: the conversation is locked, so GitHub takes no comment from us.`);
      if (outcome.status === 'failed') log(`Could not comment on ${item.url}: ${outcome.detail}`);
      if (outcome.status === 'claimed-elsewhere') log(`Left ${item.url} to another run: ${outcome.detail}.`);
      results.push(outcome);
    }
    if (remote !== null && claimed.length > 0) {
      // Claims of items not commented go back at once, so the next run need not wait for the lease.
      for (const { item } of claimed) if (journal.comment(item.key) === 'claimed') journal.recordComment(item.key, 'released');
      if (!stop.stopped) await pushOrStop(remote, stop, `Record comments for ${label}`);
    }
  }
  return results;
}
