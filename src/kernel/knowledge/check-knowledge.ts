import {
  type EntryOrigin,
  type KnowledgeProblem,
  type Origins,
  problemAt,
} from './knowledge-error.js';
import type { Knowledge } from './schemas/knowledge-modules.js';
import { foldKey } from './search/normalize.js';

const UNKNOWN_ORIGIN: EntryOrigin = { file: 'knowledge', entry: '' };

/** Checks that need the merged knowledge: references between entries, across files. */
function checkReferences(knowledge: Knowledge, origins: Origins): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const at = (entry: object) => origins.get(entry) ?? UNKNOWN_ORIGIN;
  const termIds = new Set(knowledge.glossary.terms.map((term) => term.id));
  for (const term of knowledge.glossary.terms)
    term.related.forEach((ref, j) => {
      if (!termIds.has(ref))
        problems.push(problemAt(at(term), `related[${j}] names an unknown term id ${ref}`));
    });
  for (const skill of knowledge.skills.skills)
    skill.terms.forEach((ref, j) => {
      if (!termIds.has(ref))
        problems.push(problemAt(at(skill), `terms[${j}] names an unknown term id ${ref}`));
    });
  const flags = new Map(knowledge.resumeFlags.flags.map((flag) => [flag.id, flag]));
  for (const flag of knowledge.resumeFlags.flags)
    flag.unlessFlags.forEach((ref, j) => {
      const target = flags.get(ref);
      if (target === undefined)
        problems.push(problemAt(at(flag), `unlessFlags[${j}] names an unknown flag id ${ref}`));
      else if (target.unlessFlags.length > 0)
        problems.push(
          problemAt(at(flag), `unlessFlags[${j}] names ${ref}, which has unlessFlags itself`),
        );
    });
  return problems;
}

type Labelled = {
  entry: object & { source: string };
  name: string;
  labels: { field: string; text: string }[];
};

const labelsOf = (fields: Record<string, string | readonly string[]>) =>
  Object.entries(fields).flatMap(([field, value]) =>
    typeof value === 'string'
      ? [{ field, text: value }]
      : value.map((text, i) => ({ field: `${field}[${i}]`, text })),
  );

/** The entries a lookup finds by label, per kind: labels must not be shared across entries. */
function labelGroups(k: Knowledge): Labelled[][] {
  const withId = <E extends { id: string; name: string; source: string }>(
    entries: readonly E[],
    extra: (e: E) => Record<string, readonly string[]>,
  ): Labelled[] =>
    entries.map((entry) => ({
      entry,
      name: entry.id,
      labels: labelsOf({ name: entry.name, id: entry.id, ...extra(entry) }),
    }));
  return [
    withId(k.glossary.terms, (t) => ({ aliases: t.aliases, products: t.products })),
    withId(k.questions.areas, (a) => ({ aliases: a.aliases })),
    withId(k.levels.levels, () => ({})),
    withId(k.expectations.aspects, (a) => ({ aliases: a.aliases })),
    withId(k.mistakes.mistakes, () => ({})),
    withId(k.skills.skills, (s) => ({ aliases: s.aliases })),
    k.sourcing.languagePools.map((pool) => ({
      entry: pool,
      name: pool.language,
      labels: labelsOf({ language: pool.language, aliases: pool.aliases }),
    })),
  ];
}

/**
 * A name, alias or product that folds (as the search folds it) to the same key as another
 * entry's would make a lookup land on one of them at random. The team's entries are checked
 * last, so the message is about the team's entry and names the one it collides with.
 */
function checkLabels(knowledge: Knowledge, origins: Origins): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const group of labelGroups(knowledge)) {
    const owners = new Map<string, { owner: Labelled; field: string; text: string }>();
    const ordered = [
      ...group.filter((l) => l.entry.source !== 'team'),
      ...group.filter((l) => l.entry.source === 'team'),
    ];
    for (const item of ordered) {
      for (const { field, text } of item.labels) {
        const key = foldKey(text);
        if (key === '') continue;
        const taken = owners.get(key);
        if (taken === undefined) {
          owners.set(key, { owner: item, field, text });
          continue;
        }
        if (taken.owner === item) continue;
        const other = origins.get(taken.owner.entry) ?? UNKNOWN_ORIGIN;
        const otherPlace = other.entry === '' ? other.file : `${other.file}: ${other.entry}`;
        problems.push(
          problemAt(
            origins.get(item.entry) ?? UNKNOWN_ORIGIN,
            `${field} "${text}" collides with ${taken.field} "${taken.text}" of ${taken.owner.name} (${otherPlace})`,
          ),
        );
      }
    }
  }
  return problems;
}

export function checkKnowledge(knowledge: Knowledge, origins: Origins): KnowledgeProblem[] {
  return [...checkReferences(knowledge, origins), ...checkLabels(knowledge, origins)];
}
