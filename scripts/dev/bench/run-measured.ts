/**
 * Runs a command as a child process and measures it: wall time, CPU time and peak resident memory.
 *
 * CPU time and peak memory come from GNU time (`/usr/bin/time`): the user and system time of the
 * whole process tree, and the largest resident set of its biggest process, Pagefind's native
 * indexer included. Where it is missing, a preloaded module reports Node's own
 * `process.resourceUsage()` instead (the Node process and its threads only).
 *
 * CPU time varies less than wall time between runs on a shared machine, where the same build can
 * take a third longer one run than the next: compare both. User and system time are kept apart,
 * because a build writes tens of thousands of files and the kernel's share of that depends on the
 * filesystem (see docs/performance.md).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface MeasuredRun {
  exitCode: number | null;
  wallMilliseconds: number;
  /** Kilobytes; null when it could not be measured. */
  peakRssKilobytes: number | null;
  /** CPU time in milliseconds, in user space and in the kernel; null when it could not be measured. */
  cpu: { userMilliseconds: number; systemMilliseconds: number } | null;
  /** Where peak memory came from. */
  rssSource: 'gnu-time' | 'node' | 'none';
  /** stdout and stderr, interleaved. */
  output: string;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** A folder for the measurement's scratch files. */
  scratchDir: string;
  /** Also copy the child's output to this process's stderr. */
  echo?: boolean;
}

/** Runs `node <args>` with the Node running this script. */
export async function runNodeMeasured(args: string[], options: RunOptions): Promise<MeasuredRun> {
  const rssFile = join(options.scratchDir, `rss-${process.pid}-${Date.now()}.txt`);
  await rm(rssFile, { force: true });
  const useGnuTime = existsSync(GNU_TIME) && (await gnuTimeWorks(rssFile));
  const reporter = join(options.scratchDir, 'max-rss-reporter.mjs');
  if (!useGnuTime) {
    await writeFile(
      reporter,
      [
        `import { writeFileSync } from 'node:fs';`,
        `process.on('exit', () => {`,
        `  const usage = process.resourceUsage();`,
        `  writeFileSync(${JSON.stringify(rssFile)}, [usage.maxRSS, usage.userCPUTime / 1e6, usage.systemCPUTime / 1e6].join(' '));`,
        `});`,
        '',
      ].join('\n'),
    );
  }
  const command = useGnuTime ? GNU_TIME : process.execPath;
  const commandArgs = useGnuTime
    ? ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...args]
    : ['--import', reporter, ...args];
  const env = { ...options.env };

  const started = performance.now();
  const child = spawn(command, commandArgs, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    if (options.echo) process.stderr.write(text);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallMilliseconds = performance.now() - started;

  const { peakRssKilobytes, cpu } = await readUsage(rssFile);
  return {
    exitCode,
    wallMilliseconds,
    peakRssKilobytes,
    cpu,
    rssSource: peakRssKilobytes === null ? 'none' : useGnuTime ? 'gnu-time' : 'node',
    output,
  };
}

/** Reads "<peak RSS in KB> <user seconds> <system seconds>", as both GNU time and the reporter write it. */
async function readUsage(file: string): Promise<Pick<MeasuredRun, 'peakRssKilobytes' | 'cpu'>> {
  try {
    // GNU time writes "Command exited with non-zero status N" before the figures when the command fails.
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    const [rss, user, system] = (lines.at(-1) ?? '').split(' ').map(Number);
    return {
      peakRssKilobytes: rss !== undefined && Number.isFinite(rss) && rss > 0 ? rss : null,
      cpu:
        user !== undefined && system !== undefined && Number.isFinite(user) && Number.isFinite(system)
          ? { userMilliseconds: Math.round(user * 1000), systemMilliseconds: Math.round(system * 1000) }
          : null,
    };
  } catch {
    return { peakRssKilobytes: null, cpu: null };
  }
}

/** BusyBox and BSD `time` take other flags; check that this one writes the figure we ask for. */
async function gnuTimeWorks(probeFile: string): Promise<boolean> {
  const probe = spawn(GNU_TIME, ['-f', '%M', '-o', probeFile, process.execPath, '-e', ''], { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => {
    probe.on('error', () => resolve(-1));
    probe.on('close', resolve);
  });
  if (code !== 0) return false;
  try {
    return Number((await readFile(probeFile, 'utf8')).trim()) > 0;
  } catch {
    return false;
  } finally {
    await rm(probeFile, { force: true });
  }
}
