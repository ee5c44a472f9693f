/**
 * Who gets which mail for a release, and who is skipped and why. Pure: the ledger's view and the
 * suppression list come in as functions.
 *
 * - A subscriber whose GitHub login voted for or opened a shipped request (or one of its
 *   duplicates) gets a personal mail listing those requests.
 * - Every other subscriber who wants digests gets the release digest.
 * - Each subscriber gets at most one mail per release, whatever happens across runs: the ledger
 *   says who already got one (`sent`), who may have (`unknown`: not resent unless asked), and
 *   whose address bounced; the suppression list is honoured before anything else.
 */
import type { RecipientId } from './ledger-meta.ts';
import type { MailKind, MailState } from './release-journal.ts';
import type { ReleaseShipment, ShippedRequest } from './release-shipments.ts';
import type { Subscriber } from './subscribers.ts';

export interface PlannedMail {
  subscriber: Subscriber;
  recipient: RecipientId;
  kind: MailKind;
  /** The shipped requests a personal mail is about; empty for a digest. */
  requests: ShippedRequest[];
}

export type MailSkipReason = 'already-mailed' | 'suppressed' | 'unknown-earlier' | 'no-digest';

export interface SkippedMail {
  subscriber: Subscriber;
  recipient: RecipientId;
  /** The mail they would have got; null when they get none for this release. */
  kind: MailKind | null;
  reason: MailSkipReason;
}

export interface MailPlan {
  mails: PlannedMail[];
  skipped: SkippedMail[];
  /** People who asked for a shipped request but are not on the list (the GitHub comment reaches them). */
  askersNotSubscribed: number;
}

export interface MailPlanContext {
  recipientOf: (address: string) => RecipientId;
  /** The recipient's last state in this release's ledger, or null. */
  stateOf: (recipient: RecipientId) => MailState | null;
  isSuppressed: (recipient: RecipientId) => boolean;
  /**
   * `--resend-unknown`: send again to those whose earlier mail may or may not have gone out: all
   * of them (true), or only these ledger ids.
   */
  resendUnknown: boolean | readonly RecipientId[];
}

function skipReasonFor(state: MailState | null, resendUnknown: boolean): MailSkipReason | null {
  switch (state) {
    case 'sent':
      return 'already-mailed';
    case 'bounced':
      return 'suppressed';
    case 'unknown':
    case 'sending':
    case 'claimed':
      return resendUnknown ? null : 'unknown-earlier';
    default:
      return null;
  }
}

export function planMails(shipment: ReleaseShipment, subscribers: readonly Subscriber[], context: MailPlanContext): MailPlan {
  const personal: PlannedMail[] = [];
  const digests: PlannedMail[] = [];
  const skipped: SkippedMail[] = [];
  const subscribedLogins = new Set<string>();

  for (const subscriber of subscribers) {
    const recipient = context.recipientOf(subscriber.email);
    const login = subscriber.github?.toLowerCase() ?? null;
    if (login !== null) subscribedLogins.add(login);
    const requests = login === null ? [] : shipment.requests.filter((request) => request.askedBy.has(login));
    const kind: MailKind | null = requests.length > 0 ? 'personal' : subscriber.digest ? 'digest' : null;
    if (kind === null) {
      skipped.push({ subscriber, recipient, kind, reason: 'no-digest' });
      continue;
    }
    const reason = context.isSuppressed(recipient) ? 'suppressed' : skipReasonFor(
          context.stateOf(recipient),
          context.resendUnknown === true || (Array.isArray(context.resendUnknown) && context.resendUnknown.includes(recipient)),
        );
    if (reason !== null) {
      skipped.push({ subscriber, recipient, kind, reason });
      continue;
    }
    (kind === 'personal' ? personal : digests).push({ subscriber, recipient, kind, requests });
  }

  const askers = new Set(shipment.requests.flatMap((request) => [...request.askedBy]));
  const askersNotSubscribed = [...askers].filter((login) => !subscribedLogins.has(login)).length;
  return { mails: [...personal, ...digests], skipped, askersNotSubscribed };
}
