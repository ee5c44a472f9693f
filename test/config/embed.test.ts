import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/index.ts';

const minimal = { site: { title: 'Acme roadmap' }, sources: [{ repo: 'acme/widgets' }] };
const frameAncestors = (value: unknown) => parseConfig({ ...minimal, embed: { frameAncestors: value } }).embed.frameAncestors;

function messageFor(value: unknown): string {
  try {
    frameAncestors(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('embed.frameAncestors', () => {
  it('lets any site frame the widget by default', () => {
    expect(parseConfig(minimal).embed).toEqual({ frameAncestors: ['*'] });
  });

  it('takes the sources of a CSP frame-ancestors directive, and quotes self and none', () => {
    expect(frameAncestors(['https://acme.example', 'https://*.acme.example:8443', 'https:', 'self', "'self'", 'docs.acme.example/path'])).toEqual([
      'https://acme.example',
      'https://*.acme.example:8443',
      'https:',
      "'self'",
      "'self'",
      'docs.acme.example/path',
    ]);
    expect(frameAncestors(['none'])).toEqual(["'none'"]);
  });

  it('refuses what would break or widen the header, with the fix', () => {
    // A ";" or a space would start another directive or source in the header.
    expect(messageFor(["https://acme.example; script-src 'unsafe-inline'"])).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - embed.frameAncestors[0]: "https://acme.example; script-src 'unsafe-inline'" is not a frame-ancestors source. Hint: write an origin such as "https://acme.example" or "https://*.acme.example", a scheme such as "https:", "'self'", or "*" for any site"
    `);
    expect(messageFor(['https://a.example https://b.example'])).toContain('is not a frame-ancestors source');
    expect(messageFor(["'unsafe-inline'"])).toContain('is not a frame-ancestors source');
    expect(messageFor([])).toContain('embed.frameAncestors: the list is empty');
    expect(messageFor(['none', 'https://acme.example'])).toContain("'none' is listed with other sources");
  });
});
