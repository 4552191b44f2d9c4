import MiniSearch, { type SearchOptions } from 'minisearch';
import type { GlossaryTerm } from '../schemas/glossary-schema.js';
import type { Knowledge } from '../schemas/knowledge-modules.js';
import { cleanQuery, foldKey, singular } from './normalize.js';
import {
  buildSearchDocuments,
  SEARCH_MODULE_LABELS,
  SEARCH_MODULES,
  type SearchDocument,
  type SearchModule,
} from './search-documents.js';

export type MatchedBy = 'id' | 'name' | 'alias' | 'product';

/** A glossary term and the label the query matched (a product name for "Kafka"). */
export type TermMatch = { term: GlossaryTerm; matchedBy: MatchedBy; label: string; exact: boolean };

export type TermLookup =
  | { kind: 'match'; match: TermMatch }
  | { kind: 'choices'; choices: TermMatch[] }
  | { kind: 'none'; nearest: GlossaryTerm[] };

/** Modules whose entries can be named in a subcommand (`levels senior`, `sources golang`). */
export type EntryKind = 'level' | 'area' | 'aspect' | 'mistake' | 'skill' | 'language' | 'question';

export type SearchHit = { id: string; title: string; command: string; score: number };
export type SearchGroup = { module: SearchModule; label: string; hits: SearchHit[] };

export type KnowledgeLookup = {
  /** Best glossary match for free text: one term, a short pick list, or the nearest terms. */
  findTerm(query: string): TermLookup;
  term(id: string): GlossaryTerm | undefined;
  /** The id of the entry of `kind` that `text` names (exactly, by alias or with a typo). */
  findEntry(kind: EntryKind, text: string): string | undefined;
  /** Every module searched at once, hits grouped by module in a fixed order. */
  search(words: string): SearchGroup[];
};

/** Above this many glossary terms a pick list stops being "short". */
const MAX_CHOICES = 5;
/** The best hit wins outright when it scores this many times the runner-up. */
const CLEAR_WIN = 2;
/** Runners-up below this share of the best score are not worth offering. */
const CLOSE_SHARE = 0.5;

/**
 * Typo budget by word length: none for tiny words (too many false friends), two edits from
 * five letters so that transpositions such as `kafak` → `kafka` still match.
 */
function typoBudget(word: string): number | false {
  if (word.length <= 3) return false;
  if (word.length === 4) return 1;
  if (word.length <= 9) return 2;
  return 3;
}

const GLOSSARY_SEARCH: SearchOptions = {
  prefix: (word) => word.length >= 2,
  fuzzy: typoBudget,
  combineWith: 'AND',
};

type LabelDoc = { id: number; key: string; label: string; matchedBy: MatchedBy };
type EntryDoc = { id: number; kind: EntryKind; entryId: string; label: string };

/** The first label registered for a key wins, so names beat aliases and aliases beat products. */
function addKey<T>(map: Map<string, T>, key: string, value: T): void {
  if (key !== '' && !map.has(key)) map.set(key, value);
}

function entryLabels(
  knowledge: Knowledge,
): { kind: EntryKind; entryId: string; labels: string[] }[] {
  return [
    ...knowledge.levels.levels.map((level) => ({
      kind: 'level' as const,
      entryId: level.id,
      labels: [level.id, level.name],
    })),
    ...knowledge.questions.areas.map((area) => ({
      kind: 'area' as const,
      entryId: area.id,
      labels: [area.id, area.name, ...area.aliases],
    })),
    ...knowledge.expectations.aspects.map((aspect) => ({
      kind: 'aspect' as const,
      entryId: aspect.id,
      labels: [aspect.id, aspect.name, ...aspect.aliases],
    })),
    ...knowledge.mistakes.mistakes.map((mistake) => ({
      kind: 'mistake' as const,
      entryId: mistake.id,
      labels: [mistake.id, mistake.name],
    })),
    ...knowledge.skills.skills.map((skill) => ({
      kind: 'skill' as const,
      entryId: skill.id,
      labels: [skill.id, skill.name, ...skill.aliases],
    })),
    ...knowledge.sourcing.languagePools.map((pool) => ({
      kind: 'language' as const,
      entryId: pool.language,
      labels: [pool.language, ...pool.aliases],
    })),
    ...knowledge.questions.questions.map((question) => ({
      kind: 'question' as const,
      entryId: question.id,
      labels: [question.id],
    })),
  ];
}

/** Builds every index once; lookups afterwards only read them. */
export function createKnowledgeLookup(knowledge: Knowledge): KnowledgeLookup {
  const terms = new Map(knowledge.glossary.terms.map((term) => [term.id, term]));

  // Glossary: one document per label so that a hit says which label (product, alias) matched.
  const exactTerms = new Map<string, LabelDoc>();
  const labelDocs: LabelDoc[] = [];
  const order: MatchedBy[] = ['name', 'id', 'alias', 'product'];
  for (const matchedBy of order) {
    for (const term of knowledge.glossary.terms) {
      const labels =
        matchedBy === 'id'
          ? [term.id]
          : matchedBy === 'name'
            ? [term.name]
            : matchedBy === 'alias'
              ? term.aliases
              : term.products;
      for (const label of labels) {
        const doc: LabelDoc = { id: labelDocs.length, key: term.id, label, matchedBy };
        if (matchedBy !== 'id') labelDocs.push(doc);
        addKey(exactTerms, foldKey(label), doc);
      }
    }
  }
  // Plural and singular spellings only after every real label, so they never shadow one.
  for (const doc of [...exactTerms.values()]) addKey(exactTerms, singular(foldKey(doc.label)), doc);

  const glossaryIndex = new MiniSearch<LabelDoc>({
    fields: ['label'],
    storeFields: ['key', 'label', 'matchedBy'],
  });
  glossaryIndex.addAll(labelDocs);

  const exactEntries = new Map<string, string>();
  const entryDocs: EntryDoc[] = [];
  for (const { kind, entryId, labels } of entryLabels(knowledge)) {
    for (const label of labels) {
      addKey(exactEntries, `${kind}:${foldKey(label)}`, entryId);
      addKey(exactEntries, `${kind}:${singular(foldKey(label))}`, entryId);
      entryDocs.push({ id: entryDocs.length, kind, entryId, label });
    }
  }
  const entryIndex = new MiniSearch<EntryDoc>({
    fields: ['label'],
    storeFields: ['kind', 'entryId'],
  });
  entryIndex.addAll(entryDocs);

  const searchIndex = new MiniSearch<SearchDocument>({
    fields: ['title', 'body'],
    storeFields: ['module', 'title', 'command'],
    searchOptions: {
      boost: { title: 3 },
      prefix: (word) => word.length >= 3,
      fuzzy: (word) => (word.length >= 5 ? 0.2 : false),
    },
  });
  searchIndex.addAll(buildSearchDocuments(knowledge));

  const toMatch = (doc: Pick<LabelDoc, 'key' | 'label' | 'matchedBy'>, exact: boolean) => {
    const term = terms.get(doc.key);
    return term === undefined
      ? undefined
      : { term, matchedBy: doc.matchedBy, label: doc.label, exact };
  };

  /** Best hit per term, best first. */
  const rankTerms = (query: string, options: SearchOptions) => {
    const best = new Map<string, { match: TermMatch; score: number }>();
    for (const hit of glossaryIndex.search(query, options)) {
      const match = toMatch(hit as unknown as LabelDoc, false);
      if (match !== undefined && !best.has(match.term.id))
        best.set(match.term.id, { match, score: hit.score });
    }
    return [...best.values()];
  };

  const findTerm = (query: string): TermLookup => {
    const cleaned = cleanQuery(query);
    const key = foldKey(cleaned);
    if (key === '') return { kind: 'none', nearest: [] };
    const exact = exactTerms.get(key) ?? exactTerms.get(singular(key));
    const exactMatch = exact && toMatch(exact, true);
    if (exactMatch) return { kind: 'match', match: exactMatch };

    let ranked = rankTerms(cleaned, GLOSSARY_SEARCH);
    if (ranked.length === 0) ranked = rankTerms(cleaned, { ...GLOSSARY_SEARCH, combineWith: 'OR' });
    const [first, second] = ranked;
    if (first !== undefined) {
      if (second === undefined || first.score >= CLEAR_WIN * second.score)
        return { kind: 'match', match: first.match };
      const close = ranked
        .filter((r) => r.score >= CLOSE_SHARE * first.score)
        .slice(0, MAX_CHOICES);
      return { kind: 'choices', choices: close.map((r) => r.match) };
    }
    // Nothing close: loosen the typo budget and offer whatever comes nearest.
    const nearest = rankTerms(cleaned, {
      prefix: true,
      fuzzy: 0.5,
      maxFuzzy: 4,
      combineWith: 'OR',
    }).slice(0, MAX_CHOICES);
    return { kind: 'none', nearest: nearest.map((r) => r.match.term) };
  };

  const findEntry = (kind: EntryKind, text: string): string | undefined => {
    const key = foldKey(cleanQuery(text));
    if (key === '') return undefined;
    const exact =
      exactEntries.get(`${kind}:${key}`) ?? exactEntries.get(`${kind}:${singular(key)}`);
    if (exact !== undefined) return exact;
    const [hit] = entryIndex.search(cleanQuery(text), {
      ...GLOSSARY_SEARCH,
      filter: (result) => result.kind === kind,
    });
    return hit === undefined ? undefined : String(hit.entryId);
  };

  const search = (words: string): SearchGroup[] => {
    const query = words.trim();
    if (query === '') return [];
    let hits = searchIndex.search(query, { combineWith: 'AND' });
    if (hits.length === 0) hits = searchIndex.search(query, { combineWith: 'OR' });
    const groups = new Map<SearchModule, SearchHit[]>();
    for (const hit of hits) {
      const module = hit.module as SearchModule;
      const list = groups.get(module) ?? [];
      list.push({
        id: String(hit.id),
        title: String(hit.title),
        command: String(hit.command),
        score: hit.score,
      });
      groups.set(module, list);
    }
    return SEARCH_MODULES.flatMap((module) => {
      const list = groups.get(module);
      return list === undefined
        ? []
        : [{ module, label: SEARCH_MODULE_LABELS[module], hits: list }];
    });
  };

  return { findTerm, term: (id) => terms.get(id), findEntry, search };
}
