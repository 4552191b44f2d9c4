import { dump as dumpYaml } from 'js-yaml';
import {
  KNOWLEDGE_MODULE_KEYS,
  KNOWLEDGE_MODULES,
  type Knowledge,
  type TeamEntries,
} from './schemas/knowledge-modules.js';

type Entry = Record<string, unknown> & { source?: unknown };

/** The team's entries of merged knowledge, per module, shaped as the team's files hold them. */
export function teamEntries(knowledge: Knowledge): TeamEntries {
  const team: Record<string, unknown> = {};
  for (const key of KNOWLEDGE_MODULE_KEYS) {
    const { lists } = KNOWLEDGE_MODULES[key];
    const module = knowledge[key] as Record<string, unknown>;
    if (lists === undefined) {
      if (module.source === 'team') team[key] = module;
      continue;
    }
    const found: Record<string, Entry[]> = {};
    for (const list of Object.keys(lists)) {
      const entries = (module[list] as Entry[]).filter((entry) => entry.source === 'team');
      if (entries.length > 0) found[list] = entries;
    }
    if (Object.keys(found).length > 0) team[key] = found;
  }
  // Built from the merged modules, list by list, so each value has its local file's shape.
  return team as TeamEntries;
}

/**
 * An entry as a person would write it in a team file: `source: team` and empty lists left
 * out, since loading fills both back in (so the file loads back to the very same entries).
 */
function asWritten(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asWritten);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [field, item] of Object.entries(value)) {
    if (field === 'source' && item === 'team') continue;
    if (Array.isArray(item) && item.length === 0) continue;
    if (item === undefined) continue;
    out[field] = asWritten(item);
  }
  return out;
}

export type TeamFile = { file: string; entries: number; yaml: string };

/**
 * The team's entries as the files of a team folder (glossary.yml, …), one per module that has
 * any. Takes the entries as data, so entries kept elsewhere (a database) export the same way.
 */
export function renderTeamFiles(entries: TeamEntries): TeamFile[] {
  const files: TeamFile[] = [];
  for (const key of KNOWLEDGE_MODULE_KEYS) {
    const module = entries[key] as Record<string, unknown> | undefined;
    if (module === undefined) continue;
    const { file, lists } = KNOWLEDGE_MODULES[key];
    const count =
      lists === undefined
        ? 1
        : Object.keys(lists).reduce(
            (n, list) => n + ((module[list] as unknown[] | undefined)?.length ?? 0),
            0,
          );
    if (count === 0) continue;
    const yaml = dumpYaml(asWritten(module), { lineWidth: 100, noRefs: true });
    files.push({ file, entries: count, yaml });
  }
  return files;
}
