/**
 * The summary printed at the end of every run: what was sent, what was skipped and why, what
 * failed and what is unknown, with addresses masked. Pure, so the wording is tested directly.
 */
import { maskAddress } from './mask-address.ts';
import type { MailPlan, MailSkipReason } from './plan-mails.ts';
import type { CommentResult } from './post-comments.ts';
import type { MailResult } from './send-mails.ts';

export interface RunReport {
  /** `acme/widgets v1.2.0`. */
  release: string;
  dryRun: boolean;
  shippedRequests: number;
  comments: readonly CommentResult[];
  /** Why no comment was even considered (no token), or null. */
  commentsNotice: string | null;
  mailPlan: MailPlan | null;
  /** Why no mail was even considered (no SMTP_URL, no subscriber list), or null. */
  mailsNotice: string | null;
  mailResults: readonly MailResult[];
  /** Dry run: mails written to the preview. */
  previewedMails: number;
  previewDir: string | null;
  /** The Message-ID a recipient's mail of this release has, to find it in the mail server's log; null without mail settings. */
  messageIdOf: ((recipient: string) => string) | null;
  stop: { message: string; hint: string } | null;
}

const MAIL_SKIP_WORDS: Record<MailSkipReason, string> = {
  'already-mailed': 'already mailed',
  suppressed: 'suppressed',
  'unknown-earlier': 'unknown from an earlier run',
  'no-digest': 'no digest wanted',
};

const COMMENT_SKIP_WORDS: Partial<Record<CommentResult['status'], string>> = {
  'already-commented': 'already commented',
  'claimed-elsewhere': 'left to another run',
  locked: 'locked',
  'not-sent': 'not sent',
};

function counted<T extends string>(values: readonly T[], words: Partial<Record<T, string>>): string {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${count} ${words[value] ?? value}`).join(', ');
}

function plural(count: number, one: string, many: string = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function formatSummary(report: RunReport): string[] {
  const lines: string[] = [];
  const would = report.dryRun ? 'would be ' : '';
  lines.push(`${report.dryRun ? 'Dry run for' : 'Summary for'} ${report.release}: ${plural(report.shippedRequests, 'request')} shipped.`);

  const comments = report.comments;
  const posted = comments.filter((result) => result.status === 'posted' || result.status === 'previewed').length;
  const skippedComments = comments.filter((result) => COMMENT_SKIP_WORDS[result.status] !== undefined);
  const failedComments = comments.filter((result) => result.status === 'failed');
  if (report.commentsNotice !== null) {
    lines.push(`  GitHub comments: none (${report.commentsNotice}).`);
  } else {
    lines.push(
      `  GitHub comments: ${posted} ${would}posted; ${skippedComments.length} skipped${skippedComments.length > 0 ? ` (${counted(skippedComments.map((result) => result.status), COMMENT_SKIP_WORDS)})` : ''}; ${failedComments.length} failed.`,
    );
  }

  const plan = report.mailPlan;
  if (report.mailsNotice !== null || plan === null) {
    lines.push(`  Emails: none (${report.mailsNotice ?? 'not configured'}).`);
  } else {
    const results = report.mailResults;
    const sent = results.filter((result) => result.status === 'sent');
    const sentOrPreviewed = report.dryRun ? plan.mails : sent.map((result) => result.mail);
    const personal = sentOrPreviewed.filter((mail) => mail.kind === 'personal').length;
    const notSent = results.filter((result) => result.status === 'not-sent').length;
    const skipped = plan.skipped.map((skip) => skip.reason);
    const failed = results.filter((result) => result.status === 'failed').length;
    const unknown = results.filter((result) => result.status === 'unknown').length;
    const bounced = results.filter((result) => result.status === 'bounced').length;
    lines.push(
      `  Emails: ${sentOrPreviewed.length} ${report.dryRun ? 'would be sent' : 'sent'} (${plural(personal, 'personal', 'personal')}, ${plural(sentOrPreviewed.length - personal, 'digest')}); ` +
        `${skipped.length} skipped${skipped.length > 0 ? ` (${counted(skipped, MAIL_SKIP_WORDS)})` : ''}; ${failed} failed; ${unknown} unknown; ${bounced} bounced` +
        `${notSent > 0 ? `; ${notSent} not sent (run stopped)` : ''}.`,
    );
    if (plan.askersNotSubscribed > 0) {
      lines.push(`  Not subscribers: ${plural(plan.askersNotSubscribed, 'person', 'people')} who asked for a shipped request (the GitHub comment reaches them).`);
    }
    const list = (title: string, entries: readonly { email: string; detail: string }[]): void => {
      if (entries.length === 0) return;
      lines.push(`  ${title}`);
      for (const entry of entries) lines.push(`    - ${maskAddress(entry.email)}${entry.detail ? `: ${entry.detail}` : ''}`);
    };
    const of = (status: MailResult['status']) =>
      results.filter((result) => result.status === status).map((result) => ({ email: result.mail.subscriber.email, detail: result.detail }));
    list('Failed (the next run tries again):', of('failed'));
    // An unknown mail is settled by a person: the ledger id and Message-ID let them find it in
    // the mail server's log and name it to --resend-unknown or --settle-unknown.
    const traced = (recipient: string, detail: string): string =>
      [detail, `ledger id ${recipient}`, ...(report.messageIdOf === null ? [] : [`Message-ID ${report.messageIdOf(recipient)}`])].filter((part) => part !== '').join('; ');
    list(
      'Unknown: the connection was lost after the mail was handed over. Not sent again; look for its Message-ID in the mail server\'s log, then run with --resend-unknown <ledger id> (not delivered) or --settle-unknown <ledger id> (delivered):',
      results.filter((result) => result.status === 'unknown').map((result) => ({ email: result.mail.subscriber.email, detail: traced(result.mail.recipient, result.detail) })),
    );
    list('Bounced (suppressed from now on):', results.filter((result) => result.status === 'bounced').map((result) => ({ email: result.mail.subscriber.email, detail: `${result.detail} (ledger id ${result.mail.recipient})` })));
    const earlierUnknown = plan.skipped.filter((skip) => skip.reason === 'unknown-earlier').map((skip) => ({ email: skip.subscriber.email, detail: traced(skip.recipient, '') }));
    list(
      'Unknown from an earlier run (not sent again until settled; look for its Message-ID in the mail server\'s log, then --resend-unknown <ledger id> if it is not there, --settle-unknown <ledger id> if it is):',
      earlierUnknown,
    );
  }

  for (const result of comments.filter((entry) => entry.status === 'failed')) {
    lines.push(`  Comment failed on ${result.item.url}: ${result.detail}`);
  }
  if (report.previewDir !== null) lines.push(`  Preview written to ${report.previewDir} (nothing was sent, the ledger was not touched).`);
  if (report.stop !== null) {
    lines.push(`Stopped: ${report.stop.message}`);
    lines.push(`  ${report.stop.hint}`);
  }
  return lines;
}

/**
 * 0 when everything went out or was rightly skipped; 1 when something needs a person: a failure,
 * an unknown mail (new or left by an earlier run), a comment left to another run, a stop.
 */
export function exitCodeOf(report: RunReport): number {
  if (report.stop !== null) return 1;
  if (report.comments.some((result) => result.status === 'failed' || result.status === 'claimed-elsewhere')) return 1;
  if (report.mailResults.some((result) => result.status === 'failed' || result.status === 'unknown')) return 1;
  // Unknown mails stay a person's to settle (--resend-unknown or --settle-unknown) until they are.
  if (report.mailPlan?.skipped.some((skip) => skip.reason === 'unknown-earlier')) return 1;
  return 0;
}
