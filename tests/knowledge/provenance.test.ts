import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/kernel/knowledge/load-knowledge.js';
import { glossaryTermSchema } from '../../src/kernel/knowledge/schemas/glossary-schema.js';
import {
  KNOWLEDGE_MODULE_KEYS,
  KNOWLEDGE_MODULES,
} from '../../src/kernel/knowledge/schemas/knowledge-modules.js';
import {
  GUIDE_AREA_SOURCES,
  GUIDE_ASPECTS,
  GUIDE_BACKEND_WHEN,
  GUIDE_CHANNELS,
  GUIDE_FLAGS,
  GUIDE_FOCUS_QUESTIONS,
  GUIDE_FULL_STACK_WHEN,
  GUIDE_LANGUAGES,
  GUIDE_LEVELS,
  GUIDE_MARKET_FACTS,
  GUIDE_MISTAKES,
  GUIDE_SCENARIOS,
  GUIDE_SKILLS,
  GUIDE_TERMS,
} from './guide-lists.js';
import { mentions, readModule, sameLabel, unmatched } from './knowledge-test-support.js';

type Raw = Record<string, unknown>;
const raw = (file: string) =>
  parseYaml(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, file), 'utf8')) as Raw;

/** Every entry of a raw module: the module itself when it carries a source, and list items. */
function rawEntries(data: Raw): { where: string; entry: Raw }[] {
  const found: { where: string; entry: Raw }[] = [];
  if ('source' in data) found.push({ where: '(module)', entry: data });
  for (const [list, value] of Object.entries(data))
    if (Array.isArray(value))
      value.forEach((item, i) => {
        if (item !== null && typeof item === 'object')
          found.push({ where: `${list}[${i}]`, entry: item as Raw });
      });
  return found;
}

/**
 * The guide-marked entries and the guide's list must pair off one to one: every guide item
 * is covered by a guide entry, and no entry claims the guide without an item behind it.
 */
function expectOneToOne<E, G>(entries: E[], guide: G[], match: (entry: E, item: G) => boolean) {
  const marked = entries.filter((e) => (e as { source: string }).source === 'guide');
  expect(unmatched(guide, marked, (item, entry) => match(entry, item))).toEqual([]);
  expect(unmatched(marked, guide, match)).toEqual([]);
}

describe('every entry says where it came from', () => {
  it.each(KNOWLEDGE_MODULE_KEYS)('%s: each entry and list item writes its source out', (key) => {
    const { file, lists } = KNOWLEDGE_MODULES[key];
    const data = raw(file);
    const entries = rawEntries(data);
    const listed = Object.keys(lists ?? {});
    // Each list a team may extend holds entries, so the walk above must have found them.
    for (const list of listed) expect((data[list] as unknown[]).length, list).toBeGreaterThan(0);
    expect(entries.length).toBeGreaterThan(0);
    const missing = entries
      .filter(({ entry }) => entry.source !== 'guide' && entry.source !== 'project')
      .map(({ where }) => where);
    expect(missing).toEqual([]);
  });

  it('marks only guide entries with projectFields, and the schema refuses them elsewhere', () => {
    const term = readModule('glossary').terms.find((t) => t.source === 'project');
    expect(term).toBeDefined();
    const withFields = { ...term, projectFields: ['probe'] };
    expect(glossaryTermSchema.safeParse(withFields).success).toBe(false);
    expect(glossaryTermSchema.safeParse({ ...withFields, source: 'guide' }).success).toBe(true);
  });

  it('says that the staff level’s lists and the focus questions’ follow-ups are ours', () => {
    const staff = readModule('levels').levels.find((level) => level.id === 'staff');
    expect(staff?.source).toBe('guide');
    expect(staff?.projectFields).toEqual(['capabilities', 'growing', 'demonstrates', 'setsApart']);
    const questions = readModule('questions').questions.filter((q) => q.source === 'guide');
    for (const q of questions) expect(q.projectFields, q.id).toContain('followUps');
  });
});

describe('entries marked guide are the guide’s, one for one', () => {
  it('glossary: exactly the terms table', () => {
    const terms = readModule('glossary').terms;
    expectOneToOne(terms, GUIDE_TERMS, (term, name) =>
      [term.name, ...term.aliases].some((label) => sameLabel(label, name)),
    );
  });

  it('questions: the four focus-area questions and the four production scenarios', () => {
    const { questions, areas } = readModule('questions');
    const expected = [
      ...GUIDE_FOCUS_QUESTIONS.map((q) => ({ area: q.area, words: q.words })),
      ...GUIDE_SCENARIOS.map((s) => ({ area: 'production-scenarios', words: s.words })),
    ];
    expectOneToOne(
      questions,
      expected,
      (q, item) => q.area === item.area && item.words.some((w) => mentions(q.prompt, w)),
    );
    expectOneToOne(areas, Object.keys(GUIDE_AREA_SOURCES), (area, id) => area.id === id);
  });

  it('levels, expectations, mistakes, skills', () => {
    expectOneToOne(readModule('levels').levels, [...GUIDE_LEVELS], (l, g) => l.id === g.id);
    expectOneToOne(readModule('expectations').aspects, GUIDE_ASPECTS, (a, g) =>
      sameLabel(a.name, g),
    );
    expectOneToOne(readModule('mistakes').mistakes, GUIDE_MISTAKES, (m, g) => sameLabel(m.name, g));
    expectOneToOne(readModule('skills').skills, GUIDE_SKILLS, (s, g) => sameLabel(s.name, g));
  });

  it('resume flags', () => {
    expectOneToOne(
      readModule('resumeFlags').flags,
      GUIDE_FLAGS,
      (flag, g) =>
        flag.kind === g.kind &&
        g.keywords.some((k) => mentions(`${flag.id} ${flag.name} ${flag.why}`, k)),
    );
  });

  it('sourcing channels and language pools', () => {
    const { channels, languagePools } = readModule('sourcing');
    expectOneToOne(channels, GUIDE_CHANNELS, (c, g) => c.name === g);
    expectOneToOne(languagePools, GUIDE_LANGUAGES, (p, g) => p.language === g.language);
  });

  it('backend vs full-stack reasons', () => {
    const comparison = readModule('comparison');
    expect(comparison.source).toBe('guide');
    const match = (r: { title: string; detail: string }, g: { words: string[] }) =>
      g.words.some((w) => mentions(`${r.title} ${r.detail}`, w));
    expectOneToOne(comparison.backendWhen, GUIDE_BACKEND_WHEN, match);
    expectOneToOne(comparison.fullStackWhen, GUIDE_FULL_STACK_WHEN, match);
  });

  it('market: the figures are the guide’s, and each guide note restates one of its facts', () => {
    const market = readModule('market');
    expect(market.source).toBe('guide');
    const guideNotes = market.notes.filter((note) => note.source === 'guide');
    expect(guideNotes.length).toBeGreaterThan(0);
    for (const note of guideNotes)
      expect(
        GUIDE_MARKET_FACTS.some((fact) => fact.words.some((w) => mentions(note.text, w))),
        note.text,
      ).toBe(true);
  });

  it('fails when a project entry claims the guide (so the checks above can fail)', () => {
    const terms = readModule('glossary').terms;
    const claimed = terms.map((t) =>
      t.id === 'kubernetes' ? { ...t, source: 'guide' as const } : t,
    );
    const marked = claimed.filter((t) => t.source === 'guide');
    const match = (t: (typeof terms)[number], name: string) =>
      [t.name, ...t.aliases].some((label) => sameLabel(label, name));
    expect(unmatched(marked, GUIDE_TERMS, match).map((t) => t.id)).toEqual(['kubernetes']);
  });
});
