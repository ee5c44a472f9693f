/** Everything other parts of the project need from the configuration. */
export { defineConfig } from './define-config.ts';
export { loadConfig, CONFIG_FILE_NAME, type LoadConfigOptions } from './load-config.ts';
export { parseConfig } from './parse-config.ts';
export { siteOptions } from './astro-options.ts';
export { ConfigError } from './config-error.ts';
export { isStatusId } from './status-ids.ts';
export { normaliseReaction } from './reactions.ts';
export * from './schema.ts';
