/**
 * `npm run sync`: pulls issues, Discussions, votes and releases from GitHub into the snapshot
 * under content/snapshot/. See README.md ("Point it at your repository") for the options.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config/index.ts';
import { inProject, projectDir } from '../src/config/project-dir.ts';
import { DEFAULT_SNAPSHOT_DIR } from '../src/snapshot/read-snapshot.ts';
import { DEFAULT_CHECKPOINT_FILE } from '../src/sync/checkpoint.ts';
import { endpointsFromEnv, syncTimeoutFromEnv } from '../src/github/endpoints.ts';
import { createGitHubClient } from '../src/sync/github-client.ts';
import { createProgress } from '../src/sync/progress.ts';
import { runSync, type SyncSummary } from '../src/sync/run-sync.ts';
import { RoadmapError } from '../src/errors/roadmap-error.ts';
import { describeOutcome } from '../src/sync/sync-source.ts';

const USAGE = `Usage: npm run sync -- [options]

Pulls the configured repositories' issues, Discussions, votes and releases into content/snapshot/.
Incremental by default: only what changed since the last sync is fetched.

Options:
  --full              Fetch everything again (also catches deletions, transfers and vote changes).
  --force             Write the snapshot even if it is empty or less than half the previous size.
  --snapshot <dir>    Snapshot directory (default: ${DEFAULT_SNAPSHOT_DIR}, or $ROADMAP_SNAPSHOT_DIR).
  --config <file>     Configuration file (default: roadmap.config.ts).
  -h, --help          Show this help.

Environment:
  GITHUB_TOKEN        A token that can read the repositories (required).
  GITHUB_API_URL      REST API root (default https://api.github.com; set by Actions on GHES).
  GITHUB_GRAPHQL_URL  GraphQL endpoint (default <GITHUB_API_URL>/graphql).
  ROADMAP_SYNC_TIMEOUT_MS
                      How long one request may take before it is abandoned and asked again
                      (default 30000).`;

function redact(text: string, token: string | undefined): string {
  return token ? text.split(token).join('***') : text;
}

function printSummary(summary: SyncSummary, seconds: number, write: (line: string) => void): void {
  write('');
  write(`Synced ${summary.items} requests in ${seconds.toFixed(1)}s${summary.resumed ? ' (resumed)' : ''}:`);
  for (const source of summary.sources) {
    write(`  ${source.repository.padEnd(32)} ${source.mode.padEnd(18)} ${String(source.items).padStart(6)} items  ${String(source.changed).padStart(5)} changed  ${String(source.removed).padStart(4)} removed`);
  }
  if (summary.project) {
    const { project, mode, issues, skipped } = summary.project;
    const left = [
      [skipped.drafts, 'draft'],
      [skipped.pullRequests, 'pull request'],
      [skipped.archived, 'archived'],
      [skipped.otherRepositories, 'of other repositories'],
      [skipped.hidden, 'not visible to the token'],
    ]
      .filter(([count]) => Number(count) > 0)
      .map(([count, what]) => `${String(count)} ${String(what)}`);
    write(`  ${project.padEnd(32)} ${(mode === 'read' ? 'project read' : 'project unchanged').padEnd(18)} ${String(issues).padStart(6)} issues${left.length > 0 ? `  (left out: ${left.join(', ')})` : ''}`);
  }
  const problems = summary.sources.flatMap((source) => source.problems.map((problem) => ({ ...problem, repository: source.repository })));
  if (problems.length > 0) {
    write(`  GitHub could not return ${problems.length} item${problems.length === 1 ? '' : 's'}, asked twice; the rest synced:`);
    for (const problem of problems) {
      write(`    ${problem.repository}#${problem.number} (${problem.type}): ${problem.error}; ${describeOutcome(problem.outcome)}.`);
    }
  }
  write(
    `  ${summary.requests.rest + summary.requests.graphql} requests (${summary.requests.rest} REST, ${summary.requests.graphql} GraphQL), ${summary.requests.points} GraphQL points`,
  );
  write(
    summary.files.written + summary.files.deleted === 0
      ? '  Snapshot unchanged.'
      : `  Snapshot updated: ${summary.files.written} files written, ${summary.files.deleted} deleted, ${summary.files.unchanged} unchanged.`,
  );
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const write = (line: string) => process.stderr.write(`${redact(line, env.GITHUB_TOKEN)}\n`);
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        full: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        snapshot: { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
  } catch (error) {
    write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  if (!token) {
    write('GITHUB_TOKEN is not set, so there is nothing to sync from.');
    write('  Create a token that can read your repositories (a fine-grained token with read access to issues,');
    write('  Discussions and contents is enough) and run `GITHUB_TOKEN=... npm run sync`. In GitHub Actions the');
    write('  built-in token works. Without a sync, `npm run build` uses the snapshot already in content/snapshot/.');
    return 1;
  }

  const started = performance.now();
  const progress = createProgress(write);
  try {
    const config = await loadConfig({ root: projectDir(env), ...(args.values.config ? { file: args.values.config } : {}) });
    const endpoints = endpointsFromEnv(env);
    const snapshotDir = args.values.snapshot ?? env.ROADMAP_SNAPSHOT_DIR ?? inProject(DEFAULT_SNAPSHOT_DIR, env);
    write(`Syncing ${config.sources.map((source) => source.repo).join(', ')} from ${endpoints.apiUrl}${args.values.full ? ' (full)' : ''}`);
    const delayScale = Number(env.ROADMAP_SYNC_DELAY_SCALE ?? '1');
    const client = createGitHubClient({
      token,
      endpoints,
      progress,
      policy: {
        delayScale: Number.isFinite(delayScale) && delayScale >= 0 ? delayScale : 1,
        timeoutMs: syncTimeoutFromEnv(env),
      },
    });
    const summary = await runSync({
      config,
      client,
      progress,
      snapshotDir,
      checkpointFile: env.ROADMAP_SYNC_CHECKPOINT ?? inProject(DEFAULT_CHECKPOINT_FILE, env),
      full: args.values.full,
      force: args.values.force,
    });
    printSummary(summary, (performance.now() - started) / 1000, write);
    return 0;
  } catch (error) {
    if (error instanceof RoadmapError) {
      write('');
      write(`Sync failed: ${error.message}`);
      write(`  ${error.hint}`);
      write(`  The previous snapshot was left as it was.`);
      write(`  (${progress.counts.rest + progress.counts.graphql} requests, ${progress.counts.points} GraphQL points used)`);
      return error.resumable ? 75 : 1;
    }
    if (error instanceof ConfigError) {
      write(error.message);
      return 1;
    }
    write(`Sync failed unexpectedly: ${(error as Error).stack ?? String(error)}`);
    write('  The previous snapshot was left as it was. Please report this with the message above.');
    return 1;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
