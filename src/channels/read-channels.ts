/**
 * Reads every imported channel named in `roadmap.config.ts` (`channels`), at build time, and
 * the subscriber list when `ROADMAP_SUBSCRIBERS_FILE` is set, so that an address it maps to a
 * GitHub login counts as that person. Nothing read here is logged: a bad file is refused with
 * every problem named by file, line or entry, and field, never by its value.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { RoadmapConfig } from '../config/schema.ts';
import type { ImportedChannels, ImportedRequest } from '../model/imported-requests.ts';
import { readSubscribers } from '../notify/subscribers.ts';
import { channelProblem, ChannelError } from './channel-error.ts';
import { FIDER_FILES, parseFiderBackup } from './fider-backup.ts';
import { parseOriginal } from './imported-fields.ts';
import { parseRequestsCsv, parseRequestsJson, type ParsedChannel } from './requests-format.ts';

type ChannelsConfig = Pick<RoadmapConfig, 'channels'>;

export interface ReadChannelsOptions {
  /** The project root the channel files are relative to. */
  root: string;
  /** The private subscriber list (`ROADMAP_SUBSCRIBERS_FILE`), or null. */
  subscribersFile: string | null;
}

async function readText(path: string, shown: string, problems: string[]): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    problems.push(channelProblem(shown, null, `could not be read (${code})`, 'check the channel’s file in roadmap.config.ts (relative to the project), or remove the channel'));
    return null;
  }
}

async function readChannel(channel: RoadmapConfig['channels'][number], root: string): Promise<ParsedChannel> {
  const path = resolve(root, channel.file);
  const problems: string[] = [];
  if (channel.format === 'fider') {
    const files = {} as Record<(typeof FIDER_FILES)[number], unknown>;
    for (const name of FIDER_FILES) {
      const text = await readText(join(path, name), `${channel.file}/${name}`, problems);
      try {
        files[name] = text === null ? [] : JSON.parse(text);
      } catch {
        problems.push(channelProblem(`${channel.file}/${name}`, null, 'the file is not valid JSON', 'use the files of the unzipped Fider backup as they are'));
        files[name] = [];
      }
    }
    const parsed = parseFiderBackup(files, channel.file, channel);
    return { requests: parsed.requests, problems: [...problems, ...parsed.problems] };
  }
  const extension = extname(path).toLowerCase();
  if (extension !== '.json' && extension !== '.csv') {
    return { requests: [], problems: [channelProblem(channel.file, null, 'is neither .json nor .csv', 'name the file *.json or *.csv after its content, or set the channel’s format')] };
  }
  const text = await readText(path, channel.file, problems);
  if (text === null) return { requests: [], problems };
  return extension === '.json' ? parseRequestsJson(text, channel.file, channel) : parseRequestsCsv(text, channel.file, channel);
}

/** Applies `channels[].duplicateOf` and checks that every imported original exists. */
function linkDuplicates(config: ChannelsConfig, requests: ImportedRequest[], problems: string[]): ImportedRequest[] {
  const known = new Set(requests.map((request) => `${request.channel}:${request.id.toLowerCase()}`));
  const overrides = new Map<string, ImportedRequest['duplicateOf']>();
  for (const channel of config.channels) {
    for (const [id, original] of Object.entries(channel.duplicateOf)) {
      const where = `roadmap.config.ts, channels (${channel.name}), duplicateOf`;
      if (!known.has(`${channel.slug}:${id.toLowerCase()}`)) {
        problems.push(channelProblem(where, id, `${channel.file} has no request with this id`, 'use the id of one of its requests'));
        continue;
      }
      const parsed = parseOriginal(original);
      if ('problem' in parsed) problems.push(channelProblem(where, id, parsed.problem, parsed.hint));
      else overrides.set(`${channel.slug}:${id.toLowerCase()}`, parsed.value);
    }
  }
  return requests.map((request) => {
    const override = overrides.get(`${request.channel}:${request.id.toLowerCase()}`);
    const duplicateOf = override === undefined ? request.duplicateOf : override;
    if (duplicateOf !== null && 'channel' in duplicateOf && !known.has(`${duplicateOf.channel}:${duplicateOf.id.toLowerCase()}`)) {
      problems.push(
        channelProblem(`${request.channel}:${request.id}`, 'duplicateOf', 'names an imported request that no channel has', 'write <channel slug>:<id> of an existing request, or owner/repo#12 for a GitHub item'),
      );
      return { ...request, duplicateOf: null };
    }
    return override === undefined ? request : { ...request, duplicateOf };
  });
}

async function loginsByEmail(options: ReadChannelsOptions): Promise<(email: string) => string | null> {
  if (options.subscribersFile === null) return () => null;
  const { subscribers } = await readSubscribers(options.subscribersFile, options.root);
  const logins = new Map(subscribers.flatMap((subscriber) => (subscriber.github === null ? [] : [[subscriber.email.toLowerCase(), subscriber.github] as const])));
  return (email) => logins.get(email.toLowerCase()) ?? null;
}

export async function readChannels(config: ChannelsConfig, options: ReadChannelsOptions): Promise<ImportedChannels> {
  if (config.channels.length === 0) return { channels: [], requests: [], loginOfEmail: () => null };
  const parsed = await Promise.all(config.channels.map((channel) => readChannel(channel, options.root)));
  const problems = parsed.flatMap((channel) => channel.problems);
  const requests = linkDuplicates(config, parsed.flatMap((channel) => channel.requests), problems);
  if (problems.length > 0) {
    throw new ChannelError(
      `The imported channels could not be read (${problems.length} problem${problems.length > 1 ? 's' : ''}); nothing was built from them:`,
      problems,
    );
  }
  return {
    channels: config.channels.map(({ name, slug }) => ({ name, slug })),
    requests,
    loginOfEmail: await loginsByEmail(options),
  };
}
