import { describe, expect, it } from 'vitest';
import type { ReminderTopic } from '../../../../src/features/reminders/reminder-settings.js';
import { pickTip, type TipPick } from '../../../../src/features/reminders/tips/pick-tip.js';
import { fixtureKnowledge } from '../../../support/fixture-knowledge.js';

const knowledge = fixtureKnowledge();
const ALL: ReminderTopic[] = ['questions', 'glossary', 'mistakes', 'expectations'];

/** Simulates `days` deliveries, feeding the history back in as the store would. */
function simulate(
  days: number,
  options: { topics: ReminderTopic[]; level?: 'senior' | 'junior'; seed: string },
) {
  let seen: Partial<Record<ReminderTopic, string[]>> = {};
  const shown: TipPick[][] = [];
  for (let day = 0; day < days; day++) {
    const { picks, restarted } = pickTip({ knowledge, ...options, seen });
    const next = { ...seen };
    for (const topic of restarted) next[topic] = [];
    for (const pick of picks) next[pick.topic] = [...(next[pick.topic] ?? []), pick.id];
    seen = next;
    shown.push(picks);
  }
  return shown;
}

const idsOf = (shown: TipPick[][], topic: ReminderTopic) =>
  shown.flatMap((picks) => picks.filter((p) => p.topic === topic).map((p) => p.id));

describe('pickTip', () => {
  it('gives one entry per chosen topic, with the question carrying look-for and red flags', () => {
    const { tip, picks } = pickTip({ knowledge, topics: ALL, seen: {}, seed: 's1' });
    expect(picks.map((p) => p.topic)).toEqual(ALL);
    expect(tip.question?.lookFor.length).toBeGreaterThan(0);
    expect(tip.question?.redFlags.length).toBeGreaterThan(0);
    expect(tip.term).toBeDefined();
    expect(tip.mistake).toBeDefined();
    expect(tip.expectation).toBeDefined();
  });

  it('only includes the chosen topics', () => {
    const { tip, picks } = pickTip({ knowledge, topics: ['glossary'], seen: {}, seed: 's1' });
    expect(picks.map((p) => p.topic)).toEqual(['glossary']);
    expect(tip.question).toBeUndefined();
  });

  it('never repeats a term until every term has been shown, then starts a new cycle', () => {
    const terms = knowledge.glossary.terms.map((t) => t.id).sort();
    const shown = idsOf(
      simulate(terms.length * 2, { topics: ['glossary'], seed: 'C1' }),
      'glossary',
    );
    expect([...shown.slice(0, terms.length)].sort()).toEqual(terms);
    expect([...shown.slice(terms.length)].sort()).toEqual(terms);
  });

  it('follows the level focus for questions', () => {
    const senior = new Set(
      knowledge.questions.questions.filter((q) => q.levels.includes('senior')).map((q) => q.id),
    );
    const shown = idsOf(
      simulate(senior.size, { topics: ['questions'], level: 'senior', seed: 'C2' }),
      'questions',
    );
    expect(new Set(shown)).toEqual(senior);
    expect(
      pickTip({ knowledge, topics: ['questions'], level: 'senior', seen: {}, seed: 'x' }).tip.level,
    ).toBe('senior');
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = idsOf(simulate(6, { topics: ['glossary'], seed: 'same' }), 'glossary');
    const b = idsOf(simulate(6, { topics: ['glossary'], seed: 'same' }), 'glossary');
    expect(a).toEqual(b);
    const orders = new Set(
      ['s1', 's2', 's3', 's4', 's5'].map((seed) =>
        idsOf(simulate(6, { topics: ['glossary'], seed }), 'glossary').join(','),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('reports restarted topics so the store can forget the old cycle', () => {
    const all = knowledge.mistakes.mistakes.map((m) => m.id);
    const result = pickTip({ knowledge, topics: ['mistakes'], seen: { mistakes: all }, seed: 's' });
    expect(result.restarted).toEqual(['mistakes']);
    expect(result.picks).toHaveLength(1);
  });
});
