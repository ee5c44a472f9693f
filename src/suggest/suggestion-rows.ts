/**
 * Suggestions joined with what a person needs to judge them: both requests' number, title,
 * votes and addresses. Shared by the terminal report, the Markdown report and the maintainer page.
 */
import type { ItemType, Request } from '../model/types.ts';
import type { SuggestedDuplicate } from './suggest-duplicates.ts';

export interface RequestSummary {
  key: string;
  repository: string;
  number: number;
  type: ItemType;
  title: string;
  votes: number;
  /** On GitHub. */
  url: string;
  /** On the site, without the base. */
  path: string;
}

export interface SuggestionRow {
  /** The older request. */
  a: RequestSummary;
  /** The newer one, which probably duplicates `a`. */
  b: RequestSummary;
  score: number;
  reasons: string[];
}

export function requestSummary(request: Request): RequestSummary {
  return {
    key: request.key,
    repository: request.repository,
    number: request.number,
    type: request.type,
    title: request.title,
    votes: request.votes.total,
    url: request.url,
    path: request.path,
  };
}

export function suggestionRows(suggestions: readonly SuggestedDuplicate[], requests: readonly Request[]): SuggestionRow[] {
  const byKey = new Map(requests.map((request) => [request.key, request]));
  return suggestions.flatMap((suggestion) => {
    const a = byKey.get(suggestion.a);
    const b = byKey.get(suggestion.b);
    return a && b ? [{ a: requestSummary(a), b: requestSummary(b), score: suggestion.score, reasons: suggestion.reasons }] : [];
  });
}

/**
 * How a request is named in a report: `#12` in the first repository, `lumen-docs#12` elsewhere,
 * as GitHub writes references across repositories of one owner.
 */
export function requestReference(request: Pick<RequestSummary, 'repository' | 'number'>, firstRepository: string | undefined): string {
  if (firstRepository !== undefined && request.repository.toLowerCase() === firstRepository.toLowerCase()) return `#${request.number}`;
  const [owner, name] = request.repository.split('/');
  const [firstOwner] = (firstRepository ?? '').split('/');
  return owner?.toLowerCase() === firstOwner?.toLowerCase() ? `${name ?? request.repository}#${request.number}` : `${request.repository}#${request.number}`;
}
