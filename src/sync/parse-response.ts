import type { z } from 'zod';
import { SyncError } from './sync-error.ts';

/** Validates a GitHub answer; a mismatch is GitHub changing shape or a proxy answering, not our bug to hide. */
export function parseResponse<T extends z.ZodType>(schema: T, data: unknown, what: string): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new SyncError(
    `GitHub's answer to ${what} was not what the sync expects (${issue ? `${issue.path.join('.') || 'root'}: ${issue.message}` : 'unknown shape'}).`,
    'Nothing was published. If GITHUB_API_URL / GITHUB_GRAPHQL_URL point at a proxy, check it; otherwise run again and report the message if it persists.',
  );
}
