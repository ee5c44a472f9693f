import { ConfigError } from './config-error.ts';
import { configErrorMap, describeIssues } from './error-map.ts';
import { withLanguageDefaults } from './language-defaults.ts';
import { roadmapConfigSchema, type RoadmapConfig } from './schema.ts';

/**
 * Validates a configuration object and applies every default. Throws a `ConfigError` listing
 * all problems; `file` names the configuration file in its heading.
 */
export function parseConfig(input: unknown, options: { file?: string } = {}): RoadmapConfig {
  const result = roadmapConfigSchema.safeParse(input, { error: configErrorMap });
  if (result.success) return withLanguageDefaults(result.data, input);
  const heading = options.file === undefined ? 'The configuration is not valid:' : `${options.file} is not valid:`;
  const fileOption = options.file === undefined ? {} : { file: options.file };
  throw new ConfigError(heading, describeIssues(result.error.issues), { ...fileOption, cause: result.error });
}
