import type { LevelId } from '../../../kernel/knowledge/schemas/common.js';
import type { Expectation } from '../../../kernel/knowledge/schemas/expectations-schema.js';
import type { GlossaryTerm } from '../../../kernel/knowledge/schemas/glossary-schema.js';
import type { HiringMistake } from '../../../kernel/knowledge/schemas/hiring-mistakes-schema.js';
import type { InterviewQuestion } from '../../../kernel/knowledge/schemas/interview-questions-schema.js';
import type { Knowledge } from '../../../kernel/knowledge/schemas/knowledge-modules.js';
import { seededShuffle } from '../../../kernel/seeded-shuffle.js';
import type { ReminderTopic } from '../reminder-settings.js';

/** One day's tip: one entry per topic the subscription follows. */
export type Tip = {
  question?: InterviewQuestion;
  term?: GlossaryTerm;
  mistake?: HiringMistake;
  expectation?: Expectation;
  /** The level the questions were chosen for, when the subscription has a focus. */
  level?: LevelId;
};

export type TipPick = { topic: ReminderTopic; id: string };

export type PickTipInput = {
  knowledge: Knowledge;
  level?: LevelId;
  topics: readonly ReminderTopic[];
  /** Entry ids already shown in the current cycle, per topic. */
  seen: Partial<Record<ReminderTopic, readonly string[]>>;
  /** Fixes the order (the subscription id): same seed, same sequence. */
  seed: string;
};

export type PickedTip = {
  tip: Tip;
  /** What to record as seen once the tip has been delivered. */
  picks: TipPick[];
  /** Topics whose every entry had been seen: their history starts over with this pick. */
  restarted: ReminderTopic[];
};

function questionsFor(knowledge: Knowledge, level?: LevelId): InterviewQuestion[] {
  const all = knowledge.questions.questions;
  const forLevel = level ? all.filter((q) => q.levels.includes(level)) : all;
  // A level with no questions of its own still gets a question rather than none.
  return forLevel.length > 0 ? forLevel : all;
}

/**
 * Chooses the next tip: for each topic, the first entry in the seeded order that this
 * subscription has not seen in the current cycle. When all have been seen the cycle starts
 * over, so nothing repeats before everything has been shown once. Pure.
 */
export function pickTip(input: PickTipInput): PickedTip {
  const picks: TipPick[] = [];
  const restarted: ReminderTopic[] = [];

  function next<T extends { id: string }>(
    topic: ReminderTopic,
    entries: readonly T[],
  ): T | undefined {
    if (!input.topics.includes(topic) || entries.length === 0) return undefined;
    const order = seededShuffle(
      entries.map((e) => e.id).sort(),
      `${input.seed}:${topic}:${input.level ?? 'any'}`,
    );
    const seen = new Set(input.seen[topic] ?? []);
    let id = order.find((candidate) => !seen.has(candidate));
    if (id === undefined) {
      restarted.push(topic);
      id = order[0];
    }
    const entry = entries.find((e) => e.id === id);
    if (entry) picks.push({ topic, id: entry.id });
    return entry;
  }

  const { knowledge, level } = input;
  const question = next('questions', questionsFor(knowledge, level));
  const term = next('glossary', knowledge.glossary.terms);
  const mistake = next('mistakes', knowledge.mistakes.mistakes);
  const expectation = next('expectations', knowledge.expectations.aspects);
  const tip: Tip = {
    ...(question ? { question } : {}),
    ...(term ? { term } : {}),
    ...(mistake ? { mistake } : {}),
    ...(expectation ? { expectation } : {}),
    ...(level ? { level } : {}),
  };
  return { tip, picks, restarted };
}
