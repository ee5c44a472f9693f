import type { ExcludeConfig } from '../config/schemas/exclude.ts';
import type { ActorType as AccountType } from '../github/enums.ts';


/**
 * Whether an account is left out of the roadmap: its items, comments and votes.
 * Deleted accounts (`login` null, GitHub's "ghost") are not excluded here: their items and
 * comments still show; `unique-voters.ts` decides separately that they cannot be counted.
 */
export function isExcludedAccount(login: string | null, type: AccountType | null, exclude: ExcludeConfig): boolean {
  if (login === null) return false;
  // REST spells bots `name[bot]`, GraphQL drops the suffix but types them `Bot`: check both.
  if (exclude.bots && (type === 'Bot' || login.toLowerCase().endsWith('[bot]'))) return true;
  const lower = login.toLowerCase();
  return exclude.users.some((user) => user.toLowerCase() === lower);
}
