import { defineConfig } from 'vitest/config';

/**
 * Browser tests: real Chromium (Debian's, through playwright-core) against the built site in
 * `dist/` (or SITE_DIST). Run `npm run build` first, then `npm run test:browser`; the global setup
 * refuses a `dist/` older than the sources it is built from.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globalSetup: ['test/browser/built-site.ts'],
  },
});
