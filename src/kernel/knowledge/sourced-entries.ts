import type { EntrySource } from './schemas/common.js';

export type SourcedEntry = {
  /** The top-level list holding the entry; absent for a module that is one entry (market). */
  list?: string;
  index?: number;
  entry: { source: EntrySource };
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Every entry of a parsed module that carries a `source`: the module itself when it is one
 * entry (market, the role comparison), and the items of its top-level lists (terms, areas,
 * notes, reasons…). Generic over the modules, so a new list gets provenance checks for free.
 */
export function sourcedEntries(data: unknown): SourcedEntry[] {
  if (!isRecord(data)) return [];
  const found: SourcedEntry[] = [];
  if (typeof data.source === 'string') found.push({ entry: data as SourcedEntry['entry'] });
  for (const [list, value] of Object.entries(data)) {
    if (!Array.isArray(value)) continue;
    value.forEach((item, index) => {
      if (isRecord(item) && typeof item.source === 'string')
        found.push({ list, index, entry: item as SourcedEntry['entry'] });
    });
  }
  return found;
}

/**
 * The team's files may leave `source` out: it becomes `team` on every entry (and, for a module
 * that is one entry, on the module itself). Returns a copy; the parsed YAML is not changed.
 */
export function withTeamSource(data: unknown, wholeModule: boolean): unknown {
  if (!isRecord(data)) return data;
  const copy: Record<string, unknown> = { ...data };
  if (wholeModule && copy.source === undefined) copy.source = 'team';
  for (const [key, value] of Object.entries(copy)) {
    if (!Array.isArray(value)) continue;
    copy[key] = value.map((item) =>
      isRecord(item) && item.source === undefined ? { ...item, source: 'team' } : item,
    );
  }
  return copy;
}
