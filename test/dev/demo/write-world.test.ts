import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../../scripts/dev/demo/generate.ts';
import { truthPathFor, worldJsonChunks, writeWorldFile } from '../../../scripts/dev/demo/write-world.ts';

const run = promisify(execFile);
const cli = join(import.meta.dirname, '../../../scripts/dev/demo/generate.ts');

describe('writing worlds', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'demo-world-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('streams JSON that parses back to exactly the generated world, one item per line', () => {
    const { world } = generateWorld({ preset: 'bench', items: 300, seed: 5 });
    const text = [...worldJsonChunks(world)].join('');
    expect(JSON.parse(text)).toEqual(world);
    const issueLines = text.split('\n').filter((line) => line.startsWith('{"number":') && line.includes('"events":'));
    expect(issueLines.length).toBe(world.repositories.reduce((sum, repository) => sum + repository.issues.length, 0));
  });

  it('writes atomically: the file appears complete and no temporary file is left behind', async () => {
    const { world } = generateWorld({ preset: 'bench', items: 200, seed: 5 });
    const path = join(directory, 'nested', 'atomic.json');
    writeWorldFile(path, world);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(world);
    expect(await readdir(join(directory, 'nested'))).toEqual(['atomic.json']);
  });

  it('puts the truth next to the world', () => {
    expect(truthPathFor('.cache/worlds/demo.json')).toBe('.cache/worlds/demo.truth.json');
    expect(truthPathFor('world')).toBe('world.truth.json');
  });

  it('the CLI writes the same bytes twice, with the truth file beside the world', async () => {
    const first = join(directory, 'first', 'demo.json');
    const second = join(directory, 'second', 'demo.json');
    await run(process.execPath, [cli, '--preset', 'demo', '--seed', '4', '--out', first]);
    await run(process.execPath, [cli, '--preset', 'demo', '--seed', '4', '--out', second]);
    expect(await readFile(second)).toEqual(await readFile(first));
    expect(await readFile(join(directory, 'second', 'demo.truth.json'))).toEqual(await readFile(join(directory, 'first', 'demo.truth.json')));
    const truth = JSON.parse(await readFile(join(directory, 'first', 'demo.truth.json'), 'utf8')) as { preset: string; seed: number };
    expect(truth).toMatchObject({ preset: 'demo', seed: 4 });
  });

  it('the CLI writes a bench world of the requested size', async () => {
    const out = join(directory, 'bench-1k.json');
    await run(process.execPath, [cli, '--preset', 'bench', '--items', '1000', '--out', out]);
    const world = JSON.parse(await readFile(out, 'utf8')) as ReturnType<typeof generateWorld>['world'];
    const big = world.repositories.find((repository) => repository.name === 'big');
    expect((big?.issues.length ?? 0) + (big?.discussions.length ?? 0)).toBe(1000);
  });

  it('the CLI refuses bad options with a usage message', async () => {
    await expect(run(process.execPath, [cli, '--preset', 'huge'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Usage:') as unknown });
    await expect(run(process.execPath, [cli, '--preset', 'bench', '--items', 'many'])).rejects.toMatchObject({ code: 2 });
  });
});
