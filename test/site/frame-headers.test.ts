import { describe, expect, it } from 'vitest';
import { frameHeaders } from '../../src/site/frame-headers.ts';

/** `_headers` as rules: each path pattern with its headers (the format Netlify and Cloudflare Pages read). */
function rules(text: string): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (line.startsWith(' ')) current?.push(line.trim());
    else parsed.set(line, (current = []));
  }
  return parsed;
}

/** Whether a host's path pattern (a `*` matches anything, the empty string too) matches `path`. */
function matches(pattern: string, path: string): boolean {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(path);
}

const output = { folders: ['_astro', 'about', 'cards', 'changelog', 'embed', 'pagefind', 'requests', 'search'], pages: ['404.html', 'index.html'] };

describe('the _headers file', () => {
  const text = frameHeaders({ base: '/roadmap', output, frameAncestors: ['https://acme.example', "'self'"] });
  const parsed = rules(text);
  const headersFor = (path: string) => [...parsed].filter(([pattern]) => matches(pattern, path)).flatMap(([, headers]) => headers);

  it('lets the configured sites frame the widget, and only with that one policy', () => {
    for (const path of ['/roadmap/embed/', '/roadmap/embed/index.html']) {
      expect(headersFor(path)).toEqual(["Content-Security-Policy: frame-ancestors https://acme.example 'self'"]);
    }
  });

  it('keeps every other page from being framed, under the base', () => {
    for (const path of ['/roadmap/', '/roadmap/index.html', '/roadmap/404.html', '/roadmap/requests/12-dark-mode/', '/roadmap/changelog/v1.0.0/', '/roadmap/about/', '/roadmap/search/']) {
      expect(headersFor(path), path).toEqual(["Content-Security-Policy: frame-ancestors 'none'", 'X-Frame-Options: DENY']);
    }
    expect(headersFor('/roadmap/_astro/app.css')).toEqual([]);
  });

  it('works at the root of a domain too', () => {
    const atRoot = rules(frameHeaders({ base: '/', output, frameAncestors: ['*'] }));
    expect(atRoot.get('/embed/*')).toEqual(['Content-Security-Policy: frame-ancestors *']);
    expect(atRoot.get('/')).toEqual(["Content-Security-Policy: frame-ancestors 'none'", 'X-Frame-Options: DENY']);
    expect(atRoot.has('/requests/*')).toBe(true);
  });
});
