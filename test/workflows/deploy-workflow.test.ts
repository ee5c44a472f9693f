/**
 * deploy.yml: what a maintainer relies on. The site rebuilds on the events that change the
 * roadmap, bursts coalesce without cancelling a deployment, the nightly run re-reads everything,
 * a failed sync publishes nothing, and only the deploy job can publish.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobOf, readWorkflow, runStep, stepIndex, stepOf } from './support/workflows.ts';

const { workflow } = readWorkflow('deploy.yml');
const build = jobOf(workflow, 'build');
const deploy = jobOf(workflow, 'deploy');
const sync = stepOf(build, 'Sync from GitHub');

const crons = (workflow.on['schedule'] as Array<{ cron: string }>).map(({ cron }) => cron);

/** The hours a cron hour field (`*`, `3`, `0-2,4-23`, `6-21/3`) stands for. */
function expandHours(field: string): number[] {
  return field.split(',').flatMap((part) => {
    const [range = '', step = '1'] = part.split('/');
    const [from = NaN, to = from] = range === '*' ? [0, 23] : range.split('-').map(Number);
    const hours: number[] = [];
    for (let hour = from; hour <= to; hour += Number(step)) hours.push(hour);
    return hours;
  });
}

function typesOf(event: string): unknown {
  return (workflow.on[event] as { types?: string[] } | null)?.types;
}

describe('deploy.yml triggers', () => {
  it('rebuilds when requests, ideas, labels, milestones or releases change, on push to main and by hand', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(
      ['discussion', 'issue_comment', 'issues', 'label', 'milestone', 'push', 'release', 'schedule', 'workflow_dispatch'].sort(),
    );
    expect(typesOf('issues')).toEqual(
      expect.arrayContaining(['opened', 'edited', 'deleted', 'transferred', 'closed', 'reopened', 'labeled', 'unlabeled', 'milestoned', 'demilestoned']),
    );
    expect(typesOf('issue_comment')).toEqual(['created']);
    expect(typesOf('discussion')).toEqual(
      expect.arrayContaining(['created', 'edited', 'deleted', 'transferred', 'category_changed', 'labeled', 'unlabeled', 'answered']),
    );
    expect(typesOf('release')).toEqual(['published', 'edited', 'deleted']);
    expect(workflow.on['push']).toEqual({ branches: ['main'] });
  });

  it('runs on a schedule off the full hour, never twice in the same hour', () => {
    const hours: number[] = [];
    for (const cron of crons) {
      const [minute = '', hour = '', ...rest] = cron.split(' ');
      expect(rest).toEqual(['*', '*', '*']);
      expect(Number(minute)).toBeGreaterThan(0);
      hours.push(...expandHours(hour));
    }
    expect(hours.length).toBeGreaterThan(0);
    expect(new Set(hours).size).toBe(hours.length);
  });

  it('offers a full sync when run by hand', () => {
    const inputs = (workflow.on['workflow_dispatch'] as { inputs: Record<string, { type: string; default: boolean }> }).inputs;
    expect(inputs['full']).toMatchObject({ type: 'boolean', default: false });
  });
});

describe('deploy.yml coalescing', () => {
  it('queues runs in one group and never cancels a deployment in progress', () => {
    expect(workflow.concurrency).toEqual({ group: 'pages-deploy', 'cancel-in-progress': false });
  });
});

describe('the sync step', () => {
  const runSync = (env: Record<string, string>) =>
    runStep(sync.run ?? '', { SYNC_FULL: 'false', SYNC_FORCE: 'false', ...env }, mkdtempSync(join(tmpdir(), 'ws-')));

  it('is incremental on ordinary runs', () => {
    expect(runSync({}).npmCalls).toEqual([['run', 'sync', '--']]);
  });

  it('passes --full when asked, and --force when asked', () => {
    expect(runSync({ SYNC_FULL: 'true' }).npmCalls).toEqual([['run', 'sync', '--', '--full']]);
    expect(runSync({ SYNC_FULL: 'true', SYNC_FORCE: 'true' }).npmCalls).toEqual([['run', 'sync', '--', '--full', '--force']]);
  });

  it('asks for a full sync on the nightly schedule, one of the crons the workflow runs on', () => {
    const nightly = /github\.event\.schedule == '([^']+)'/.exec(sync.env?.['SYNC_FULL'] ?? '')?.[1];
    expect(crons).toContain(nightly);
    expect(nightly).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(sync.env?.['SYNC_FULL']).toContain('inputs.full');
  });

  it('fails the run when the sync fails', () => {
    const githubOutput = join(mkdtempSync(join(tmpdir(), 'out-')), 'output');
    const result = runSync({ NPM_EXIT: '1', GITHUB_OUTPUT: githubOutput });
    expect(result.status).toBe(1);
    expect(existsSync(githubOutput)).toBe(false);
  });

  it('pauses without failing when the rate limit stopped the sync (exit 75), and says so', () => {
    const githubOutput = join(mkdtempSync(join(tmpdir(), 'out-')), 'output');
    const result = runSync({ NPM_EXIT: '75', GITHUB_OUTPUT: githubOutput });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^::warning title=Sync paused by the rate limit::.*resumes on the next run/m);
    expect(readFileSync(githubOutput, 'utf8')).toBe('paused=true\n');
  });

  it('reads GitHub with the job token, or ROADMAP_TOKEN when the maintainer set one', () => {
    expect(sync.env?.['GITHUB_TOKEN']).toBe('${{ secrets.ROADMAP_TOKEN || secrets.GITHUB_TOKEN }}');
  });
});

describe('deploy.yml build job', () => {
  it('keeps the snapshot between runs, saving it only after a sync that succeeded', () => {
    const restore = stepOf(build, 'Restore the last synced snapshot');
    const save = stepOf(build, 'Save the synced snapshot');
    expect(restore.uses).toMatch(/^actions\/cache\/restore@/);
    expect(save.uses).toMatch(/^actions\/cache\/save@/);
    // With the snapshot goes .cache/sync/, where a sync paused by the rate limit resumes from.
    expect(String(restore.with?.['path']).trim().split('\n')).toEqual(['content/snapshot', '.cache/sync']);
    expect(save.with?.['path']).toBe(restore.with?.['path']);
    expect(String(restore.with?.['restore-keys'])).toMatch(/^roadmap-snapshot-/);
    expect(save.with?.['key']).toBe(restore.with?.['key']);
    // Saved straight after the sync, under no `if:` that would save after a failure.
    expect(stepIndex(build, 'Save the synced snapshot')).toBe(stepIndex(build, 'Sync from GitHub') + 1);
    expect(save.if).toBeUndefined();
  });

  it('never publishes the demo snapshot: it is removed before the real one is restored', () => {
    expect(stepIndex(build, 'Forget the demo snapshot')).toBeLessThan(stepIndex(build, 'Restore the last synced snapshot'));
    const workspace = mkdtempSync(join(tmpdir(), 'ws-'));
    runStep('mkdir -p content/snapshot/repos && touch content/snapshot/manifest.json', {}, workspace);
    runStep(stepOf(build, 'Forget the demo snapshot').run ?? '', {}, workspace);
    expect(runStep('test -e content/snapshot', {}, workspace).status).not.toBe(0);
  });

  it('syncs, then builds, then uploads dist/ for Pages, in that order', () => {
    const order = ['Install dependencies', 'Sync from GitHub', 'Build the site', "Check the site's size", 'Upload the site'].map((name) => stepIndex(build, name));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(stepOf(build, 'Build the site').run).toBe('npm run build');
    expect(stepOf(build, 'Upload the site').with?.['path']).toBe('dist/');
  });

  it("checks the built site's size before uploading it", () => {
    expect(stepOf(build, "Check the site's size").run).toBe('npm run check:size');
  });

  it('installs the Node version the project pins, with the npm cache', () => {
    expect(stepOf(build, 'Set up Node').with).toMatchObject({ 'node-version-file': '.nvmrc', cache: 'npm' });
  });

  it('publishes nothing after a paused sync', () => {
    for (const name of ['Restore the build caches', 'Build the site', "Check the site's size", 'Save the build caches', 'Upload the site']) {
      expect(stepOf(build, name).if).toBe("steps.sync.outputs.paused != 'true'");
    }
    expect(sync.id).toBe('sync');
    expect(build.outputs?.['deploy']).toBe("${{ steps.sync.outputs.paused != 'true' }}");
    expect(deploy.if).toBe("needs.build.outputs.deploy == 'true'");
  });

  it('keeps the build caches apart from the sync state, so an old build cache cannot restore an old checkpoint', () => {
    const paths = String(stepOf(build, 'Restore the build caches').with?.['path']).split('\n').filter(Boolean);
    expect(paths).toEqual(['.cache/images', '.cache/user-content', '.cache/astro']);
    expect(stepOf(build, 'Save the build caches').with?.['path']).toBe(stepOf(build, 'Restore the build caches').with?.['path']);
  });

  it('builds incrementally, with the Astro cache directory it restores', async () => {
    const previous = process.env.ROADMAP_ASTRO_CACHE_DIR;
    delete process.env.ROADMAP_ASTRO_CACHE_DIR;
    try {
      const { default: config } = (await import('../../astro.config.mjs')) as { default: { cacheDir?: string; experimental?: { incrementalBuild?: boolean } } };
      expect(config.cacheDir).toBe('./.cache/astro');
      expect(config.experimental?.incrementalBuild).toBe(true);
    } finally {
      if (previous !== undefined) process.env.ROADMAP_ASTRO_CACHE_DIR = previous;
    }
  });

  it('can read but not write', () => {
    expect(Object.values(build.permissions ?? {})).not.toContain('write');
  });
});

describe('deploy.yml deploy job', () => {
  it('publishes the build to the github-pages environment and nothing else can', () => {
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.steps.map((step) => step.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });
});
