import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelError } from '../../src/channels/channel-error.ts';
import { readChannels } from '../../src/channels/read-channels.ts';
import { parseRequestsCsv, parseRequestsJson } from '../../src/channels/requests-format.ts';
import { configWith, MAIN } from '../helpers/snapshot-builders.ts';

const CHANNEL = { slug: 'email' };
const CSV = [
  'id,title,body,date,updated,link,status,duplicateOf,duplicates,author,voters',
  `17,Dark mode,"Please, a dark theme.",2025-03-01,2025-04-02T10:00:00Z,https://forms.example/17,planned,${MAIN}#12,${MAIN}#40;https://github.com/${MAIN}/discussions/41,ada@example.com,ada@example.com;github:lin;8812`,
  '18,Offline,,2025-03-05,,,,email:17,,,',
].join('\n');
const JSON_FILE = JSON.stringify({
  requests: [
    {
      id: 17,
      title: 'Dark mode',
      body: 'Please, a dark theme.',
      date: '2025-03-01',
      updated: '2025-04-02T10:00:00Z',
      link: 'https://forms.example/17',
      status: 'planned',
      duplicateOf: `${MAIN}#12`,
      duplicates: [`${MAIN}#40`, `https://github.com/${MAIN}/discussions/41`],
      author: 'ada@example.com',
      voters: ['ada@example.com', 'github:lin', { person: '8812', date: '2025-03-01' }],
    },
    { id: '18', title: 'Offline', date: '2025-03-05', duplicateOf: 'email:17' },
  ],
});

describe("Open Roadmap's channel format", () => {
  it('reads CSV and JSON alike', () => {
    const csv = parseRequestsCsv(CSV, 'email.csv', CHANNEL);
    const json = parseRequestsJson(JSON_FILE, 'email.json', CHANNEL);
    expect(csv.problems).toEqual([]);
    expect(json.problems).toEqual([]);
    expect(json.requests).toEqual(csv.requests);
    expect(csv.requests[0]).toEqual({
      channel: 'email',
      id: '17',
      title: 'Dark mode',
      body: 'Please, a dark theme.',
      createdAt: '2025-03-01T00:00:00Z',
      updatedAt: '2025-04-02T10:00:00Z',
      link: 'https://forms.example/17',
      status: 'planned',
      author: { email: 'ada@example.com' },
      voters: [
        { person: { email: 'ada@example.com' }, at: '2025-03-01T00:00:00Z' },
        { person: { github: 'lin' }, at: '2025-03-01T00:00:00Z' },
        { person: { id: '8812' }, at: '2025-03-01T00:00:00Z' },
      ],
      duplicateOf: { github: { repository: MAIN, number: 12 } },
      duplicates: [
        { repository: MAIN, number: 40 },
        { repository: MAIN, number: 41 },
      ],
    });
    expect(csv.requests[1]).toMatchObject({ id: '18', status: null, duplicateOf: { channel: 'email', id: '17' }, voters: [] });
  });

  it('names every bad row by line and field, with a hint, and never repeats an address', () => {
    const { problems } = parseRequestsCsv(
      [
        'id,title,date,status,voters',
        'a b,Title,2025-01-01,,', // id with a space
        'ok,,2025-01-01,,', // no title
        'ok2,Title,yesterday,soon,not@an@address', // date, status and voter wrong
        'ok3,Fine,2025-01-01,,',
        'OK3,Again,2025-01-01,,', // the id again: ids are addresses, so case does not tell them apart
      ].join('\n'),
      'email.csv',
      CHANNEL,
    );
    expect(problems).toEqual([
      expect.stringMatching(/^email\.csv, line 2, id: the id is not a short word\. Hint: /),
      expect.stringMatching(/^email\.csv, line 3, title: the title is empty\. Hint: /),
      expect.stringMatching(/^email\.csv, line 4, date: not a date\. Hint: /),
      expect.stringMatching(/^email\.csv, line 4, status: not a status\. Hint: /),
      expect.stringMatching(/^email\.csv, line 4, voters: an entry with @ is not a valid email address\. Hint: /),
      expect.stringMatching(/^email\.csv, line 6, id: the id is already used by email\.csv, line 5\. Hint: /),
    ]);
    expect(problems.join('\n')).not.toContain('not@an@address');
  });

  it('refuses unknown columns and fields, naming the known ones', () => {
    expect(parseRequestsCsv('id,title,date,email\n1,A,2025-01-01,x@example.com', 'f.csv', CHANNEL).problems).toEqual([
      expect.stringMatching(/^f\.csv, line 1: unknown column email\. Hint: the first row names the columns: id, title/),
    ]);
    expect(parseRequestsJson('[{"id":"1","title":"A","date":"2025-01-01","mail":"x@example.com"}]', 'f.json', CHANNEL).problems).toEqual([
      expect.stringMatching(/^f\.json, entry 1, mail: unknown field\. Hint: the fields are id, title/),
    ]);
  });
});

describe('reading the configured channels', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'open-roadmap-channels-'));
    await writeFile(join(root, 'email.csv'), 'id,title,date,duplicateOf,voters\n1,One,2025-01-01,forms:404,ada@example.com\n');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('refuses a duplicate of an imported request no channel has, a missing file, and a config naming an unknown id', async () => {
    const config = configWith({
      channels: [
        { name: 'Email', file: 'email.csv', duplicateOf: { '2': `${MAIN}#1` } },
        { name: 'Forms', file: 'forms.json' },
      ],
    });
    const error = await readChannels(config, { root, subscribersFile: null }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChannelError);
    const { problems, message } = error as ChannelError;
    expect(problems).toEqual([
      expect.stringMatching(/^forms\.json: could not be read \(ENOENT\)\. Hint: /),
      expect.stringMatching(/^roadmap\.config\.ts, channels \(Email\), duplicateOf, 2: email\.csv has no request with this id\. Hint: /),
      expect.stringMatching(/^email:1, duplicateOf: names an imported request that no channel has\. Hint: /),
    ]);
    expect(message).not.toContain('ada@example.com');
  });
});
