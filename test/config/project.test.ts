import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/index.ts';

const minimal = { site: { title: 'Acme roadmap' }, sources: [{ repo: 'acme/widgets' }] };

function messageFor(project: unknown): string {
  try {
    parseConfig({ ...minimal, project });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('project', () => {
  it('is off unless configured, and fills in the date windows of a horizon field', () => {
    expect(parseConfig(minimal).project).toBeNull();
    expect(parseConfig({ ...minimal, project: { user: 'octocat', number: 3, horizon: { field: 'Target date' } } }).project).toEqual({
      user: 'octocat',
      number: 3,
      horizon: { field: 'Target date', nowWithinDays: 30, nextWithinDays: 90 },
    });
  });

  it('turns a pasted project address into the owner and number to write', () => {
    expect(messageFor('https://github.com/orgs/acme/projects/7')).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - project: expected an object, got "https://github.com/orgs/acme/projects/7". Hint: write { organization: "acme", number: 7 }"
    `);
    expect(messageFor('https://github.com/users/octocat/projects/2/views/1')).toContain('Hint: write { user: "octocat", number: 2 }');
  });

  it('suggests the status or horizon that was probably meant, per field', () => {
    expect(
      messageFor({
        organization: 'acme',
        number: 1,
        status: { field: 'Status', options: { Todo: 'planed', Done: 'shipped' } },
        horizon: { field: 'Quarter', options: { Q1: 'nwo', Q2: 'soon' } },
      }),
    ).toMatchInlineSnapshot(`
      "The configuration is not valid:
      - project.status.options.Todo: "planed" is not a status. Hint: did you mean "planned"? The statuses are "under-review", "planned", "in-progress", "shipped" or "declined"
      - project.horizon.options.Q1: "nwo" is not a horizon. Hint: did you mean "now"? The horizons are "now", "next" or "later"
      - project.horizon.options.Q2: "soon" is not a horizon. Hint: use "now", "next" or "later""
    `);
  });

  it('wants exactly one owner, a number and at least one mapped field', () => {
    expect(messageFor({ organization: 'acme', user: 'octocat', number: 1, horizon: { field: 'Iteration' } })).toContain(
      'project: names both an organization and a user. Hint: write organization: "acme" for github.com/orgs/acme/projects/…',
    );
    expect(messageFor({ organization: 'acme', horizon: { field: 'Iteration' } })).toContain(
      "project.number: expected a number, got nothing. Hint: write the number from the project's address",
    );
    expect(messageFor({ organization: 'acme', number: 1 })).toContain('project: maps no field, so the project would change nothing');
    expect(messageFor({ organization: 'acme', number: 1, stauts: { field: 'Status', options: {} } })).toContain(
      'project.stauts: unknown option. Hint: did you mean "status"?',
    );
  });

  it('keeps Next after Now for a date field', () => {
    expect(messageFor({ organization: 'acme', number: 1, horizon: { field: 'Due', nowWithinDays: 60, nextWithinDays: 30 } })).toContain(
      'project.horizon.nextWithinDays: 30 is less than nowWithinDays (60)',
    );
  });
});
