import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/index.ts';

const minimal = { site: { title: 'Acme roadmap' }, sources: [{ repo: 'acme/widgets' }] };

function problemsFor(channels: unknown): readonly string[] {
  try {
    parseConfig({ ...minimal, channels });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the configuration to be refused');
}

describe('channels in roadmap.config.ts', () => {
  it('default to none, and give each channel a slug from its name and the requests format', () => {
    expect(parseConfig(minimal).channels).toEqual([]);
    expect(parseConfig({ ...minimal, channels: [{ name: 'Old Fider board', file: 'fider', format: 'fider' }, { name: 'E-mail', file: 'mail.csv' }] }).channels).toEqual([
      { name: 'Old Fider board', file: 'fider', format: 'fider', slug: 'old-fider-board', duplicateOf: {} },
      { name: 'E-mail', file: 'mail.csv', format: 'requests', slug: 'e-mail', duplicateOf: {} },
    ]);
  });

  it('say what is wrong with a channel, per field, with a hint', () => {
    expect(
      problemsFor([
        { name: 'Email', file: 'a.csv', format: 'canny' },
        { name: '', file: 'b.csv' },
        { name: 'email', file: 'c.csv' },
        { name: 'Forms', file: 'd.csv', slug: 'Forms Two' },
      ]),
    ).toEqual([
      'channels[0].format: "canny" is not a channel format. Hint: use \'requests\' or \'fider\'',
      'channels[1].name: the channel has no name. Hint: name it as visitors should read it, e.g. "Email"',
      'channels[3].slug: the slug is not a short lower-case name. Hint: use letters, digits and hyphens, e.g. "email"',
    ]);
    expect(problemsFor([{ name: 'Email', file: 'a.csv' }, { name: 'email', file: 'b.csv' }])).toEqual([
      'channels[1].slug: two channels share the slug "email". Hint: give one of them another name or a `slug` of its own',
    ]);
  });
});
