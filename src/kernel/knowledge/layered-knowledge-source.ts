import { checkKnowledge } from './check-knowledge.js';
import type { KnowledgeProblem, Origins } from './knowledge-error.js';
import type { EntryCredit, KnowledgeSnapshot, KnowledgeSource } from './knowledge-source.js';
import { mergeTeamEntries } from './merge-team-entries.js';
import type { GlossaryTerm } from './schemas/glossary-schema.js';
import type { InterviewQuestion } from './schemas/interview-questions-schema.js';
import type { Knowledge, TeamEntries } from './schemas/knowledge-modules.js';
import { createKnowledgeLookup } from './search/knowledge-lookup.js';

/** One entry the team added in Slack, as the layer receives it. */
export type SlackEntry = (
  | { module: 'glossary'; entry: GlossaryTerm }
  | {
      module: 'questions';
      entry: InterviewQuestion;
    }
) &
  EntryCredit;

export type SlackEntryModule = SlackEntry['module'];

/** The key of a Slack-added entry in `KnowledgeSnapshot.credits`. */
export const creditKey = (module: SlackEntryModule, id: string): string => `${module}:${id}`;

/** The team's Slack-added entries as stored at one revision of one workspace. */
export type TeamLayer = { teamId: string; revision: number; entries: readonly SlackEntry[] };

export type TeamLayerResult = {
  /** Whether the layer was applied (an older or equal revision than the one shown is not). */
  applied: boolean;
  /** Entries left out because they collide with the knowledge (added on two instances at once). */
  dropped: string[];
};

/** The seam through which the team-knowledge feature puts the team's live entries in place. */
export type TeamKnowledgeLayer = {
  set(layer: TeamLayer): TeamLayerResult;
  /** The workspace and revision shown now; undefined before the first layer. */
  shown(): { teamId: string; revision: number } | undefined;
};

/** The Slack-added entries as the team's files would hold them. */
export function slackTeamEntries(entries: readonly SlackEntry[]): TeamEntries {
  const terms = entries.flatMap((e) => (e.module === 'glossary' ? [e.entry] : []));
  const questions = entries.flatMap((e) => (e.module === 'questions' ? [e.entry] : []));
  return {
    ...(terms.length > 0 ? { glossary: { terms } } : {}),
    ...(questions.length > 0 ? { questions: { questions } } : {}),
  };
}

/** The merged knowledge, or which entries make it invalid (each origin is `slack:<key>`). */
function mergeLayer(base: Knowledge, entries: readonly SlackEntry[]) {
  const origins: Origins = new Map();
  for (const e of entries)
    origins.set(e.entry, { file: `slack:${creditKey(e.module, e.entry.id)}`, entry: '' });
  const problems: KnowledgeProblem[] = [];
  const knowledge = mergeTeamEntries(base, slackTeamEntries(entries), origins, problems);
  problems.push(...checkKnowledge(knowledge, origins));
  const bad = new Set(
    problems.filter((p) => p.file.startsWith('slack:')).map((p) => p.file.slice('slack:'.length)),
  );
  return { knowledge, bad };
}

/**
 * The knowledge the app answers from: the files' knowledge (guide and team folder) with the
 * team's Slack-added entries layered on top. Each layer makes a new snapshot whose version
 * grows, so answers memoized under an older version are not reused.
 */
export function createLayeredKnowledgeSource(base: Knowledge): {
  source: KnowledgeSource;
  layer: TeamKnowledgeLayer;
} {
  let version = 1;
  let snapshot: KnowledgeSnapshot = {
    version,
    knowledge: base,
    lookup: createKnowledgeLookup(base),
  };
  let shown: { teamId: string; revision: number } | undefined;

  return {
    source: { current: () => snapshot },
    layer: {
      shown: () => shown,
      set(layer) {
        if (
          shown !== undefined &&
          shown.teamId === layer.teamId &&
          layer.revision <= shown.revision
        )
          return { applied: false, dropped: [] };
        let entries = [...layer.entries];
        let merged = mergeLayer(base, entries);
        const dropped: string[] = [];
        // Entries written at once on two instances may collide: the later ones give way.
        for (let round = 0; merged.bad.size > 0 && round < 3; round += 1) {
          const bad = merged.bad;
          dropped.push(...bad);
          entries = entries.filter((e) => !bad.has(creditKey(e.module, e.entry.id)));
          merged = mergeLayer(base, entries);
        }
        if (merged.bad.size > 0) {
          dropped.push(...merged.bad);
          entries = [];
          merged = { knowledge: base, bad: new Set() };
        }
        const credits = new Map<string, EntryCredit>(
          entries.map((e) => [
            creditKey(e.module, e.entry.id),
            { addedBy: e.addedBy, addedAt: e.addedAt },
          ]),
        );
        version += 1;
        snapshot = {
          version,
          knowledge: merged.knowledge,
          lookup: createKnowledgeLookup(merged.knowledge),
          credits,
        };
        shown = { teamId: layer.teamId, revision: layer.revision };
        return { applied: true, dropped };
      },
    },
  };
}
