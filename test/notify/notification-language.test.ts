/**
 * The notifier writes in the site's language: a shipped comment and both kinds of release mail,
 * built from GitHub-shaped data, hold no English phrase of the `notify.` messages that the
 * translation does not use itself, count with the language's plural forms, and a right-to-left
 * mail says so.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/i18n/messages.ts';
import { shippedCommentBody } from '../../src/notify/comment-body.ts';
import { mailContent } from '../../src/notify/mail-content.ts';
import type { ReleaseShipment, ShippedItem, ShippedRequest } from '../../src/notify/release-shipments.ts';
import { messageLiterals } from '../helpers/message-literals.ts';

/** English phrases of the notifier's messages that a translation does not also contain. */
function englishPhrases(language: keyof typeof MESSAGES): string[] {
  const notify = (messages: Record<string, string>) => Object.entries(messages).filter(([key]) => key.startsWith('notify.')).flatMap(([, message]) => messageLiterals(message).map((text) => text.trim()));
  const translated = notify(MESSAGES[language]).join('\n');
  return [...new Set(notify(MESSAGES.en))].filter((phrase) => /\p{L}{3,}/u.test(phrase) && !translated.includes(phrase));
}

const item = (number: number, canonical: boolean): ShippedItem => ({
  key: `acme/widgets#${number}`,
  repository: 'acme/widgets',
  number,
  type: 'issue',
  nodeId: `I_${number}`,
  url: `https://github.com/acme/widgets/issues/${number}`,
  locked: false,
  canonical,
});
const request = (number: number, title: string, total: number): ShippedRequest => ({
  key: `acme/widgets#${number}`,
  repository: 'acme/widgets',
  number,
  title,
  url: `https://github.com/acme/widgets/issues/${number}`,
  pageUrl: `https://acme.example/roadmap/requests/${number}/`,
  votes: { total, anonymous: 0 },
  items: [item(number, true), item(number + 100, false)],
  askedBy: new Set(['alice']),
});
const shipment: ReleaseShipment = {
  id: 'acme/widgets@v2.0.0',
  repository: 'acme/widgets',
  tagName: 'v2.0.0',
  name: 'Widgets 2',
  url: 'https://github.com/acme/widgets/releases/tag/v2.0.0',
  body: 'Notes',
  isPrerelease: false,
  publishedAt: '2025-05-01T00:00:00Z',
  changelogUrl: 'https://acme.example/roadmap/changelog/v2-0-0/',
  requests: [request(1, 'Zorblax export', 3), request(2, 'Quillon sync', 1), request(3, 'Vextra themes', 2)],
};
const context = (language: string) => ({
  shipment,
  notes: { html: '<p>Notes</p>', text: 'Notes' },
  siteTitle: 'Acme',
  language,
  accent: '#2f5bd3',
  unsubscribeUrl: 'https://acme.example/unsubscribe?u=1',
});

/** Everything a person reads of the notifier's output for one language. */
function writtenIn(language: string): string[] {
  const [first] = shipment.requests;
  if (!first) throw new Error('no request');
  const personal = mailContent({ name: 'Alice', kind: 'personal', requests: [first] }, context(language));
  const digest = mailContent({ name: null, kind: 'digest', requests: [] }, context(language));
  return [
    shippedCommentBody(shipment, first, first.items[0] ?? item(1, true), language),
    shippedCommentBody(shipment, first, first.items[1] ?? item(101, false), language),
    ...[personal, digest].flatMap((mail) => [mail.subject, mail.text, mail.html]),
  ];
}

describe.each(['de', 'ja', 'ar'] as const)('the notifier in %s', (language) => {
  it('writes comments and mails with no English of its own', () => {
    const phrases = englishPhrases(language);
    expect(phrases).toEqual(expect.arrayContaining(['Thank you for asking and voting.']));
    const leftovers = writtenIn(language).flatMap((text) => phrases.filter((phrase) => text.includes(phrase)));
    expect(leftovers).toEqual([]);
  });
});

describe('the notifier’s language', () => {
  it('marks an Arabic mail right to left and indents its lists on the right', () => {
    const mail = mailContent({ name: null, kind: 'digest', requests: [] }, context('ar'));
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain('<ul style="padding-right:20px">');
    expect(mailContent({ name: null, kind: 'digest', requests: [] }, context('en')).html).toContain('<html lang="en" dir="ltr">');
  });

  it('counts with the language’s plural forms: Arabic has a form for two', () => {
    // Three requests shipped: the digest's subject has Arabic's "few" form, a comment on a request with two voters the dual.
    const subject = mailContent({ name: null, kind: 'digest', requests: [] }, context('ar')).subject;
    expect(subject).toContain('3 طلبات');
    const [, second] = shipment.requests;
    const dual = { ...shipment.requests[2], votes: { total: 2, anonymous: 0 } } as ShippedRequest;
    expect(shippedCommentBody(shipment, dual, dual.items[0] ?? item(3, true), 'ar')).toContain('طلبه شخصان.');
    expect(second && shippedCommentBody(shipment, second, second.items[0] ?? item(2, true), 'de')).toContain('Eine Person hat sich das gewünscht.');
  });
});
