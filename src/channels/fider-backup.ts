/**
 * A Fider board's backup (Administration → Export → "Download backup"): a zip of one JSON file
 * per table, each a list of rows as Fider's database holds them. Unzip it and point the
 * channel at the folder; three files are read:
 *
 * - `posts.json`: `id`, `number`, `title`, `description`, `user_id`, `created_at`, `status`,
 *   `response_date`, `original_id` (the post it duplicates);
 * - `post_votes.json`: `post_id`, `user_id`, `created_at`;
 * - `users.json`: `id`, `email` (only to recognise the same person elsewhere; never published).
 *
 * Fider's statuses are numbers (0 open, 1 started, 2 completed, 3 declined, 4 planned,
 * 5 duplicate, 6 deleted); deleted posts are left out. A post's address on the roadmap is its
 * Fider number, as on the old board (`/requests/<channel>-<number>/`).
 * @see https://github.com/getfider/fider/blob/main/app/pkg/backup/backup.go
 * @see https://github.com/getfider/fider/blob/main/app/models/enum/post_status.go
 */
import { z } from 'zod';
import type { ChannelConfig } from '../config/schemas/channels.ts';
import type { StatusId } from '../config/status-ids.ts';
import type { ImportedPerson, ImportedRequest } from '../model/imported-requests.ts';
import { channelProblem } from './channel-error.ts';
import { parseDate } from './imported-fields.ts';
import type { ParsedChannel } from './requests-format.ts';

export const FIDER_FILES = ['posts.json', 'post_votes.json', 'users.json'] as const;

const FIDER_STATUS: Record<number, StatusId | null | 'duplicate' | 'deleted'> = {
  0: null,
  1: 'in-progress',
  2: 'shipped',
  3: 'declined',
  4: 'planned',
  5: 'duplicate',
  6: 'deleted',
};

const id = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
const timestamp = z.string();
// Fider exports every column of its tables; only these are read, the rest is ignored.
const postSchema = z.object({
  id,
  number: id,
  title: z.string(),
  description: z.string().nullish(),
  user_id: id.nullish(),
  created_at: timestamp,
  status: z.number().int().min(0).max(6),
  response_date: timestamp.nullish(),
  original_id: id.nullish(),
});
const voteSchema = z.object({ post_id: id, user_id: id, created_at: timestamp.nullish() });
const userSchema = z.object({ id, email: z.string().nullish() });

type FiderFiles = Record<(typeof FIDER_FILES)[number], unknown>;

function rowsOf<T>(schema: z.ZodType<T>, rows: unknown, file: string, problems: string[]): T[] {
  if (!Array.isArray(rows)) {
    problems.push(channelProblem(file, null, 'the file is not a list of rows', 'use the files of the unzipped Fider backup as they are'));
    return [];
  }
  return rows.flatMap((row, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return [parsed.data];
    for (const issue of parsed.error.issues) {
      problems.push(channelProblem(`${file}, entry ${index + 1}`, issue.path.join('.') || null, issue.message, 'use the files of the unzipped Fider backup as they are'));
    }
    return [];
  });
}

/** Reads the three tables of a Fider backup; `folder` names them in messages. */
export function parseFiderBackup(files: FiderFiles, folder: string, channel: Pick<ChannelConfig, 'slug'>): ParsedChannel {
  const problems: string[] = [];
  const posts = rowsOf(postSchema, files['posts.json'], `${folder}/posts.json`, problems);
  const votes = rowsOf(voteSchema, files['post_votes.json'], `${folder}/post_votes.json`, problems);
  const users = rowsOf(userSchema, files['users.json'], `${folder}/users.json`, problems);

  const emails = new Map(users.flatMap((user) => (user.email ? [[user.id, user.email.trim()] as const] : [])));
  // An address when Fider has one (it may match a subscriber or another channel), else Fider's user id.
  const person = (userId: number): ImportedPerson => {
    const email = emails.get(userId);
    return email !== undefined && email.includes('@') ? { email } : { id: `fider-user-${userId}` };
  };
  const numberOf = new Map(posts.map((post) => [post.id, post.number]));
  const dateOf = (value: string | null | undefined, where: string, fallback: string): string => {
    if (value === null || value === undefined) return fallback;
    const parsed = parseDate(value);
    if ('value' in parsed) return parsed.value;
    problems.push(channelProblem(where, null, parsed.problem, 'use the files of the unzipped Fider backup as they are'));
    return fallback;
  };

  const requests: ImportedRequest[] = [];
  posts.forEach((post, index) => {
    const status = FIDER_STATUS[post.status];
    if (status === 'deleted') return;
    const where = `${folder}/posts.json, entry ${index + 1}`;
    const createdAt = dateOf(post.created_at, where, '1970-01-01T00:00:00Z');
    const original = status === 'duplicate' && post.original_id != null ? numberOf.get(post.original_id) : undefined;
    requests.push({
      channel: channel.slug,
      id: String(post.number),
      title: post.title,
      body: post.description ?? '',
      createdAt,
      updatedAt: dateOf(post.response_date, where, createdAt),
      link: null,
      status: status === 'duplicate' || status === undefined ? null : status,
      author: post.user_id == null ? null : person(post.user_id),
      voters: votes
        .filter((vote) => vote.post_id === post.id)
        .map((vote) => ({ person: person(vote.user_id), at: dateOf(vote.created_at, `${folder}/post_votes.json`, createdAt) })),
      duplicateOf: original === undefined ? null : { channel: channel.slug, id: String(original) },
      duplicates: [],
    });
  });
  return { requests, problems };
}
