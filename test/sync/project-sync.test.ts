import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimProjectItem, SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';
import { startSimulator } from '../../scripts/dev/github-simulator/server.ts';
import { parseConfig } from '../../src/config/index.ts';
import { buildRoadmap } from '../../src/model/build-roadmap.ts';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';
import { createSandbox, runSync, simulatedSync, TOKEN } from './sync-run.ts';
import { PROJECT_CONFIG, projectWorld, setProjectValue } from './project-world.ts';

const config = {
  site: { title: 'Widgets roadmap' },
  sources: [{ repo: 'acme/widgets', issues: { labels: ['enhancement'] }, discussions: { categories: ['ideas'] } }],
  project: PROJECT_CONFIG,
};

const env = simulatedSync(() => projectWorld(), config);

type IssueContent = Exclude<SimProjectItem['content'], { type: 'DraftIssue' }>;

/** The project's live issues of acme/widgets, straight from the world. */
function worldProjectIssues(world: SimWorld): Map<number, SimProjectItem> {
  const items = new Map<number, SimProjectItem>();
  for (const item of world.projects?.[0]?.items ?? []) {
    if (item.content.type !== 'Issue' || item.isArchived) continue;
    const content: IssueContent = item.content;
    if (content.repository === 'acme/widgets') items.set(content.number, item);
  }
  return items;
}

/** The status an issue of the world has without a project: its close, its status label, its milestone. */
function statusWithoutProject(world: SimWorld, number: number): string {
  const issue = world.repositories[0]?.issues.find((candidate) => candidate.number === number);
  if (!issue) throw new Error(`no issue ${number}`);
  if (issue.state === 'CLOSED') return issue.stateReason === 'COMPLETED' ? 'shipped' : 'declined';
  if (issue.labels.includes('status: planned') || issue.milestone !== null) return 'planned';
  return 'under-review';
}

/** What the roadmap should say of each open request: the project's mapped option, else as without a project. */
function expectedStatuses(world: SimWorld, numbers: readonly number[]): Record<number, string> {
  const inProject = worldProjectIssues(world);
  const options: Record<string, string> = PROJECT_CONFIG.status.options;
  const expected: Record<number, string> = {};
  for (const number of numbers) {
    const fallback = statusWithoutProject(world, number);
    const option = inProject.get(number)?.values['Status'];
    const mapped = typeof option === 'string' ? options[option] : undefined;
    const closed = fallback === 'shipped' || fallback === 'declined';
    expected[number] = mapped !== undefined && (!closed || mapped === 'shipped' || mapped === 'declined') ? mapped : fallback;
  }
  return expected;
}

/** Now for the running or a finished iteration, Next for the first to start after today, Later after it. */
function expectedHorizons(world: SimWorld): Record<string, string> {
  const project = world.projects?.[0];
  const field = project?.fields.find((candidate) => candidate.name === 'Iteration');
  if (field?.dataType !== 'ITERATION') throw new Error('no iteration field');
  const today = new Date().toISOString().slice(0, 10);
  const upcoming = field.iterations.filter((iteration) => iteration.startDate > today).map((iteration) => iteration.title);
  const expected: Record<string, string> = {};
  for (const [number, item] of worldProjectIssues(world)) {
    const title = item.values['Iteration'];
    const issue = world.repositories[0]?.issues.find((candidate) => candidate.number === number);
    const mappedStatus = (PROJECT_CONFIG.status.options as Record<string, string>)[String(item.values['Status'])];
    if (typeof title !== 'string' || issue?.state !== 'OPEN' || mappedStatus === 'shipped') continue;
    expected[`acme/widgets#${number}`] = upcoming[0] === title ? 'next' : upcoming.includes(title) ? 'later' : 'now';
  }
  return expected;
}

async function roadmap() {
  const snapshot = await readSnapshot(env.sandbox.snapshotDir);
  return { snapshot, model: buildRoadmap(snapshot, parseConfig(config)) };
}

function statusesOf(model: Awaited<ReturnType<typeof roadmap>>['model'], numbers: readonly number[]): Record<number, string> {
  return Object.fromEntries(numbers.map((number) => [number, model.requests.find((request) => request.number === number)?.status ?? 'missing']));
}

function horizonsOf(model: Awaited<ReturnType<typeof roadmap>>['model']): Record<string, string> {
  return Object.fromEntries(model.horizons.flatMap((group) => group.requests.map((key) => [key, group.horizon])));
}

const NUMBERS = [1, 2, 4, 7, 8, 9, 11];

describe('a GitHub Project (v2) as the source of status and horizon', () => {
  it('keeps the project\'s issues of the configured repositories with their field values, and nothing else', async () => {
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    const { snapshot } = await roadmap();
    const kept = snapshot.projects?.[0]?.items.map((item) => [item.number, item.status, item.horizon?.kind === 'iteration' ? item.horizon.title : null]);
    const expected = [...worldProjectIssues(env.sim.world)]
      .sort(([a], [b]) => a - b)
      .map(([number, item]) => [number, item.values['Status'] ?? null, item.values['Iteration'] ?? null]);
    expect(kept).toEqual(expected);
    // The private repository's issue is not even named; drafts and pull requests are counted.
    expect(JSON.stringify(snapshot.projects)).not.toContain('acme/secret');
    expect(output).toMatch(/orgs\/acme\/projects\/1 .*project read .* 6 issues +\(left out: 1 draft, 1 pull request, 1 archived, 1 of other repositories\)/);
  });

  it('decides statuses and Now / Next / Later from the project, over labels and milestones', async () => {
    expect((await runSync(env.sandbox)).code).toBe(0);
    const { model } = await roadmap();
    expect(statusesOf(model, NUMBERS)).toEqual(expectedStatuses(env.sim.world, NUMBERS));
    expect(horizonsOf(model)).toEqual(expectedHorizons(env.sim.world));
    // #2's milestone no longer places it: the project does.
    expect(model.horizons.filter((group) => group.url.includes('/milestone/'))).toEqual([]);
  });

  it('warns once about an option the configuration does not map', async () => {
    const { code, output } = await runSync(env.sandbox);
    expect(code).toBe(0);
    expect(output.match(/option "Blocked"/g)).toHaveLength(1);
    expect(output).toContain('1 item of the project orgs/acme/projects/1 has the option "Blocked", which project.status.options does not map');
  });

  it('moves a request on the next plain sync after its field changed on the project', async () => {
    expect((await runSync(env.sandbox)).code).toBe(0);
    setProjectValue(env.sim.world, 9, 'Status', 'In progress', new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'));
    setProjectValue(env.sim.world, 2, 'Iteration', 'Iteration 1', new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'));
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    expect(output).toMatch(/incremental sync/);
    const { model } = await roadmap();
    expect(statusesOf(model, [9])).toEqual({ 9: 'in-progress' });
    expect(statusesOf(model, NUMBERS)).toEqual(expectedStatuses(env.sim.world, NUMBERS));
    expect(horizonsOf(model)).toEqual(expectedHorizons(env.sim.world));
    expect(horizonsOf(model)['acme/widgets#2']).toBe('now');
  });

  it('says which fields the project has when a configured one does not exist', async () => {
    const sandbox = await createSandbox(env.sim, { ...config, project: { ...PROJECT_CONFIG, horizon: { field: 'Iterations' } } });
    try {
      const { code, output } = await runSync(sandbox);
      expect(code).not.toBe(0);
      const names = env.sim.world.projects?.[0]?.fields.map((field) => `"${field.name}"`) ?? [];
      expect(output).toContain('The project orgs/acme/projects/1 has no field "Iterations" (project.horizon.field).');
      for (const name of names) expect(output).toContain(name);
      expect(output).toContain('Did you mean "Iteration"?');
    } finally {
      await sandbox.cleanup();
    }
  });

  it('says so when the project does not exist, and publishes nothing', async () => {
    const sandbox = await createSandbox(env.sim, { ...config, project: { ...PROJECT_CONFIG, number: 99 } });
    try {
      const { code, output } = await runSync(sandbox);
      expect(code).not.toBe(0);
      expect(output).toContain('GitHub found no project number 99 of acme');
      expect(output).toContain('read:project');
    } finally {
      await sandbox.cleanup();
    }
  });

  it('says which owner to write when the organization is a user', async () => {
    const sandbox = await createSandbox(env.sim, { ...config, project: { ...PROJECT_CONFIG, organization: 'alice' } });
    try {
      const { code, output } = await runSync(sandbox);
      expect(code).not.toBe(0);
      expect(output).toContain('GitHub found no organization "alice"');
      expect(output).toContain('write user: "alice" instead');
    } finally {
      await sandbox.cleanup();
    }
  });
});

describe('a snapshot in the format before projects', () => {
  it('is refused by the reader with what to run, and fully synced over by the next sync', async () => {
    expect((await runSync(env.sandbox)).code).toBe(0);
    const manifestFile = join(env.sandbox.snapshotDir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { schemaVersion: number; projects?: unknown };
    delete manifest.projects;
    await writeFile(manifestFile, JSON.stringify({ ...manifest, schemaVersion: 2 }));
    await expect(readSnapshot(env.sandbox.snapshotDir)).rejects.toThrow(/is in snapshot format 2, and this version of Open Roadmap reads format 3\. Run `npm run sync`/);
    const { code, output } = await runSync(env.sandbox);
    expect(code, output).toBe(0);
    expect(output).toContain('Doing a full sync.');
    expect(output).toMatch(/acme\/widgets +full/);
    expect((await readSnapshot(env.sandbox.snapshotDir)).projects).toHaveLength(1);
  });
});

describe('a project of more than one page of items', () => {
  const big = simulatedSync(() => projectWorld(150), config);
  const projectQueries = () => big.sim.log.filter((entry) => entry.operationName === 'ProjectItems');

  it('reads every page on the first sync, one page when nothing changed, every page after a change', async () => {
    expect((await runSync(big.sandbox)).code).toBe(0);
    const pages = Math.ceil((big.sim.world.projects?.[0]?.items.length ?? 0) / 100);
    expect(projectQueries()).toHaveLength(pages);
    expect(projectQueries().every((entry) => entry.cost === 1)).toBe(true);

    big.sim.resetLog();
    expect((await runSync(big.sandbox)).code).toBe(0);
    expect(projectQueries()).toHaveLength(1);

    // The last item, on the second page, moves.
    const last = 100 + 149;
    setProjectValue(big.sim.world, last, 'Status', 'Done', new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'));
    big.sim.resetLog();
    expect((await runSync(big.sandbox)).code).toBe(0);
    expect(projectQueries()).toHaveLength(pages);
    const snapshot = await readSnapshot(big.sandbox.snapshotDir);
    const model = buildRoadmap(snapshot, parseConfig(config));
    expect(model.requests.find((request) => request.number === last)?.status).toBe('shipped');
  });
});

describe('a token that may not read projects', () => {
  it('names the permission it needs', async () => {
    const sim = await startSimulator({ world: projectWorld(), token: TOKEN, projectAccess: false });
    const sandbox = await createSandbox(sim, config);
    try {
      const { code, output } = await runSync(sandbox);
      expect(code).not.toBe(0);
      expect(output).toContain('The token may not read the project orgs/acme/projects/1');
      expect(output).toContain('`read:project`');
      expect(output).toContain('"Projects: read"');
      expect(output).toContain('GITHUB_TOKEN of GitHub Actions cannot read projects');
      expect(output).not.toContain(TOKEN);
    } finally {
      await sandbox.cleanup();
      await sim.close();
    }
  });
});
