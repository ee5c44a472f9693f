/**
 * The version of Open Roadmap that built the site, from its package.json. Every page names it
 * in `<meta name="generator">`, so a project sees which version its workflow deployed.
 */
import manifest from '../../package.json' with { type: 'json' };

export const ENGINE_VERSION: string = manifest.version;

/** The generator meta tag's content: `Open Roadmap 1.2.3`. */
export const GENERATOR = `Open Roadmap ${ENGINE_VERSION}`;
