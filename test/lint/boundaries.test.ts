import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import boundaries of eslint.config.js, checked on small files that exist only in memory.
const eslint = new ESLint({ cwd: new URL('../../', import.meta.url).pathname });

const RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => RULES.has(message.ruleId ?? '')).map((message) => message.message);
}

describe('import boundaries', () => {
  it.each([
    ['src/model/x.ts', "import { getCollection } from 'astro:content';", /src\/model never imports Astro/],
    ['src/model/x.ts', "import type { AstroIntegration } from 'astro';", /src\/model never imports Astro/],
    ['src/model/x.ts', "import { readFile } from 'node:fs/promises';", /src\/model is pure/],
    ['src/model/x.ts', "import { spawn } from 'child_process';", /src\/model is pure/],
    ['src/pages/x.ts', "import { Octokit } from '@octokit/core';", /never talk to GitHub/],
    ['src/components/x.ts', "import { runSync } from '../sync/run-sync.ts';", /never talk to GitHub/],
    ['src/layouts/x.ts', "export { notify } from '../notify/x.ts';", /never talk to GitHub/],
    ['src/pages/x.ts', "import { createGitHubConnection } from '../github/create-octokit.ts';", /never talk to GitHub/],
    // Most pages, components and layouts are .astro files: their frontmatter is checked too.
    ['src/pages/x.astro', "---\nimport { Octokit } from '@octokit/core';\n---\n<p>{String(Octokit)}</p>", /never talk to GitHub/],
    ['src/components/X.astro', "---\nimport { runSync } from '../sync/run-sync.ts';\n---\n<p>{String(runSync)}</p>", /never talk to GitHub/],
    ['src/xml/x.ts', "import { main } from '../../scripts/sync.ts';", /src\/ never imports scripts\//],
    ['src/suggest/x.ts', "import { world } from '../../test/fixtures/world.ts';", /never depends on development tooling/],
    ['src/notify/x.ts', "import { startSimulator } from '../../scripts/dev/github-simulator/server.ts';", /never depends on development tooling/],
    ['src/sync/x.ts', "import { generateWorld } from '../../scripts/dev/demo/generate.ts';", /never depends on development tooling/],
    ['scripts/report-duplicates.ts', "import { generateWorld } from './dev/demo/generate.ts';", /never depends on development tooling/],
    ['scripts/check-workflows.ts', "import { bench } from './dev/bench/sync-bench.ts';", /never depends on development tooling/],
    // `import()` is checked too: loading the tooling lazily is still depending on it.
    ['scripts/report-duplicates.ts', "const { generateWorld } = await import('./dev/demo/generate.ts');", /never depends on development tooling/],
    ['src/model/x.ts', "const fs = await import('node:fs');", /src\/model is pure/],
    ['scripts/report-duplicates.ts', "const { DEMO_SEED } = await import('./dev/build-demo-snapshot.ts');", /never depends on development tooling/],
  ])('%s may not say %s', async (filePath, code, message) => {
    const messages = await restrictedImports(filePath, `${code}\n`);
    // An import that crosses two boundaries (pages importing the sync) is told about both.
    expect(messages).toContainEqual(expect.stringMatching(message));
    // Every message says what to do instead.
    for (const text of messages) expect(text).toMatch(/\b(Read|Move|Keep|belongs)\b/);
  });

  it.each([
    ['src/model/x.ts', "import type { Request } from './types.ts';"],
    ['src/model/x.ts', "import { slug } from 'github-slugger';"],
    ['src/pages/x.ts', "import { buildRequests } from '../model/build-requests.ts';"],
    ['src/content/x.ts', "import { getCollection } from 'astro:content';"],
    ['src/pages/x.astro', "---\nimport { getCollection } from 'astro:content';\n---\n<p>{String(getCollection)}</p>"],
    ['src/sync/x.ts', "import { Octokit } from '@octokit/core';"],
    ['scripts/report-duplicates.ts', "const { readFile } = await import('node:fs/promises');"],
    // Development tooling may use the product and other tooling.
    ['scripts/dev/deploy-locally.ts', "import { startSimulator } from './github-simulator/server.ts';"],
    ['test/sync/x.test.ts', "import { runSync } from '../../src/sync/run-sync.ts';"],
  ])('%s may say %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, `${code}\n`)).toEqual([]);
  });
});
