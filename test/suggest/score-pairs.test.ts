import { describe, expect, it } from 'vitest';
import { suggestDuplicates, type SuggestionDocument } from '../../src/suggest/suggest-duplicates.ts';
import { BACKGROUND, templateBody } from './fixtures/task-app-requests.ts';

let next = 100;
function doc(title: string, body: string): SuggestionDocument {
  return { key: `acme/tasklet#${next++}`, title, body };
}

/** Which pairs the suggestion finds among `pairs` when they sit in the background corpus. */
function suggestedAmong(pairs: ReadonlyArray<readonly [SuggestionDocument, SuggestionDocument]>): Set<string> {
  const documents = new Map([...BACKGROUND, ...pairs.flat()].map((document) => [document.key, document]));
  const { suggestions } = suggestDuplicates([...documents.values()]);
  return new Set(suggestions.map(({ a, b }) => [a, b].sort().join(' ')));
}
const id = (a: SuggestionDocument, b: SuggestionDocument) => [a.key, b.key].sort().join(' ');

const PARAPHRASES: ReadonlyArray<readonly [string, SuggestionDocument, SuggestionDocument]> = [
  [
    'dark mode, in other words',
    doc('Dark mode', 'The white interface hurts my eyes at night. Please add a dark theme that follows the system setting.'),
    doc('Night theme for the dashboard', 'Working at night, the bright interface is blinding. A dark colour scheme that switches with the system setting would help.'),
  ],
  [
    'translation, in other words',
    doc('Translate the interface into German', 'Our team in Berlin would prefer German menus, buttons and emails.'),
    doc('Internationalization of the UI', 'We need the menus and buttons in other languages, starting with German.'),
  ],
  [
    'an export asked for twice',
    doc('Export tasks to CSV', 'We report on tasks in a spreadsheet every month and copy them by hand.'),
    doc('Download my task list as a spreadsheet (CSV)', 'I need to get all tasks of a project into Excel for our monthly report.'),
  ],
  [
    'the same title with typos and a different body',
    doc('Markdown preview in task descriptions', 'Descriptions accept Markdown, but while typing I only see the raw text.'),
    doc('Markdwon previews for task descriptoins', 'When I write a description I cannot tell how the Markdown will look until I save it.'),
  ],
];

const LOOK_ALIKES: ReadonlyArray<readonly [string, SuggestionDocument, SuggestionDocument]> = [
  [
    'different requests written in the same issue template',
    doc('Export tasks to PDF', templateBody('Clients want a printable status report.', 'Export a project as a PDF with its open tasks.')),
    doc('Dependencies between tasks', templateBody('Some tasks cannot start before others are done.', 'Mark a task as blocked by another and show it on the board.')),
  ],
  [
    'integrations with different services',
    doc('Import from Trello', 'We are moving from Trello and want to bring our boards, cards and checklists along with their comments.'),
    doc('Import from Asana', 'We are moving from Asana and want to bring our projects, tasks and subtasks along with their comments.'),
  ],
  [
    'documentation about a feature, and the feature',
    doc('How do REST API rate limits work? Please document them', 'Our integration gets throttled by the REST API and nothing says what the rate limits per token are.'),
    doc('Configurable REST API rate limits', 'Self-hosted admins need to raise the REST API rate limits per token for integrations.'),
  ],
];

/** A customer pastes the same paragraph about their setup into every request they file. */
const SETUP = 'We are a team of forty at Northwind running Tasklet Enterprise on premises behind a proxy, with single sign-on through our own identity provider and nightly backups.';
const SAME_REPORTER = [
  doc('Export a project as PDF', `${SETUP}\n\nClients want a printable status report of a project.`),
  doc('Dependencies between tasks', `${SETUP}\n\nSome tasks cannot start before others are done.`),
  doc('Colour labels on tasks', `${SETUP}\n\nWe sort work by team and want to see it at a glance.`),
] as const;

/** Three requests of one series, each written by someone else. */
const SERIES = [
  doc('Sort the task list by due date', 'Let me sort the task list by due date, so that the most urgent tasks come first in the list view.'),
  doc('Sort the task list by assignee', 'Let me sort the task list by assignee, so that each person finds their own tasks together in the list view.'),
  doc('Sort the task list by estimate', 'Let me sort the task list by estimate, so that the quickest tasks come first in the list view.'),
];

describe('scoring', () => {
  const found = suggestedAmong([
    ...PARAPHRASES.map(([, a, b]) => [a, b] as const),
    ...LOOK_ALIKES.map(([, a, b]) => [a, b] as const),
    [SERIES[0]!, SERIES[1]!],
    [SERIES[1]!, SERIES[2]!],
    [SAME_REPORTER[0], SAME_REPORTER[1]],
    [SAME_REPORTER[1], SAME_REPORTER[2]],
  ]);

  it.each(PARAPHRASES)('suggests %s', (_case, a, b) => {
    expect(found.has(id(a, b))).toBe(true);
  });

  it.each(LOOK_ALIKES)('does not suggest %s', (_case, a, b) => {
    expect(found.has(id(a, b))).toBe(false);
  });

  it('does not suggest siblings of a series ("Sort the task list by due date / assignee / estimate")', () => {
    for (const [a, b] of [[0, 1], [0, 2], [1, 2]] as const) expect(found.has(id(SERIES[a]!, SERIES[b]!))).toBe(false);
  });

  it('does not suggest different requests that share a pasted paragraph', () => {
    for (const [a, b] of [[0, 1], [0, 2], [1, 2]] as const) expect(found.has(id(SAME_REPORTER[a], SAME_REPORTER[b]))).toBe(false);
  });

  it('suggests nothing between unrelated requests', () => {
    expect(suggestDuplicates(BACKGROUND).suggestions).toEqual([]);
  });

  it('gives each suggestion a score between the threshold and 1, and the shared words as written', () => {
    const [a, b] = [PARAPHRASES[0]![1], PARAPHRASES[0]![2]];
    const { suggestions } = suggestDuplicates([...BACKGROUND, a, b]);
    expect(suggestions).toHaveLength(1);
    const [suggestion] = suggestions;
    expect(suggestion?.score).toBeGreaterThanOrEqual(0.35);
    expect(suggestion?.score).toBeLessThanOrEqual(1);
    expect(suggestion?.reasons).toContain('dark mode');
  });

  it('puts the older request first: the newer one is the likely duplicate', () => {
    const older = { ...PARAPHRASES[0]![2], createdAt: '2024-01-01T00:00:00Z' };
    const newer = { ...PARAPHRASES[0]![1], createdAt: '2025-06-01T00:00:00Z' };
    const [suggestion] = suggestDuplicates([...BACKGROUND, newer, older]).suggestions;
    expect([suggestion?.a, suggestion?.b]).toEqual([older.key, newer.key]);
  });

  it('lowers or raises the bar with the threshold', () => {
    const pairs = PARAPHRASES.flatMap(([, a, b]) => [a, b]);
    const strict = suggestDuplicates([...BACKGROUND, ...pairs], { threshold: 0.9 }).suggestions;
    const loose = suggestDuplicates([...BACKGROUND, ...pairs], { threshold: 0.1 }).suggestions;
    expect(strict.length).toBeLessThan(PARAPHRASES.length);
    expect(loose.length).toBeGreaterThanOrEqual(PARAPHRASES.length);
    expect(suggestDuplicates([...BACKGROUND, ...pairs], { limit: 2 }).suggestions).toHaveLength(2);
  });
});
