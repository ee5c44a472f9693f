import type { RoadmapConfigInput } from './schema.ts';

/**
 * Returns the configuration unchanged. Wrapping the object in it gives editors the types of
 * every option (with their documented defaults) while `roadmap.config.ts` is written.
 */
export function defineConfig(config: RoadmapConfigInput): RoadmapConfigInput {
  return config;
}
