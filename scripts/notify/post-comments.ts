/**
 * One "shipped" comment on each shipped request and on each of its duplicates, never two.
 *
 * GitHub is the first record: before commenting, the item's comments are searched for our marker
 * (`comment-marker.ts`), so even a lost ledger cannot cause a second comment. The ledger is the
 * second: an item recorded `sent` is not even looked at again. A comment whose answer was lost
 * (timeout, 5xx) is looked for before it is tried again. Locked conversations are skipped.
 *
 * In a dry run the comments are written to the preview instead; with a token, the same checks
 * run (read-only), so the preview shows what a real run would do.
 */
import { shippedCommentBody } from './comment-body.ts';
import { shippedMarker } from './comment-marker.ts';
import { GitHubRequestError, ItemLockedError, type GitHubCommentsApi } from './github-comments-api.ts';
import type { ReleaseJournal } from './release-journal.ts';
import type { ReleaseShipment, ShippedItem, ShippedRequest } from './release-shipments.ts';
import type { RunStop } from './run-stop.ts';

export type CommentResultStatus = 'posted' | 'previewed' | 'already-commented' | 'locked' | 'failed' | 'not-sent';

export interface CommentResult {
  item: ShippedItem;
  request: ShippedRequest;
  status: CommentResultStatus;
  detail: string;
}

export interface PostCommentsOptions {
  shipment: ReleaseShipment;
  /** null without a token: nothing can be checked or posted. */
  api: GitHubCommentsApi | null;
  journal: ReleaseJournal;
  stop: RunStop;
  log: (line: string) => void;
  /** Set in a dry run: receives each comment that would be posted, instead of GitHub. */
  preview?: (item: ShippedItem, body: string) => Promise<void>;
}

/** Attempts at posting one comment, looking for it in between. */
const MAX_ATTEMPTS = 2;

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

  const commentOn = async (request: ShippedRequest, item: ShippedItem): Promise<CommentResult> => {
    const result = (status: CommentResultStatus, detail: string): CommentResult => ({ item, request, status, detail });
    if (stop.stopped) return result('not-sent', 'the run stopped first');
    if (journal.comment(item.key) === 'sent') return result('already-commented', 'recorded in the ledger');
    const body = shippedCommentBody(shipment, request, item);

    if (api !== null) {
      try {
        const thread = await api.findShippedComment(item, marker);
        if (thread.hasMarker) {
          if (options.preview === undefined) journal.recordComment(item.key, 'sent');
          return result('already-commented', 'found on GitHub');
        }
        if (thread.locked) return result('locked', 'the conversation is locked');
      } catch (error) {
        return result('failed', handleStop(error));
      }
    }

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

  for (const request of shipment.requests) {
    for (const item of request.items) {
      const outcome = await commentOn(request, item);
      if (outcome.status === 'locked') log(`Skipped ${item.url}: the conversation is locked, so GitHub takes no comment from us.`);
      if (outcome.status === 'failed') log(`Could not comment on ${item.url}: ${outcome.detail}`);
      results.push(outcome);
    }
  }
  return results;
}
