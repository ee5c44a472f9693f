/**
 * Markdown rendered in a batch on worker threads is exactly what the main thread renders, for
 * ordinary and hostile text alike; a batch whose workers cannot start still renders, on the main
 * thread, and says so.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderDirectly, renderInBatch, type MarkdownRenderer } from '../../src/markdown/markdown-batch.ts';
import { markdownExcerpt } from '../../src/markdown/markdown-excerpt.ts';
import { renderMarkdown, renderMarkdownWithExcerpt } from '../../src/markdown/render-markdown.ts';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';
import { BODY_PAYLOADS, hostileBody, type BodyPayloadKind } from '../../scripts/dev/demo/hostile-payloads.ts';

const WORKER = fileURLToPath(new URL('../../src/markdown/markdown-worker.ts', import.meta.url));

const bodies = [
  '## Why\n\nSee #12, @octocat and lumen-dev/lumen#7.\n\n- [x] done\n- [ ] open\n\n| a | b |\n| - | - |\n| 1 | 2 |',
  '<details><summary>Logs</summary>\n\n```js\nconsole.log(1)\n```\n</details>\n\n<!-- hidden -->',
  hostileBody(Object.keys(BODY_PAYLOADS) as BodyPayloadKind[]),
  '',
];

/** An entry as `view-entries.ts` builds one: a body, two comments and an excerpt. */
function buildEntry(index: number) {
  const body = `${bodies[index % bodies.length] ?? ''}\n\nEntry ${index}.`;
  return (render: MarkdownRenderer) => ({
    id: index,
    html: render.html(body, { repository: 'lumen-dev/lumen' }),
    excerpt: render.excerpt(body),
    comments: [0, 1].map((comment) => render.html(`Comment ${comment} on ${index}: #${index}`, { repository: 'lumen-dev/lumen', topHeadingLevel: 4 })),
  });
}

describe('renderInBatch', () => {
  const builds = Array.from({ length: 120 }, (_, index) => buildEntry(index));
  const direct = builds.map((build) => build(renderDirectly));

  it('renders on worker threads exactly what the main thread renders', async () => {
    const warnings: string[] = [];
    const batched = await renderInBatch(builds, { workerFile: WORKER, threads: 2, minJobs: 1, chunkSize: 7, warn: (message) => warnings.push(message) });
    expect(warnings).toEqual([]);
    expect(batched).toEqual(direct);
    expect(batched[2]?.html).toContain('XSS-PROBE');
    expect(batched[2]?.html).not.toMatch(/<script|<[^>]*\son\w+=|="\s*javascript:/i);
  });

  it('renders on the main thread, and warns, when the workers cannot start', async () => {
    const warnings: string[] = [];
    const batched = await renderInBatch(builds, {
      workerFile: join(fileURLToPath(new URL('.', import.meta.url)), 'no-such-worker.ts'),
      threads: 2,
      minJobs: 1,
      warn: (message) => warnings.push(message),
    });
    expect(batched).toEqual(direct);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Markdown is rendered on one thread/);
  });

  it('refuses an entry that asks for different Markdown the second time', async () => {
    let calls = 0;
    const unstable = (render: MarkdownRenderer) => render.html(`call ${calls++}`, { repository: 'lumen-dev/lumen' });
    await expect(renderInBatch([unstable], { threads: 1 })).rejects.toThrow(/must be deterministic/);
  });
});

describe('renderMarkdownWithExcerpt', () => {
  it('gives, parsing once, the HTML and excerpt that rendering them apart gives, over every text of the demo', async () => {
    const snapshot = await readSnapshot(fileURLToPath(new URL('../../content/snapshot/', import.meta.url)));
    const texts = [
      ...bodies,
      ...snapshot.items.flatMap((item) => [item.body, ...item.comments.map((comment) => comment.body)]),
      ...snapshot.repositories.flatMap((repository) => repository.releases.map((release) => release.body)),
    ];
    expect(texts.length).toBeGreaterThan(500);
    const options = { repository: 'lumen-dev/lumen', taskLabels: { done: 'Done', open: 'Open' } };
    for (const text of texts) {
      expect(renderMarkdownWithExcerpt(text, options)).toEqual({ html: renderMarkdown(text, options), excerpt: markdownExcerpt(text) });
    }
  });
});
