/**
 * `npm run build`: `astro build`, with Node allowed the memory the machine has.
 *
 * Node caps its heap at about 4 GB whatever the machine, and a roadmap of 100,000 requests needs
 * more than twice that at the peak of its build (docs/performance.md). So the build runs with a
 * heap limit of three quarters of the machine's memory, never below Node's own default. A
 * `--max-old-space-size` already in NODE_OPTIONS is left as it is. Arguments are passed on to
 * Astro: `npm run build -- --outDir public-site`.
 */
import { spawn } from 'node:child_process';
import { constants, totalmem } from 'node:os';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';

const ASTRO_BIN = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const MEGABYTE = 1024 * 1024;
/** What the build may take; the rest is for Pagefind, the worker threads and the system. */
const SHARE_OF_MEMORY = 0.75;

/**
 * The Node flags for the build: a larger heap limit when the machine has the memory for one,
 * nothing when NODE_OPTIONS already sets the limit or Node's default is already as large.
 */
export function heapLimitFlags({
  totalMemoryBytes,
  defaultHeapBytes,
  nodeOptions,
}: {
  totalMemoryBytes: number;
  defaultHeapBytes: number;
  nodeOptions: string | undefined;
}): string[] {
  if (nodeOptions !== undefined && /(^|\s)--max-old-space-size(=|\s)/.test(nodeOptions)) return [];
  const megabytes = Math.floor((totalMemoryBytes * SHARE_OF_MEMORY) / MEGABYTE);
  return megabytes > Math.ceil(defaultHeapBytes / MEGABYTE) ? [`--max-old-space-size=${megabytes}`] : [];
}

/** Runs `astro build <args>` and resolves to its exit code. */
export function build(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const flags = heapLimitFlags({
    totalMemoryBytes: totalmem(),
    defaultHeapBytes: getHeapStatistics().heap_size_limit,
    nodeOptions: env.NODE_OPTIONS,
  });
  const child = spawn(process.execPath, [...flags, ASTRO_BIN, 'build', ...args], { env, stdio: 'inherit' });
  // Stopping this process (CI cancelling a job) stops the build; its exit code is passed on.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}

if (import.meta.main) {
  process.exitCode = await build(process.argv.slice(2));
}
