import type { z } from 'zod';
import { ErrorsData } from '../errors/errors-data.ts';
import { RoadmapError } from '../errors/roadmap-error.ts';

/** Validates a GitHub answer; a mismatch is GitHub changing shape or a proxy answering, not our bug to hide. */
export function parseResponse<T extends z.ZodType>(schema: T, data: unknown, what: string): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new RoadmapError(ErrorsData.UnexpectedAnswer, { what, problem: issue ? `${issue.path.join('.') || 'root'}: ${issue.message}` : 'unknown shape' });
}
