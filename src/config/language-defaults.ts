/**
 * Defaults that depend on the site's language: what each status is called. The schema's own
 * defaults are the English names; a status the configuration does not name takes its name from
 * the language's translation file instead, so a Japanese site says 計画済み, not "Planned".
 */
import { translator } from '../i18n/messages.ts';
import type { RoadmapConfig } from './schema.ts';
import { STATUS_IDS } from './status-ids.ts';

/** The names given in `statuses.names` of the raw configuration, whatever else it holds. */
function givenStatusNames(input: unknown): Record<string, unknown> {
  const statuses = typeof input === 'object' && input !== null ? (input as { statuses?: unknown }).statuses : undefined;
  const names = typeof statuses === 'object' && statuses !== null ? (statuses as { names?: unknown }).names : undefined;
  return typeof names === 'object' && names !== null ? (names as Record<string, unknown>) : {};
}

export function withLanguageDefaults(config: RoadmapConfig, input: unknown): RoadmapConfig {
  const given = givenStatusNames(input);
  const t = translator(config.site.language);
  const names = Object.fromEntries(
    STATUS_IDS.map((id) => [id, typeof given[id] === 'string' ? config.statuses.names[id] : t(`status.${id}`)]),
  ) as RoadmapConfig['statuses']['names'];
  return { ...config, statuses: { ...config.statuses, names } };
}
