/**
 * The configuration as pages read it: loaded once per build, however many pages ask.
 */
import { loadConfig, type RoadmapConfig } from '../config/index.ts';

let config: Promise<RoadmapConfig> | undefined;

export function siteConfig(): Promise<RoadmapConfig> {
  config ??= loadConfig();
  return config;
}
