/** Runs `astro build` on a fixture site in a child process, as a user's build would run. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ASTRO_BIN = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

/**
 * Variables vitest sets for its own Vite environment; Astro would read them as its own (BASE_URL
 * would override the fixture's `base`).
 */
const VITEST_VARIABLES = /^(?:BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/;

/** Runs a command in `cwd` with the environment of a user's shell plus `env`, and what it printed. */
export async function runCommand(command: string, args: readonly string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITEST_VARIABLES.test(name)));
  const child = spawn(command, args, {
    cwd,
    env: { ...inherited, ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, output };
}

export async function buildFixture(root: string, env: Record<string, string>, args: readonly string[] = []): Promise<string> {
  const { code, output } = await runCommand(process.execPath, [ASTRO_BIN, 'build', ...args], root, env);
  if (code !== 0) throw new Error(`astro build in ${root} exited with ${code}:\n${output}`);
  return output;
}
