import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/index.ts';

const minimal = { site: { title: 'Acme roadmap' }, sources: [{ repo: 'acme/widgets' }] };

/** The error message users see for `input`; fails the test when the input is valid. */
function messageFor(input: unknown): string {
  try {
    parseConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected the configuration to be refused');
}

/** `minimal` with one section replaced. */
function withSection(section: string, value: unknown): Record<string, unknown> {
  return { ...minimal, [section]: value };
}

function withSite(site: Record<string, unknown>): Record<string, unknown> {
  return { ...minimal, site: { ...minimal.site, ...site } };
}

describe('configuration errors', () => {
  it('lists every problem at once, one line each', () => {
    const error = (() => {
      try {
        return parseConfig({ site: { title: 'Acme', language: 'english' }, sources: [{ repo: 'acme' }] });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toHaveLength(2);
    expect((error as ConfigError).message).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - site.language: "english" is not a BCP 47 language tag. Hint: did you mean "en"? The site is translated into "en" (English), "de" (German), "ja" (Japanese) or "ar" (Arabic)
      - sources[0].repo: "acme" is not "owner/name". Hint: write the repository as "owner/name", e.g. "withastro/astro""
    `);
  });

  it('says what is missing when the configuration is empty or not an object', () => {
    expect(messageFor({})).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - site: expected an object, got nothing. Hint: add site: { title: "Acme roadmap" } at least
      - sources: expected a list, got nothing. Hint: list the repositories to publish, e.g. sources: [{ repo: "withastro/astro" }]"
    `);
    expect(messageFor(undefined)).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - the configuration: expected an object, got nothing. Hint: export the configuration object: export default defineConfig({ site: { … }, sources: [ … ] })"
    `);
  });

  it('names unknown options and suggests the one that was probably meant', () => {
    expect(
      messageFor({
        ...minimal,
        sorces: [],
        site: { title: 'Acme', titel: 'Acme', colour: 'red' },
        votes: { reactionz: ['HEART'] },
      }),
    ).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - site.titel: unknown option. Hint: did you mean "title"?
      - site.colour: unknown option. Hint: remove it; the options here are title, description, url, base, logo, language, theme, socialImages and externalImages
      - votes.reactionz: unknown option. Hint: did you mean "reactions"?
      - sorces: unknown option. Hint: did you mean "sources"?"
    `);
  });

  it('says what type was expected and what was given', () => {
    expect(
      messageFor({
        ...minimal,
        votes: { countAuthor: 'yes', trendingHalfLifeDays: '14' },
        sync: { comments: 2.5, fullSyncEveryHours: 'true' },
        exclude: { labels: 'spam', bots: 'false' },
      }),
    ).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - votes.countAuthor: expected true or false, got "yes"
      - votes.trendingHalfLifeDays: expected a number, got "14". Hint: write the number without quotes: 14
      - exclude.labels: expected a list, got "spam". Hint: write a list, e.g. ["spam"]
      - exclude.bots: expected true or false, got "false". Hint: write false without quotes
      - sync.fullSyncEveryHours: expected a number, got "true"
      - sync.comments: expected a whole number, got 2.5. Hint: use 3"
    `);
  });

  it('explains a wrong repository name with the fix for the slip made', () => {
    expect(
      messageFor({
        ...minimal,
        sources: [{ repo: 'acme' }, { repo: 'https://github.com/acme/widgets' }, { repo: 'acme/widgets.git' }, {}],
      }),
    ).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - sources[0].repo: "acme" is not "owner/name". Hint: write the repository as "owner/name", e.g. "withastro/astro"
      - sources[1].repo: "https://github.com/acme/widgets" is not "owner/name". Hint: write just "acme/widgets"
      - sources[2].repo: "acme/widgets.git" is not "owner/name". Hint: drop ".git": "acme/widgets"
      - sources[3].repo: expected a string, got nothing. Hint: name the repository, e.g. repo: "withastro/astro""
    `);
  });

  it('shows how to write a source given as a plain string or outside a list', () => {
    expect(messageFor(withSection('sources', ['acme/widgets']))).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - sources[0]: expected an object, got "acme/widgets". Hint: write { repo: "acme/widgets" }"
    `);
    expect(messageFor(withSection('sources', { repo: 'acme/widgets' }))).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - sources: expected a list, got an object. Hint: put the source in a list: sources: [{ repo: … }]"
    `);
  });

  it('refuses the same repository twice, whatever its case', () => {
    expect(messageFor({ ...minimal, sources: [{ repo: 'acme/widgets' }, { repo: 'Acme/Widgets' }] }))
      .toMatchInlineSnapshot(`
      "The configuration is not valid:
      - sources[1].repo: "Acme/Widgets" is already listed as sources[0]. Hint: list each repository once, with all its options in one entry"
    `);
  });

  it('refuses an empty source list and a source that publishes nothing', () => {
    expect(messageFor(withSection('sources', []))).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - sources: must not be empty. Hint: list at least one repository, e.g. [{ repo: "withastro/astro" }]"
    `);
    expect(messageFor(withSection('sources', [{ repo: 'acme/widgets', issues: false, discussions: false }])))
      .toMatchInlineSnapshot(`
      "The configuration is not valid:
      - sources[0]: issues and discussions are both false, so nothing from "acme/widgets" would be published. Hint: remove this source, or publish its issues or Discussions"
    `);
  });

  it('explains what issues and discussions accept', () => {
    expect(
      messageFor(
        withSection('sources', [
          { repo: 'acme/widgets', issues: true, discussions: { category: ['ideas'] } },
          { repo: 'acme/gadgets', issues: { labels: 'enhancement' }, discussions: 'ideas' },
        ]),
      ),
    ).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - sources[0].issues: expected false or an object, got true. Hint: write { labels: ["enhancement"] } for issues with those labels, { labels: [] } for every issue, or false to skip issues
      - sources[0].discussions.category: unknown option. Hint: did you mean "categories"?
      - sources[1].issues.labels: expected a list, got "enhancement". Hint: write a list, e.g. ["enhancement"]
      - sources[1].discussions: expected false or an object, got "ideas". Hint: write { categories: ["ideas"] } for those categories, { categories: [] } for every category, or false to skip Discussions"
    `);
  });

  it('explains where "Suggest a feature" may lead', () => {
    expect(
      messageFor(
        withSection('sources', [
          { repo: 'acme/widgets', suggest: true },
          { repo: 'acme/gadgets', suggest: { issueTemplate: '.github/ISSUE_TEMPLATE/feature request' } },
          { repo: 'acme/gizmos', suggest: { discussionCategory: 'Feature Ideas' } },
          { repo: 'acme/doodads', suggest: { discussion: 'ideas' } },
          { repo: 'acme/thingies', suggest: { issueTemplate: 'feature.yml', discussionCategory: 'ideas' } },
        ]),
      ),
    ).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - sources[0].suggest: expected false, "issues" or an object, got true. Hint: write "issues" for GitHub's new-issue chooser, { issueTemplate: "feature_request.yml" }, { discussionCategory: "ideas" }, or false for no link
      - sources[1].suggest.issueTemplate: ".github/ISSUE_TEMPLATE/feature request" is not a file name in .github/ISSUE_TEMPLATE. Hint: write the file name alone, e.g. "feature_request.yml"
      - sources[2].suggest.discussionCategory: "Feature Ideas" is not a Discussion category slug. Hint: write the slug from the category's address, e.g. "feature-ideas"
      - sources[3].suggest.discussion: unknown option. Hint: remove it; the options here are issueTemplate and discussionCategory
      - sources[3].suggest: names no issue form and no Discussion category. Hint: write { issueTemplate: "feature_request.yml" } or { discussionCategory: "ideas" }
      - sources[4].suggest: names both an issue form and a Discussion category. Hint: write { issueTemplate: "feature_request.yml" } or { discussionCategory: "ideas" }"
    `);
    const parsed = parseConfig(
      withSection('sources', [
        { repo: 'acme/widgets', suggest: { issueTemplate: 'feature_request.yml' } },
        { repo: 'acme/gadgets', suggest: { discussionCategory: 'feature-ideas' } },
        { repo: 'acme/gizmos', suggest: false },
      ]),
    );
    expect(parsed.sources.map((source) => source.suggest)).toEqual([
      { issueTemplate: 'feature_request.yml' },
      { discussionCategory: 'feature-ideas' },
      false,
    ]);
  });

  it('names the valid statuses when a map uses an unknown one', () => {
    expect(
      messageFor(
        withSection('statuses', {
          labels: { 'status: planned': 'plan', wip: 'in progress' },
          milestone: true,
          open: 'new',
          closed: { completed: 'done' },
          names: { shiped: 'Done' },
        }),
      ),
    ).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - statuses.labels["status: planned"]: "plan" is not a status. Hint: use "under-review", "planned", "in-progress", "shipped" or "declined"
      - statuses.labels.wip: "in progress" is not a status. Hint: did you mean "in-progress"? The statuses are "under-review", "planned", "in-progress", "shipped" or "declined"
      - statuses.milestone: true is not a status. Hint: use "under-review", "planned", "in-progress", "shipped" or "declined", or null to ignore milestones
      - statuses.open: "new" is not a status. Hint: use "under-review", "planned", "in-progress", "shipped" or "declined"
      - statuses.closed.completed: "done" is not a status. Hint: use "under-review", "planned", "in-progress", "shipped" or "declined"
      - statuses.names.shiped: unknown option. Hint: did you mean "shipped"?"
    `);
  });

  it('refuses an empty label name in the status map', () => {
    expect(messageFor(withSection('statuses', { labels: { '': 'planned' } }))).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - statuses.labels[""]: this key must not be empty"
    `);
  });

  it('explains wrong site addresses and paths', () => {
    expect(messageFor(withSite({ url: 'acme.github.io', base: 'https://acme.github.io/roadmap' })))
      .toMatchInlineSnapshot(`
      "The configuration is not valid:
      - site.url: "acme.github.io" is not an absolute URL. Hint: add the scheme: "https://acme.github.io"
      - site.base: "https://acme.github.io/roadmap" is a URL, not a path. Hint: put the address in site.url and only the path here, e.g. "/roadmap""
    `);
    expect(messageFor(withSite({ url: 'https://acme.github.io/roadmap/' }))).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - site.url: "https://acme.github.io/roadmap/" has a path. Hint: give the path in site.base instead: url: "https://acme.github.io", base: "/roadmap""
    `);
    expect(messageFor(withSite({ url: 'ftp://acme.example', base: '/road map' }))).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - site.url: "ftp://acme.example" is not an http(s) URL. Hint: write an address starting with "https://"
      - site.base: "/road map" is not a path prefix. Hint: use letters, digits, "-", "_", "." and "/" only, e.g. "/roadmap""
    `);
  });

  it('names the languages the site is translated into, and the one a slip meant', () => {
    expect(messageFor(withSite({ language: 'xx' }))).toMatch(/"xx" is a language the site has no translation for\. Hint: the site is translated into "en" \(English\)/);
    expect(messageFor(withSite({ language: 'english' }))).toMatch(/"english" is not a BCP 47 language tag\. Hint: did you mean "en"\?/);
  });

  it('explains a wrong logo, language or title', () => {
    expect(messageFor(withSite({ title: ' ', logo: 'public/logo.svg', language: 'english' }))).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - site.title: must not be empty. Hint: name the roadmap, e.g. title: "Acme roadmap"
      - site.logo: "public/logo.svg" starts with "public/". Hint: the path is already relative to public/: "logo.svg"
      - site.language: "english" is not a BCP 47 language tag. Hint: did you mean "en"? The site is translated into "en" (English), "de" (German), "ja" (Japanese) or "ar" (Arabic)"
    `);
    expect(messageFor(withSite({ logo: 'logo.txt' }))).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - site.logo: "logo.txt" is not an image. Hint: use an image file ending in .svg, .png, .jpg, .jpeg, .webp, .avif or .gif"
    `);
    expect(messageFor(withSite({ logo: 'https://acme.example/logo.svg' }))).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - site.logo: "https://acme.example/logo.svg" is a URL. Hint: copy the image into public/ and give its path there, e.g. "logo.svg""
    `);
  });

  it('refuses theme values that are not CSS colours, including attempts to break out of the stylesheet', () => {
    expect(
      messageFor(
        withSite({ theme: { accent: 'blue', accentDark: '#12345', background: 'red; } body { display: none' } }),
      ),
    ).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - site.theme.accent: "blue" is not a CSS colour. Hint: write a colour like "#2f5bd3", "rgb(47 91 211)", "hsl(224 64% 50%)" or "oklch(52% 0.18 264)"
      - site.theme.accentDark: "#12345" is not a CSS colour. Hint: write a colour like "#2f5bd3", "rgb(47 91 211)", "hsl(224 64% 50%)" or "oklch(52% 0.18 264)"
      - site.theme.background: "red; } body { display: none" is not a CSS colour. Hint: write a colour like "#2f5bd3", "rgb(47 91 211)", "hsl(224 64% 50%)" or "oklch(52% 0.18 264)""
    `);
  });

  it('explains wrong vote reactions', () => {
    expect(messageFor(withSection('votes', { reactions: [] }))).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - votes.reactions: must not be empty. Hint: list at least one reaction, e.g. ["THUMBS_UP"]"
    `);
    expect(messageFor(withSection('votes', { reactions: ['thumbs_up', 'clap'] }))).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - votes.reactions[0]: "thumbs_up" is not a GitHub reaction. Hint: did you mean "THUMBS_UP"?
      - votes.reactions[1]: "clap" is not a GitHub reaction. Hint: use THUMBS_UP, THUMBS_DOWN, LAUGH, HOORAY, CONFUSED, HEART, ROCKET, EYES, or a REST name or emoji such as "+1" or "👍""
    `);
  });

  it('explains numbers out of range', () => {
    expect(
      messageFor({
        ...minimal,
        votes: { trendingHalfLifeDays: 0 },
        sync: { comments: 21, fullSyncEveryHours: -1 },
      }),
    ).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - votes.trendingHalfLifeDays: expected a number greater than 0, got 0
      - sync.fullSyncEveryHours: expected 0 or more, got -1
      - sync.comments: expected 20 or less, got 21"
    `);
  });

  it('explains a wrong excluded user', () => {
    expect(messageFor(withSection('exclude', { users: ['octo cat', ''] }))).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - exclude.users[0]: "octo cat" is not a GitHub login. Hint: write the login as in the profile address github.com/<login>, e.g. "octocat"
      - exclude.users[1]: "" is not a GitHub login. Hint: write the login as in the profile address github.com/<login>, e.g. "octocat""
    `);
  });

  it('explains a wrong number of request cards', () => {
    expect(messageFor({ ...minimal, site: { title: 'Acme', socialImages: { requests: -5 } } })).toMatch(
      /site\.socialImages\.requests: .*Hint: use 0 for no request cards, or a positive number/,
    );
    expect(messageFor({ ...minimal, site: { title: 'Acme', socialImages: { requests: 2.5 } } })).toMatch(
      /site\.socialImages\.requests: .*Hint: give a whole number of requests/,
    );
  });

  it('explains a wrong way of showing external images', () => {
    expect(messageFor({ ...minimal, site: { title: 'Acme', externalImages: 'proxy' } })).toMatch(
      /site\.externalImages: .*Hint: use "fetch" to download external images at build time, or "link" to show them as links/,
    );
  });
});
