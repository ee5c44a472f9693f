/**
 * A project that adopts the roadmap without forking it: its own folder holds only a config, one
 * page (content/pages/, so the About page is the engine's) and the workflow from docs/deploying.md, which pins the engine (this repository's
 * .github/actions/roadmap) to a commit. The workflow runs as GitHub would run it, against the
 * simulator; bumping the pinned commit, as Dependabot does, deploys the newer engine.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../scripts/dev/demo/generate.ts';
import { deployProject } from '../../scripts/dev/deploy-locally.ts';
import { startSimulator, type Simulator } from '../../scripts/dev/github-simulator/server.ts';
import { checkWorkflow } from '../../src/workflow-rules/check-workflow.ts';
import { formatViolation } from '../../src/workflow-rules/violation.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { world } = generateWorld({ preset: 'bench', items: 60 });
const source = world.repositories.find((repo) => !repo.isPrivate)!;
const PAGE_TEXT = 'Acme builds what most people ask for, and this page is ours.';

let sim: Simulator;
let dir: string;
let engine: string;
let project: string;
let env: NodeJS.ProcessEnv;
const versions = { a: '', b: '' };
const commits = { a: '', b: '' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Release', '-c', 'user.email=release@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

/** The workflow docs/deploying.md tells a project to write, pinned to `sha` with its version in the comment. */
async function documentedWorkflow(sha: string, version: string): Promise<string> {
  const docs = await readFile(join(REPO_ROOT, 'docs/deploying.md'), 'utf8');
  const block = [...docs.matchAll(/^( *)```yaml\n([\s\S]*?)^\1```$/gm)].find((match) => match[2]!.includes('/.github/actions/roadmap@'));
  if (!block) throw new Error('docs/deploying.md shows no workflow that uses the roadmap action');
  const indent = block[1]!.length;
  const text = block[2]!
    .split('\n')
    .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
    .join('\n');
  expect(text).toMatch(/uses: <owner>\/open-roadmap\/\.github\/actions\/roadmap@<sha> # v\S+/);
  return text.replace(/uses: <owner>\/open-roadmap\/\.github\/actions\/roadmap@<sha> # v\S+/, `uses: acme-tools/open-roadmap/.github/actions/roadmap@${sha} # v${version}`);
}

async function deploy(runId: string) {
  const lines: string[] = [];
  const result = await deployProject({ project, engine, host: join(dir, 'host'), state: join(dir, 'state'), runId, env, log: (line) => lines.push(line) });
  return { result, output: lines.join('\n') };
}

async function published(path: string): Promise<string> {
  return readFile(join(dir, 'host', path), 'utf8');
}

async function aRequestPage(): Promise<string> {
  const [page] = await readdir(join(dir, 'host/requests'));
  return published(`requests/${page}/index.html`);
}

const generator = (html: string) => /<meta name="generator" content="([^"]*)"/.exec(html)?.[1];

beforeAll(async () => {
  sim = await startSimulator({ world, token: 'adopt-token' });
  env = { GITHUB_TOKEN: 'adopt-token', GITHUB_API_URL: sim.url, GITHUB_GRAPHQL_URL: sim.graphqlUrl, ROADMAP_SYNC_DELAY_SCALE: '0.01' };
  dir = await mkdtemp(join(tmpdir(), 'adopt-'));

  // The engine's repository: this working tree's files (what git would not ignore), released twice.
  engine = join(dir, 'open-roadmap');
  const files = git(REPO_ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const file of files) {
    const from = join(REPO_ROOT, file);
    if (!(await stat(from).catch(() => null))?.isFile()) continue;
    await mkdir(dirname(join(engine, file)), { recursive: true });
    await copyFile(from, join(engine, file));
  }
  git(engine, 'init', '--quiet');
  git(engine, 'add', '--all');
  versions.a = (JSON.parse(await readFile(join(engine, 'package.json'), 'utf8')) as { version: string }).version;
  git(engine, 'commit', '--quiet', '-m', `Release ${versions.a}`);
  git(engine, 'tag', `v${versions.a}`);
  commits.a = git(engine, 'rev-parse', 'HEAD');
  versions.b = `${versions.a}-next.1`;
  const manifest = await readFile(join(engine, 'package.json'), 'utf8');
  await writeFile(join(engine, 'package.json'), manifest.replace(`"version": "${versions.a}"`, `"version": "${versions.b}"`));
  git(engine, 'commit', '--quiet', '--all', '-m', `Release ${versions.b}`);
  git(engine, 'tag', `v${versions.b}`);
  commits.b = git(engine, 'rev-parse', 'HEAD');

  // The project's repository: a config, one page and the workflow.
  project = join(dir, 'acme');
  await mkdir(join(project, 'content/pages'), { recursive: true });
  await mkdir(join(project, '.github/workflows'), { recursive: true });
  await writeFile(
    join(project, 'roadmap.config.ts'),
    `export default {\n  site: { title: 'Acme roadmap', url: 'https://acme-tools.github.io', base: '/widgets' },\n  sources: [{ repo: '${source.owner}/${source.name}' }],\n};\n`,
  );
  await writeFile(join(project, 'content/pages/how-we-decide.mdx'), `---\ntitle: How we decide\ndescription: What Acme builds first.\n---\n\n${PAGE_TEXT}\n`);
  await writeFile(join(project, '.github/workflows/roadmap.yml'), await documentedWorkflow(commits.a, versions.a));
}, 120_000);

afterAll(async () => {
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a project that adopts the roadmap with one workflow file', () => {
  it('writes a workflow that passes the workflow checker, as does the action it uses', async () => {
    const workflow = await readFile(join(project, '.github/workflows/roadmap.yml'), 'utf8');
    expect((await checkWorkflow('.github/workflows/roadmap.yml', workflow)).map(formatViolation)).toEqual([]);
    const action = await readFile(join(REPO_ROOT, '.github/actions/roadmap/action.yml'), 'utf8');
    expect((await checkWorkflow('.github/actions/roadmap/action.yml', action)).map(formatViolation)).toEqual([]);
  });

  it('deploys its site with the engine at the pinned version', async () => {
    const { result, output } = await deploy('1');
    expect(result, output).toMatchObject({ outcome: 'deployed' });
    expect(output).toContain(`acme-tools/open-roadmap@${commits.a}`);
    expect(output).toMatch(/full sync/);
    const index = await published('index.html');
    expect(generator(index)).toBe(`Open Roadmap ${versions.a}`);
    expect(index).toContain('<title>Acme roadmap');
    expect(await published('how-we-decide/index.html')).toContain(PAGE_TEXT);
    // The project wrote no About page: the engine's own is published.
    const engineAboutTitle = /^title: (.+)$/m.exec(await readFile(join(engine, 'content/intro.mdx'), 'utf8'))![1]!;
    expect(await published('about/index.html')).toContain(`<h1>${engineAboutTitle}</h1>`);
    expect(await readdir(join(dir, 'host/pagefind'))).toContain('pagefind.js');
    // The project's folder was only read: the snapshot and caches went to the Actions cache.
    expect((await readdir(project)).sort()).toEqual(['.github', 'content', 'roadmap.config.ts']);
  }, 300_000);

  it("deploys the newer engine once the pin moves to it, keeping the project's page, config and snapshot", async () => {
    const file = join(project, '.github/workflows/roadmap.yml');
    const workflow = await readFile(file, 'utf8');
    // What Dependabot's pull request changes: the SHA and the version in the comment.
    await writeFile(file, workflow.replace(`@${commits.a} # v${versions.a}`, `@${commits.b} # v${versions.b}`));
    const { result, output } = await deploy('2');
    expect(result, output).toMatchObject({ outcome: 'deployed' });
    expect(output).toContain(`acme-tools/open-roadmap@${commits.b}`);
    expect(output).toMatch(/restored roadmap-snapshot-1/);
    expect(output).toMatch(/incremental sync/);
    for (const html of [await published('index.html'), await published('how-we-decide/index.html'), await aRequestPage()]) {
      expect(generator(html)).toBe(`Open Roadmap ${versions.b}`);
      expect(html).toContain('Acme roadmap');
    }
    expect(await published('how-we-decide/index.html')).toContain(PAGE_TEXT);
  }, 300_000);

  it('fails without publishing when the pin names a commit the engine does not have', async () => {
    const before = await published('index.html');
    const file = join(project, '.github/workflows/roadmap.yml');
    const missing = 'f'.repeat(40);
    await writeFile(file, (await readFile(file, 'utf8')).replace(`@${commits.b} #`, `@${missing} #`));
    const { result } = await deploy('3');
    expect(result).toMatchObject({ outcome: 'failed', step: 'Build the roadmap' });
    expect(result.detail).toContain(missing);
    expect(await published('index.html')).toBe(before);
  }, 60_000);
});
