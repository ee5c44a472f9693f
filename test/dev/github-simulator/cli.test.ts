import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { smallWorld } from './small-world.ts';

const CLI = fileURLToPath(new URL('../../../scripts/dev/github-simulator/cli.ts', import.meta.url));

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'github-simulator-cli-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

function run(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('serves a world file and prints the two URLs to use', async () => {
  const file = join(directory, 'world.json');
  await writeFile(file, JSON.stringify(smallWorld()));
  const cli = run(['--world', file, '--port', '0', '--token', 'by-hand']);
  try {
    await waitFor(() => cli.output().includes('GITHUB_GRAPHQL_URL='), 'the URLs');
    const apiUrl = cli.output().match(/^GITHUB_API_URL=(\S+)$/m)?.[1];
    const graphqlUrl = cli.output().match(/^GITHUB_GRAPHQL_URL=(\S+)$/m)?.[1];
    expect(graphqlUrl).toBe(`${apiUrl ?? ''}/graphql`);
    const reply = await fetch(`${apiUrl ?? ''}/repos/acme/widgets`, { headers: { authorization: 'token by-hand' } });
    expect(((await reply.json()) as { full_name: string }).full_name).toBe('acme/widgets');
    const refused = await fetch(graphqlUrl ?? '', {
      method: 'POST',
      headers: { authorization: 'token other' },
      body: JSON.stringify({ query: '{ viewer { login } }' }),
    });
    expect(refused.status).toBe(401);
  } finally {
    cli.child.kill('SIGTERM');
    await cli.exited;
  }
});

test('explains what is wrong with a world file that does not fit the format', async () => {
  const file = join(directory, 'broken.json');
  const world = smallWorld() as unknown as { repositories: { issues: { state: string }[] }[] };
  world.repositories[0]!.issues[0]!.state = 'open';
  await writeFile(file, JSON.stringify(world));
  const cli = run(['--world', file]);
  expect(await cli.exited).toBe(1);
  expect(cli.output()).toContain('repositories.0.issues.0.state');
});

test('asks for the world file when it is missing', async () => {
  const cli = run([]);
  expect(await cli.exited).toBe(2);
  expect(cli.output()).toMatch(/--world/);
});
