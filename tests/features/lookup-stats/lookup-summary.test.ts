import { describe, expect, it } from 'vitest';
import { bar, summarizeLookups } from '../../../src/features/lookup-stats/lookup-summary.js';
import { normalizeQuery } from '../../../src/kernel/knowledge/search/normalize.js';

describe('bars', () => {
  it('scale to the longest, never vanish for a count, and keep their width', () => {
    expect(bar(12, 12)).toBe('██████████');
    expect(bar(6, 12)).toBe('█████░░░░░');
    expect(bar(1, 1000)).toBe('█░░░░░░░░░');
    expect(bar(0, 10)).toBe('░░░░░░░░░░');
    expect(bar(5, 0)).toBe('░░░░░░░░░░');
    expect(bar(3, 4, 4)).toBe('███░');
  });
});

describe('summarizeLookups', () => {
  it('totals, top entries by name, misses and subcommands, each with bars', () => {
    const summary = summarizeLookups(
      {
        found: [
          { module: 'glossary', key: 'message-queue', isEntry: true, count: 8 },
          { module: 'search', key: 'outage', isEntry: false, count: 4 },
          { module: 'skills', key: 'api-design', isEntry: true, count: 2 },
        ],
        missed: [
          { query: 'quokkabase', count: 5 },
          { query: 'zz', count: 1 },
        ],
        bySubcommand: [
          { subcommand: 'glossary', count: 13, misses: 5 },
          { subcommand: 'search', count: 5, misses: 1 },
        ],
      },
      {
        days: 7,
        nameOf: (module, id) =>
          module === 'glossary' && id === 'message-queue' ? 'Message Queue' : undefined,
      },
    );
    expect(summary.total).toBe(18);
    expect(summary.missTotal).toBe(6);
    expect(summary.top.map((t) => [t.label, t.count, t.bar])).toEqual([
      ['Message Queue', 8, '██████████'],
      ['outage', 4, '█████░░░░░'],
      ['api-design', 2, '███░░░░░░░'],
    ]);
    expect(summary.misses.map((m) => [m.query, m.bar])).toEqual([
      ['quokkabase', '██████████'],
      ['zz', '██░░░░░░░░'],
    ]);
    expect(summary.bySubcommand.map((s) => s.bar)).toEqual(['██████████', '████░░░░░░']);
  });

  it('keeps at most ten of each list', () => {
    const many = Array.from({ length: 14 }, (_, i) => ({ query: `q${i}`, count: 20 - i }));
    const summary = summarizeLookups({ found: [], missed: many, bySubcommand: [] }, { days: 30 });
    expect(summary.misses).toHaveLength(10);
    expect(summary.total).toBe(0);
  });
});

describe('normalizeQuery', () => {
  it('folds case, accents, filler and punctuation; is idempotent; is capped', () => {
    const samples = [
      ['  What is   Message-Queue?? ', 'message queue'],
      ['Café <@U123> & co.', 'cafe u123 co'],
      ['C# / Node.js', 'c# node.js'],
      ['"the the kafka"', 'kafka'],
      ['?!', ''],
    ];
    for (const [raw, want] of samples) {
      expect(normalizeQuery(raw as string)).toBe(want);
      expect(normalizeQuery(want as string)).toBe(want);
    }
    const long = normalizeQuery(`${'x'.repeat(99)} yyyy`);
    expect(long.length).toBeLessThanOrEqual(100);
    expect(normalizeQuery(long)).toBe(long);
  });
});
