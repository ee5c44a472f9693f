/**
 * What the configured GitHub Project (v2) says about a request: its status (from the mapped
 * single-select field) and where it sits on Now / Next / Later (from the mapped iteration, date or
 * single-select field). These override labels and milestones for the items in the project:
 *
 * - status: an item in the project whose option is mapped has that status, whatever its labels
 *   and milestone say. A closed item takes it only when it is `shipped` or `declined`, since a
 *   closed issue is not still to be done; otherwise its close reason decides, as without a project.
 * - horizon: an open request in the project is placed by its field value only (no value, no
 *   horizon), never by its milestone; requests outside the project keep their milestones.
 *
 * A request is in the project when its canonical item is, else when one of its duplicates is.
 */
import type { HorizonId, ProjectConfig } from '../config/schemas/project.ts';
import type { StatusId } from '../config/status-ids.ts';
import type { Snapshot } from '../snapshot/read-snapshot.ts';
import type { ProjectItem, ProjectSnapshot } from '../snapshot/schema.ts';
import { itemKey } from './item-key.ts';
import type { ItemKey } from './types.ts';

const DAY_MS = 86_400_000;

export interface ProjectEntry {
  project: ProjectSnapshot;
  item: ProjectItem;
}

/** The project's item for each item key, for the configured project only. */
export function projectEntries(snapshot: Snapshot, project: ProjectConfig | null | undefined): Map<ItemKey, ProjectEntry> {
  const entries = new Map<ItemKey, ProjectEntry>();
  if (!project) return entries;
  const login = (project.organization ?? project.user ?? '').toLowerCase();
  const synced = snapshot.projects?.find((candidate) => candidate.owner.toLowerCase() === login && candidate.number === project.number);
  if (!synced) return entries;
  for (const item of synced.items) entries.set(itemKey(item), { project: synced, item });
  return entries;
}

/** The project entry of a request: its canonical item's, else its first duplicate's in the project. */
export function entryOfRequest(keys: readonly ItemKey[], entries: ReadonlyMap<ItemKey, ProjectEntry>): ProjectEntry | null {
  for (const key of keys) {
    const entry = entries.get(key);
    if (entry) return entry;
  }
  return null;
}

function mapped<T>(options: Readonly<Record<string, T>> | undefined, name: string | null): T | null {
  if (options === undefined || name === null) return null;
  const lower = name.toLowerCase();
  for (const [option, value] of Object.entries(options)) if (option.toLowerCase() === lower) return value;
  return null;
}

/** The status the project gives an item, or null when it says nothing that counts (see the rules above). */
export function projectStatus(entry: ProjectEntry | null, open: boolean, project: ProjectConfig | null | undefined): StatusId | null {
  const status = mapped(project?.status?.options, entry?.item.status ?? null);
  if (status === null) return null;
  return open || status === 'shipped' || status === 'declined' ? status : null;
}

export interface ProjectHorizon {
  horizon: HorizonId;
  /** What groups requests on the board: an option, an iteration, or the horizon itself for dates. */
  group: string;
  title: string;
  /** Last day of the iteration, or the date; null for an option. */
  dueOn: string | null;
  /** Orders groups within a horizon. */
  order: string;
}

const dayOf = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const asDueOn = (day: number): string => `${new Date(day).toISOString().slice(0, 10)}T00:00:00Z`;

/** Where the project places an item, on the day the snapshot was taken; null when nowhere. */
export function projectHorizon(entry: ProjectEntry, syncedAt: string, project: ProjectConfig): ProjectHorizon | null {
  const value = entry.item.horizon;
  const rules = project.horizon;
  if (value === null || rules === undefined) return null;
  const today = dayOf(syncedAt);
  switch (value.kind) {
    case 'option': {
      const horizon = mapped(rules.options, value.name);
      if (horizon === null) return null;
      const field = entry.project.horizonField;
      const position = field?.dataType === 'SINGLE_SELECT' ? field.options.findIndex((option) => option.toLowerCase() === value.name.toLowerCase()) : -1;
      return { horizon, group: `option:${value.name.toLowerCase()}`, title: value.name, dueOn: null, order: String(position < 0 ? 9999 : position).padStart(4, '0') };
    }
    case 'iteration': {
      const start = dayOf(value.startDate);
      const end = start + value.duration * DAY_MS;
      let horizon: HorizonId = 'now';
      if (start > today) {
        // The first iteration to start after today is Next, any after it Later.
        const field = entry.project.horizonField;
        const upcoming = (field?.dataType === 'ITERATION' ? field.iterations : [value])
          .map((iteration) => dayOf(iteration.startDate))
          .filter((day) => day > today)
          .sort((a, b) => a - b);
        horizon = (upcoming[0] ?? start) >= start ? 'next' : 'later';
      }
      // An iteration that has already ended still holds open work: Now.
      return { horizon, group: `iteration:${value.iterationId}`, title: value.title, dueOn: asDueOn(end - DAY_MS), order: value.startDate };
    }
    case 'date': {
      const days = Math.round((dayOf(value.date) - today) / DAY_MS);
      const horizon: HorizonId = days <= rules.nowWithinDays ? 'now' : days <= rules.nextWithinDays ? 'next' : 'later';
      return { horizon, group: `date:${horizon}`, title: entry.project.title, dueOn: asDueOn(dayOf(value.date)), order: '' };
    }
  }
}
