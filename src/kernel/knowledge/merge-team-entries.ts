import { type KnowledgeProblem, type Origins, problemAt } from './knowledge-error.js';
import {
  type EntryKey,
  KNOWLEDGE_MODULE_KEYS,
  KNOWLEDGE_MODULES,
  type Knowledge,
  type TeamEntries,
} from './schemas/knowledge-modules.js';
import { foldKey } from './search/normalize.js';

type Entry = Record<string, unknown>;

/** Language pools are keyed by name, compared as the search compares it ("node.js" = "Node.js"). */
function keyOf(entry: Entry, key: EntryKey): string {
  const value = String(entry[key] ?? '');
  return key === 'language' ? foldKey(value) : value;
}

/** Reports an entry whose key an earlier entry of the same file has; true when it does. */
function duplicateCheck(key: EntryKey, origins: Origins, problems: KnowledgeProblem[]) {
  const seen = new Map<string, Entry>();
  return (entry: Entry): boolean => {
    const k = keyOf(entry, key);
    const earlier = seen.get(k);
    if (earlier === undefined) {
      seen.set(k, entry);
      return false;
    }
    const origin = origins.get(entry);
    const also = origins.get(earlier)?.entry ?? 'above';
    if (origin !== undefined)
      problems.push(problemAt(origin, `${key} ${String(entry[key])} is used twice (also ${also})`));
    return true;
  };
}

/**
 * One list after the team's file: a team entry with a guide entry's key takes its place, any
 * other is added at the end, in the file's order. A key used twice in one file is a problem.
 */
function mergeList(
  guide: Entry[],
  team: Entry[],
  key: EntryKey,
  origins: Origins,
  problems: KnowledgeProblem[],
): Entry[] {
  const merged = [...guide];
  const position = new Map<string, number>();
  const guideDuplicate = duplicateCheck(key, origins, problems);
  guide.forEach((entry, i) => {
    if (!guideDuplicate(entry)) position.set(keyOf(entry, key), i);
  });
  const teamDuplicate = duplicateCheck(key, origins, problems);
  for (const entry of team) {
    if (teamDuplicate(entry)) continue;
    const k = keyOf(entry, key);
    const at = position.get(k);
    if (at === undefined) {
      position.set(k, merged.length);
      merged.push(entry);
    } else {
      merged[at] = entry;
    }
  }
  return merged;
}

/**
 * The guide's knowledge with the team's entries merged in, module by module. A module that is
 * one entry (market) is replaced whole by the team's file. Entries are not copied, so `origins`
 * still says where each was read.
 */
export function mergeTeamEntries(
  guide: Knowledge,
  team: TeamEntries,
  origins: Origins,
  problems: KnowledgeProblem[],
): Knowledge {
  const merged: Record<string, unknown> = {};
  for (const moduleKey of KNOWLEDGE_MODULE_KEYS) {
    const { lists } = KNOWLEDGE_MODULES[moduleKey];
    const guideModule = guide[moduleKey] as Record<string, unknown>;
    const teamModule = team[moduleKey] as Record<string, unknown> | undefined;
    if (lists === undefined) {
      merged[moduleKey] = teamModule ?? guideModule;
      continue;
    }
    const result: Record<string, unknown> = { ...guideModule };
    for (const [list, key] of Object.entries(lists) as [string, EntryKey][]) {
      result[list] = mergeList(
        guideModule[list] as Entry[],
        (teamModule?.[list] as Entry[] | undefined) ?? [],
        key,
        origins,
        problems,
      );
    }
    merged[moduleKey] = result;
  }
  // Each module went through its schema; merging lists of valid entries keeps them valid.
  return merged as Knowledge;
}
