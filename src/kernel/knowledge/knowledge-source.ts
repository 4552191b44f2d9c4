import type { Knowledge } from './schemas/knowledge-modules.js';
import { createKnowledgeLookup, type KnowledgeLookup } from './search/knowledge-lookup.js';

/** Who added a team entry in Slack, and when (answers say "Added by … on …"). */
export type EntryCredit = { addedBy: string; addedAt: Date };

/** The knowledge as it is at one moment, with its search index. Never changes once made. */
export type KnowledgeSnapshot = {
  /** Grows whenever the knowledge changes; answers memoized under one version stay valid. */
  version: number;
  knowledge: Knowledge;
  lookup: KnowledgeLookup;
  /** Who added each Slack-added entry and when, keyed `<module>:<id>` (creditKey in layered-knowledge-source.ts). */
  credits?: ReadonlyMap<string, EntryCredit>;
};

/**
 * Where features read the knowledge: `current()` on every request, because the team's own
 * entries can change it while the bot runs.
 */
export type KnowledgeSource = { current(): KnowledgeSnapshot };

export function snapshotOf(knowledge: Knowledge, version = 1): KnowledgeSnapshot {
  return { version, knowledge, lookup: createKnowledgeLookup(knowledge) };
}

/** Knowledge that never changes: the guide alone (tests, the CLI). */
export function staticKnowledgeSource(knowledge: Knowledge): KnowledgeSource {
  const snapshot = snapshotOf(knowledge);
  return { current: () => snapshot };
}
