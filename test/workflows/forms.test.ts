/**
 * The issue and Discussion forms: valid by GitHub's form syntax (GitHub silently falls back to a
 * blank form otherwise), and wired to what the sync reads.
 * https://docs.github.com/en/communities/using-templates-to-encourage-useful-issues-and-pull-requests/syntax-for-githubs-form-schema
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import config from '../../roadmap.config.ts';
import { REPO_ROOT } from './support/workflows.ts';

interface FormElement {
  type: string;
  id?: string;
  attributes: { label?: string; value?: string; options?: unknown[] };
  validations?: { required?: boolean };
}

interface Form {
  name?: string;
  description?: string;
  labels?: string[];
  body: FormElement[];
}

const read = (path: string) => parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as Form;
const feature = read('.github/ISSUE_TEMPLATE/feature-request.yml');
const ideas = read('.github/DISCUSSION_TEMPLATE/ideas.yml');

function expectValidBody(form: Form): void {
  expect(form.body.length).toBeGreaterThan(0);
  const ids = new Set<string>();
  for (const element of form.body) {
    expect(['markdown', 'textarea', 'input', 'dropdown', 'checkboxes']).toContain(element.type);
    if (element.type === 'markdown') {
      expect(element.attributes.value?.trim()).toBeTruthy();
      continue;
    }
    expect(element.attributes.label?.trim()).toBeTruthy();
    expect(element.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(ids.has(element.id ?? '')).toBe(false);
    ids.add(element.id ?? '');
  }
}

const fieldIds = (form: Form) => form.body.filter((element) => element.type === 'textarea').map((element) => element.id);

describe('the feature request form', () => {
  it('is a valid issue form', () => {
    expect(feature.name?.trim()).toBeTruthy();
    expect(feature.description?.trim()).toBeTruthy();
    expectValidBody(feature);
  });

  it('labels the issue so that it appears on the roadmap', () => {
    const published = config.sources.flatMap((source) => (source.issues === false || source.issues === undefined ? [] : (source.issues.labels ?? [])));
    expect(feature.labels).toEqual(['enhancement']);
    expect(published).toContain('enhancement');
  });

  it('asks for the problem and the proposal (required), and alternatives (optional)', () => {
    expect(fieldIds(feature)).toEqual(['problem', 'proposal', 'alternatives']);
    const required = Object.fromEntries(feature.body.map((element) => [element.id, element.validations?.required ?? false]));
    expect(required).toMatchObject({ problem: true, proposal: true, alternatives: false });
  });

  it('tells people to vote with 👍 on an existing request instead of opening a duplicate', () => {
    expect(feature.body[0]?.type).toBe('markdown');
    expect(feature.body[0]?.attributes.value).toMatch(/👍/);
    expect(feature.body[0]?.attributes.value).toMatch(/instead of opening a new one/);
  });
});

describe('the Ideas discussion form', () => {
  it('is a valid discussion category form for the category the roadmap reads', () => {
    expectValidBody(ideas);
    const categories = config.sources.flatMap((source) =>
      source.discussions === false || source.discussions === undefined ? [] : (source.discussions.categories ?? []),
    );
    // The file name is the category's slug.
    expect(categories.map((category) => category.toLowerCase())).toContain('ideas');
  });

  it('asks the same questions, and to upvote an existing idea instead', () => {
    expect(fieldIds(ideas)).toEqual(['problem', 'proposal', 'alternatives']);
    expect(ideas.body[0]?.attributes.value).toMatch(/upvote/);
  });
});

describe('the issue template chooser', () => {
  const chooser = parse(readFileSync(join(REPO_ROOT, '.github/ISSUE_TEMPLATE/config.yml'), 'utf8')) as {
    contact_links: Array<{ name: string; url: string; about: string }>;
  };

  it('links to the roadmap and to the Ideas discussions', () => {
    expect(chooser.contact_links.map((link) => link.name)).toEqual(['Public roadmap', 'Ideas and questions']);
    for (const link of chooser.contact_links) {
      expect(() => new URL(link.url)).not.toThrow();
      expect(link.about.trim()).toBeTruthy();
    }
    expect(chooser.contact_links[1]?.url).toMatch(/\/discussions\/categories\/ideas$/);
  });

  it('points at the roadmap and repository that roadmap.config.ts names', () => {
    const base = (config.site.base ?? '/').replace(/^\/*/, '/').replace(/\/*$/, '/');
    expect(chooser.contact_links[0]?.url).toBe(`${config.site.url ?? ''}${base}`);
    expect(chooser.contact_links[1]?.url).toBe(`https://github.com/${config.sources[0]?.repo ?? ''}/discussions/categories/ideas`);
  });
});
