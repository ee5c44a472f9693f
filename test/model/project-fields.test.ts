import { describe, expect, it } from 'vitest';
import { parseConfig, type ProjectConfig } from '../../src/config/index.ts';
import { projectHorizon, projectStatus, type ProjectEntry } from '../../src/model/project-fields.ts';
import type { ProjectHorizonValue, ProjectSnapshot } from '../../src/snapshot/schema.ts';

const SYNCED_AT = '2027-03-10T12:00:00Z';

function projectConfig(project: Record<string, unknown>): ProjectConfig {
  const parsed = parseConfig({ site: { title: 'T' }, sources: [{ repo: 'acme/widgets' }], project: { organization: 'acme', number: 1, ...project } }).project;
  if (!parsed) throw new Error('expected a project');
  return parsed;
}

function entry(horizon: ProjectHorizonValue | null, status: string | null = null, horizonField: ProjectSnapshot['horizonField'] = null): ProjectEntry {
  return {
    project: { schemaVersion: 3, owner: 'acme', ownerType: 'Organization', number: 1, title: 'Roadmap', url: 'https://github.com/orgs/acme/projects/1', statusField: null, horizonField, items: [] },
    item: { repository: 'acme/widgets', number: 1, id: 'PVTI_1', updatedAt: SYNCED_AT, status, horizon },
  };
}

const byStatus = projectConfig({ status: { field: 'Status', options: { Todo: 'planned', 'In progress': 'in-progress', Done: 'shipped', "Won't do": 'declined' } } });

describe('the status a project gives', () => {
  it.each([
    ['open, mapped', 'In progress', true, 'in-progress'],
    ['open, mapped in another case', 'in PROGRESS', true, 'in-progress'],
    ['open, not mapped', 'Blocked', true, null],
    ['open, no value', null, true, null],
    ['closed, still "In progress" on the board', 'In progress', false, null],
    ['closed, Done', 'Done', false, 'shipped'],
    ["closed, Won't do", "Won't do", false, 'declined'],
  ])('%s', (_case, option, open, expected) => {
    expect(projectStatus(entry(null, option), open, byStatus)).toBe(expected);
  });
});

describe('the horizon a project gives', () => {
  const byDate = projectConfig({ horizon: { field: 'Target', nowWithinDays: 30, nextWithinDays: 90 } });
  it.each([
    ['past', '2027-02-01', 'now'],
    ['today', '2027-03-10', 'now'],
    ['30 days on', '2027-04-09', 'now'],
    ['31 days on', '2027-04-10', 'next'],
    ['90 days on', '2027-06-08', 'next'],
    ['91 days on', '2027-06-09', 'later'],
  ])('a date %s', (_case, date, expected) => {
    expect(projectHorizon(entry({ kind: 'date', date }), SYNCED_AT, byDate)?.horizon).toBe(expected);
  });

  it('maps a single-select option, whatever its case, and leaves an unmapped one off', () => {
    const byQuarter = projectConfig({ horizon: { field: 'Quarter', options: { 'Q1 2027': 'now', 'Q2 2027': 'next' } } });
    expect(projectHorizon(entry({ kind: 'option', name: 'q2 2027' }), SYNCED_AT, byQuarter)).toMatchObject({ horizon: 'next', title: 'q2 2027', dueOn: null });
    expect(projectHorizon(entry({ kind: 'option', name: 'Someday' }), SYNCED_AT, byQuarter)).toBeNull();
  });

  it('puts the running and finished iterations in Now, the first upcoming in Next, the others in Later', () => {
    const byIteration = projectConfig({ horizon: { field: 'Iteration' } });
    const iterations = [
      { id: 'a', title: 'Sprint 1', startDate: '2027-02-10', duration: 14 },
      { id: 'b', title: 'Sprint 2', startDate: '2027-03-03', duration: 14 },
      { id: 'c', title: 'Sprint 3', startDate: '2027-03-17', duration: 14 },
      { id: 'd', title: 'Sprint 4', startDate: '2027-03-31', duration: 14 },
    ];
    const field = { dataType: 'ITERATION' as const, name: 'Iteration', iterations };
    const horizons = iterations.map((iteration) => projectHorizon(entry({ kind: 'iteration', iterationId: iteration.id, ...iteration }, null, field), SYNCED_AT, byIteration));
    expect(horizons.map((horizon) => horizon?.horizon)).toEqual(['now', 'now', 'next', 'later']);
    // Its last day is its due date.
    expect(horizons[1]?.dueOn).toBe('2027-03-16T00:00:00Z');
  });
});
