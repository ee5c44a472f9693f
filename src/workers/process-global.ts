/**
 * One value per process for modules that a build loads twice: once from the source (the
 * integrations in `astro.config.mjs`, the content layer) and once inside the bundle Astro
 * renders the pages with. Module-level state would exist once per copy; this lives on
 * `globalThis`, under a registered symbol both copies name alike.
 */
export function processGlobal<T>(name: string, create: () => T): T {
  const holder = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(`open-roadmap.${name}`);
  if (!(key in holder)) holder[key] = create();
  return holder[key] as T;
}
