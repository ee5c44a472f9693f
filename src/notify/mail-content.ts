/**
 * The words of a release mail, as a subject, an HTML part and a plain-text part. Pure.
 *
 * A personal mail ("Your request shipped in v1.2.0") lists what the subscriber asked for, then
 * the rest of the release; a digest lists everything the release shipped. Both end with the
 * release notes and a way to unsubscribe. Every link is absolute. Everything that came from
 * GitHub or the subscriber list is escaped here (HTML) or goes through nodemailer's header
 * encoding (`compose-mail.ts`).
 */
import { notificationStrings, type NotificationStrings } from './notification-strings.ts';
import { oneLine } from './one-line.ts';
import type { MailKind } from './release-journal.ts';
import type { EmailReleaseNotes } from './release-notes-email.ts';
import type { ReleaseShipment, ShippedRequest } from './release-shipments.ts';

export interface MailContent {
  subject: string;
  html: string;
  text: string;
}

export interface MailContext {
  shipment: ReleaseShipment;
  notes: EmailReleaseNotes;
  siteTitle: string;
  /** The site's language (`site.language`): the mail is written in it. */
  language: string;
  /** A CSS colour for links (the site's accent), already validated by the configuration. */
  accent: string;
  /** Where the unsubscribe link leads, already made specific to this recipient; null: reply to unsubscribe. */
  unsubscribeUrl: string | null;
}

export interface MailRecipient {
  name: string | null;
  kind: MailKind;
  /** The requests a personal mail is about. */
  requests: readonly ShippedRequest[];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}


function releaseLabel(shipment: ReleaseShipment): string {
  return oneLine(shipment.tagName);
}

function requestItemHtml(request: ShippedRequest, accent: string, strings: NotificationStrings): string {
  const link = `color:${escapeHtml(accent)}`;
  return (
    `<li style="margin:0 0 8px"><a href="${escapeHtml(request.pageUrl)}" style="${link};font-weight:600">${escapeHtml(oneLine(request.title))}</a>` +
    ` <span style="color:#59636e">· ${escapeHtml(strings.votes(request.votes.total))} · <a href="${escapeHtml(request.url)}" style="${link}">${escapeHtml(strings.mail.onGitHub)}</a></span></li>`
  );
}

function requestItemText(request: ShippedRequest, strings: NotificationStrings): string {
  return `- ${oneLine(request.title)} (${strings.votes(request.votes.total)})\n  ${request.pageUrl}`;
}

export function mailContent(recipient: MailRecipient, context: MailContext): MailContent {
  const { shipment, notes, accent } = context;
  const strings = notificationStrings(context.language);
  // Mail clients ignore logical CSS properties, so the list's indent goes on the side text starts.
  const list = `<ul style="${strings.direction === 'rtl' ? 'padding-right' : 'padding-left'}:20px">`;
  const itemHtml = (request: ShippedRequest) => requestItemHtml(request, accent, strings);
  const itemText = (request: ShippedRequest) => requestItemText(request, strings);
  const release = releaseLabel(shipment);
  const siteTitle = oneLine(context.siteTitle);
  const mine = recipient.kind === 'personal' ? recipient.requests : [];
  const mineKeys = new Set(mine.map((request) => request.key));
  const others = shipment.requests.filter((request) => !mineKeys.has(request.key));

  const subject =
    recipient.kind === 'personal'
      ? strings.mail.personalSubject(release, mine.map((request) => oneLine(request.title)))
      : strings.mail.digestSubject(siteTitle, release, shipment.requests.length);
  const intro =
    recipient.kind === 'personal' ? strings.mail.personalIntro(release, mine.length) : strings.mail.digestIntro(release, others.length);
  const greeting = strings.mail.greeting(recipient.name === null ? null : oneLine(recipient.name));
  const why = recipient.kind === 'personal' ? strings.mail.whyPersonal(siteTitle) : strings.mail.whyDigest(siteTitle);
  const link = `color:${escapeHtml(accent)}`;

  const html: string[] = [
    '<!doctype html>',
    `<html lang="${escapeHtml(strings.language)}" dir="${strings.direction}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f6f7f9">',
    '<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;color:#1f2328;font-family:-apple-system,BlinkMacSystemFont,\'Segoe UI\',Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5">',
    `<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(strings.shippedIn(release))}</h1>`,
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
  ];
  const text: string[] = [strings.shippedIn(release), '', greeting, '', intro];

  if (recipient.kind === 'personal') {
    html.push(`${list}${mine.map(itemHtml).join('')}</ul>`);
    text.push('', ...mine.map(itemText));
    if (others.length > 0) {
      html.push(`<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(strings.mail.alsoShipped)}</h2>`);
      html.push(`${list}${others.map(itemHtml).join('')}</ul>`);
      text.push('', strings.mail.alsoShipped, '', ...others.map(itemText));
    }
  } else if (others.length > 0) {
    html.push(`${list}${others.map(itemHtml).join('')}</ul>`);
    text.push('', ...others.map(itemText));
  }

  if (notes.html !== '') {
    html.push(`<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(strings.mail.releaseNotes)}</h2>`);
    html.push(`<div>${notes.html}</div>`);
    text.push('', strings.mail.releaseNotes, '', notes.text);
  }
  html.push(
    `<p style="margin-top:24px"><a href="${escapeHtml(shipment.url)}" style="${link}">${escapeHtml(strings.mail.readOnGitHub)}</a>` +
      ` · <a href="${escapeHtml(shipment.changelogUrl)}" style="${link}">${escapeHtml(strings.mail.readOnRoadmap)}</a></p>`,
  );
  text.push('', `${strings.mail.readOnGitHub}: ${shipment.url}`, `${strings.mail.readOnRoadmap}: ${shipment.changelogUrl}`);

  const unsubscribeHtml =
    context.unsubscribeUrl === null
      ? escapeHtml(strings.mail.unsubscribeByReply)
      : `<a href="${escapeHtml(context.unsubscribeUrl)}" style="color:#59636e">${escapeHtml(strings.mail.unsubscribe)}</a>`;
  html.push(
    '<hr style="border:none;border-top:1px solid #d1d9e0;margin:24px 0 12px">',
    `<p style="font-size:13px;color:#59636e">${escapeHtml(why)} ${unsubscribeHtml}</p>`,
    '</div></body></html>',
  );
  text.push(
    '',
    '--',
    why,
    context.unsubscribeUrl === null ? strings.mail.unsubscribeByReply : `${strings.mail.unsubscribe}: ${context.unsubscribeUrl}`,
  );

  return { subject, html: html.join('\n'), text: `${text.join('\n')}\n` };
}
