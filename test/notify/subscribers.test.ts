/**
 * The subscriber list: CSV (with or without a header) or JSON, validated without ever repeating
 * an address in a message, kept out of the folders the site is built from; and the masks that
 * stand in for addresses wherever the notifier prints.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskAddress, withoutAddresses } from '../../src/notify/mask-address.ts';
import { NotifyError } from '../../src/notify/notify-error.ts';
import { createRedactor } from '../../src/notify/redact.ts';
import { checkSubscriberPath, parseSubscribers } from '../../src/notify/subscribers.ts';

function errorOf(run: () => unknown): NotifyError {
  try {
    run();
  } catch (error) {
    if (error instanceof NotifyError) return error;
    throw error;
  }
  throw new Error('expected a NotifyError');
}

describe('parseSubscribers', () => {
  it('reads CSV with a header in any order, quoted fields and comments', () => {
    const csv = '\uFEFFname,email,digest,github\r\n# the team\r\n"Hopper, Grace",grace@example.com,no,@grace\r\nLin,lin@example.com,,\r\n';
    expect(parseSubscribers(csv, 'list.csv')).toEqual({
      subscribers: [
        { email: 'grace@example.com', github: 'grace', name: 'Hopper, Grace', digest: false },
        { email: 'lin@example.com', github: null, name: 'Lin', digest: true },
      ],
      warnings: [],
    });
  });

  it('reads a plain list of addresses, as the workflow writes the secret', () => {
    expect(parseSubscribers('ada@example.com\nlin@example.com\n', 'list').subscribers.map((subscriber) => subscriber.email)).toEqual([
      'ada@example.com',
      'lin@example.com',
    ]);
  });

  it('reads JSON, as a list or under "subscribers"', () => {
    const entry = { email: 'ada@example.com', github: 'ada', name: 'Ada', digest: 'yes' };
    expect(parseSubscribers(JSON.stringify([entry]), 'list.json').subscribers).toEqual([{ email: 'ada@example.com', github: 'ada', name: 'Ada', digest: true }]);
    expect(parseSubscribers(JSON.stringify({ subscribers: [{ email: 'lin@example.com' }] }), 'list.json').subscribers).toHaveLength(1);
  });

  it('turns line breaks in names into spaces', () => {
    const [subscriber] = parseSubscribers('email,name\nada@example.com,"Ada\r\nBcc: x@example.net"\n', 'list.csv').subscribers;
    expect(subscriber?.name).toBe('Ada Bcc: x@example.net');
  });

  it('says where a line is wrong without repeating the address', () => {
    const bad = errorOf(() => parseSubscribers('email,github\nada@example.com,ada\nnot-an-address-ada,ada\n', 'list.csv'));
    expect(bad.message).toBe('list.csv, line 3: the email is not a valid address.');
    expect(`${bad.message} ${bad.hint}`).not.toContain('not-an-address-ada');
    expect(errorOf(() => parseSubscribers('email,digest\nada@example.com,maybe\n', 'list.csv')).message).toBe('list.csv, line 2: digest must be yes or no.');
    expect(errorOf(() => parseSubscribers('email,github\nada@example.com,not a login\n', 'list.csv')).message).toBe('list.csv, line 2: the github column is not a GitHub login.');
    expect(errorOf(() => parseSubscribers('[{"name": "x"}]', 'list.json')).message).toMatch(/^list\.json is not a subscriber list/);
  });

  it('names every bad row at once, and no address', () => {
    const text = ['email,github,digest', 'ada@example.com,ada,yes', 'not-an-address,,', 'lin@example.com,,maybe', ',grace,', 'sam@example.com,sam,'].join('\n');
    const bad = errorOf(() => parseSubscribers(text, 'list.csv'));
    expect(bad.message).toBe(
      [
        'list.csv has 3 bad rows, so the notifier did nothing:',
        '  list.csv, line 3: the email is not a valid address.',
        '  list.csv, line 4: digest must be yes or no.',
        '  list.csv, line 5: the email is missing.',
      ].join('\n'),
    );
    expect(`${bad.message} ${bad.hint}`).not.toMatch(/ada@|not-an-address|lin@|sam@/);
  });

  it('refuses broken quoting by the line it starts on, without repeating the row', () => {
    const unclosed = errorOf(() => parseSubscribers('email,name\nada@example.com,"Ada\r\nLovelace"\nlin@example.com,"Lin\ngrace@example.com,Grace\n', 'list.csv'));
    expect(unclosed.message).toBe('list.csv, line 4: a quoted field starts on this line and is never closed.');
    const trailing = errorOf(() => parseSubscribers('email,name\n"lin@example.com" x,Lin\n', 'list.csv'));
    expect(trailing.message).toBe('list.csv, line 2: text follows the closing quote of a field.');
    expect(`${unclosed.message} ${unclosed.hint} ${trailing.message} ${trailing.hint}`).not.toMatch(/ada@|lin@|grace@|Lovelace/);
  });

  it('counts lines the way an editor shows them, whatever the line ends and blank lines', () => {
    const bad = errorOf(() => parseSubscribers('email,name\r\n\r\nada@example.com,"Ada\rLovelace"\rlin@example.com,\n ,\nnot-an-address,\n', 'list.csv'));
    expect(bad.message).toBe('list.csv, line 7: the email is not a valid address.');
  });

  it('sends to a Unicode domain in its ASCII form, and refuses a Unicode mailbox name by row', () => {
    const list = parseSubscribers('email\nada@bücher.example\n', 'list.csv');
    // Punycode of "bücher", as RFC 3492's algorithm gives it.
    expect(list.subscribers.map((subscriber) => subscriber.email)).toEqual(['ada@xn--bcher-kva.example']);
    const bad = errorOf(() => parseSubscribers('email\nada@example.com\ncafé@example.com\n', 'list.csv'));
    expect(bad.message).toBe('list.csv, line 3: the address has characters outside ASCII before the @ (an internationalized address), which only mail servers with SMTPUTF8 take.');
    expect(bad.hint).toContain('ASCII address');
    expect(bad.message).not.toContain('café');
  });

  it('keeps the first of repeated addresses and warns without naming it', () => {
    const list = parseSubscribers('email\nada@example.com\nADA@example.com\n', 'list.csv');
    expect(list.subscribers).toHaveLength(1);
    expect(list.warnings).toEqual(['list.csv, line 3 repeats the address of list.csv, line 2; the first one is used.']);
  });
});

describe('checkSubscriberPath', () => {
  it('refuses a list the site would be built or published from', async () => {
    const root = await mkdtemp(join(tmpdir(), 'project-'));
    for (const folder of ['content', 'public', 'dist']) {
      await mkdir(join(root, folder, 'private'), { recursive: true });
      await writeFile(join(root, folder, 'private', 'subscribers.csv'), 'email\n');
      await expect(checkSubscriberPath(`${folder}/private/subscribers.csv`, root)).rejects.toThrow(
        `The subscriber list ${folder}/private/subscribers.csv is inside ${folder}/, which the site is built or published from`,
      );
    }
    await writeFile(join(root, 'subscribers.csv'), 'email\n');
    await expect(checkSubscriberPath('subscribers.csv', root)).resolves.toBe(join(root, 'subscribers.csv'));
  });
});

describe('masks', () => {
  it('shows enough of an address to recognise it, and nothing in the ledger', () => {
    expect(maskAddress('jane@example.com')).toBe('j***@example.com');
    expect(maskAddress('nonsense')).toBe('***');
    expect(withoutAddresses('550 5.1.1 <jane@example.com>: no such user')).toBe('550 5.1.1 <<address>>: no such user');
  });

  it('redacts secrets and subscriber addresses, whatever their case', () => {
    const redact = createRedactor();
    redact.addSecrets('ghp_secret123', '', null);
    redact.addAddresses(['Jane@Example.com']);
    expect(redact('token ghp_secret123 for JANE@example.COM and jane@example.com')).toBe('token *** for J***@example.COM and j***@example.com');
  });
});
