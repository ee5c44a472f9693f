/**
 * Headers carry no characters that change how text reads: bidirectional controls (which can show
 * a title reversed, "Trojan Source") and other control characters are gone from the subject and
 * the recipient's name, while the text itself survives.
 */
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { composeMail } from '../../src/notify/compose-mail.ts';

const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

const headers = {
  from: 'Widgets roadmap <roadmap@widgets.test>',
  fromAddress: 'roadmap@widgets.test',
  fromDomain: 'widgets.test',
  releaseId: 'acme/widgets@v1.1.0',
  recipientId: '0123456789abcdef0123456789abcdef',
  unsubscribeUrl: null,
  listId: 'widgets.acme.github.io',
  listName: 'Widgets roadmap',
};

describe('composeMail', () => {
  it.each(BIDI.map((char) => [`U+${char.codePointAt(0)?.toString(16).toUpperCase()}`, char]))('strips %s from the subject and the name', async (_name, char) => {
    const title = `Dark ${char}edom\u0007 mode`;
    const mail = await composeMail(
      { ...headers, to: { name: `Ada ${char}Lovelace`, address: 'ada@example.com' } },
      { subject: `Your request shipped: ${title}`, text: 'Hello', html: '<p>Hello</p>' },
    );
    const parsed = await PostalMime.parse(mail.raw);
    expect(parsed.subject).toBe('Your request shipped: Dark edom mode');
    expect(parsed.to).toEqual([{ name: 'Ada Lovelace', address: 'ada@example.com' }]);
    for (const header of parsed.headers) {
      for (const bidi of BIDI) expect(header.value).not.toContain(bidi);
      expect(header.value).not.toMatch(/\p{Cc}/u);
    }
  });
});
