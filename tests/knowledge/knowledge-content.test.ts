import { describe, expect, it } from 'vitest';
import { LEVEL_IDS } from '../../src/kernel/knowledge/schemas/common.js';
import { QUESTION_AREAS } from '../../src/kernel/knowledge/schemas/interview-questions-schema.js';
import { readModule } from './knowledge-test-support.js';

// Content rules that the schemas do not express but the lookups rely on. Each module is read
// on its own so these checks do not depend on modules other parts of the project own.

describe('glossary content', () => {
  const terms = readModule('glossary').terms;

  it('has at least 40 terms', () => {
    expect(terms.length).toBeGreaterThanOrEqual(40);
  });

  it('lets every name, alias and product lead to exactly one term', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const term of terms) {
      for (const label of new Set([term.name, ...term.aliases, ...term.products])) {
        const key = label.toLowerCase();
        const previous = owner.get(key);
        if (previous !== undefined && previous !== term.id)
          clashes.push(`${label}: ${previous} and ${term.id}`);
        owner.set(key, term.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('never relates a term to itself or to the same term twice', () => {
    for (const term of terms) {
      expect(term.related, term.id).not.toContain(term.id);
      expect(new Set(term.related).size, term.id).toBe(term.related.length);
    }
  });
});

describe('interview question content', () => {
  const { areas, questions } = readModule('questions');

  it('names every area once, in the schema order', () => {
    expect(areas.map((area) => area.id)).toEqual([...QUESTION_AREAS]);
  });

  it.each(LEVEL_IDS)('has at least ten questions covering every area for %s', (level) => {
    const forLevel = questions.filter((q) => q.levels.includes(level));
    expect(forLevel.length).toBeGreaterThanOrEqual(10);
    expect(new Set(forLevel.map((q) => q.area))).toEqual(new Set(QUESTION_AREAS));
  });

  it('gives each question two to four look-fors, red flags and follow-ups', () => {
    for (const q of questions) {
      for (const list of [q.lookFor, q.redFlags, q.followUps]) {
        expect(list.length, q.id).toBeGreaterThanOrEqual(2);
        expect(list.length, q.id).toBeLessThanOrEqual(4);
      }
    }
  });

  it('keeps area aliases unambiguous', () => {
    const labels = areas.flatMap((area) => [area.id, ...area.aliases].map((a) => a.toLowerCase()));
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('sourcing content', () => {
  it('keeps language aliases unambiguous', () => {
    const pools = readModule('sourcing').languagePools;
    const labels = pools.flatMap((p) => [p.language, ...p.aliases].map((a) => a.toLowerCase()));
    expect(new Set(labels).size).toBe(labels.length);
  });
});
