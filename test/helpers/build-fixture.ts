/** Runs `astro build` on a fixture site in a child process, as a user's build would run. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ASTRO_BIN = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

/**
 * Variables vitest sets for its own Vite environment; Astro would read them as its own (BASE_URL
 * would override the fixture's `base`).
 */
const VITEST_VARIABLES = /^(?:BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/;

export async function buildFixture(root: string, env: Record<string, string>, args: readonly string[] = []): Promise<string> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITEST_VARIABLES.test(name)));
  const child = spawn(process.execPath, [ASTRO_BIN, 'build', ...args], {
    cwd: root,
    env: { ...inherited, ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`astro build in ${root} exited with ${code}:\n${output}`);
  return output;
}
