import { describe, expect, it } from 'vitest';
import { assignPanel, panelAssignments } from '../../../src/features/kits/assign-panel.js';
import { type KitPlan, kitPlanSchema, planQuestions } from '../../../src/features/kits/kit-plan.js';
import { KIT_LENGTHS, type KitMinutes } from '../../../src/features/kits/kit-request.js';
import { CLOSE_ASPECTS, KIT_TIMINGS, splitMinutes } from '../../../src/features/kits/kit-timing.js';
import {
  type KitKnowledge,
  type PlanKitInput,
  planKit,
} from '../../../src/features/kits/plan-kit.js';
import { loadKnowledge } from '../../../src/kernel/knowledge/load-knowledge.js';
import { LEVEL_IDS, type LevelId } from '../../../src/kernel/knowledge/schemas/common.js';
import type {
  InterviewQuestion,
  QuestionArea,
} from '../../../src/kernel/knowledge/schemas/interview-questions-schema.js';
import { fixtureKnowledge } from '../../support/fixture-knowledge.js';

const real = loadKnowledge();
const fixture = fixtureKnowledge();
const SEEDS = Array.from({ length: 12 }, (_, i) => `seed-${i}`);

function plan(input: Partial<PlanKitInput> & { level: LevelId }, knowledge: KitKnowledge = real) {
  const result = planKit({ minutes: 45, areas: [], seed: 'a', ...input }, knowledge);
  if (!result.ok) throw new Error(`no plan: ${JSON.stringify(result.error)}`);
  return result.plan;
}

const total = (p: KitPlan) => p.segments.reduce((sum, s) => sum + s.minutes, 0);
const ids = (p: KitPlan) => planQuestions(p).map((q) => q.questionId);

function areaCounts(p: KitPlan): Map<QuestionArea, number> {
  const counts = new Map<QuestionArea, number>();
  for (const q of planQuestions(p)) counts.set(q.area, (counts.get(q.area) ?? 0) + 1);
  return counts;
}

/**
 * Balanced: no area got two more questions than another area that still had an unused
 * question of the level.
 */
function expectBalanced(p: KitPlan, knowledge: KitKnowledge, areas: readonly QuestionArea[]) {
  const counts = areaCounts(p);
  const used = new Set(ids(p));
  for (const a of areas) {
    const spare = knowledge.questions.questions.some(
      (q) => q.area === a && q.levels.includes(p.level) && !used.has(q.id),
    );
    if (!spare) continue;
    for (const b of areas) {
      expect(
        (counts.get(b) ?? 0) - (counts.get(a) ?? 0),
        `${b} vs ${a} (${p.level} ${p.minutes} ${p.seed})`,
      ).toBeLessThanOrEqual(1);
    }
  }
}

describe('planKit timing', () => {
  it('adds up to the length exactly for every level, length and seed', () => {
    for (const level of LEVEL_IDS) {
      for (const minutes of KIT_LENGTHS) {
        for (const seed of SEEDS) {
          const p = plan({ level, minutes, seed });
          expect(total(p), `${level} ${minutes} ${seed}`).toBe(minutes);
          expect(planQuestions(p)).toHaveLength(KIT_TIMINGS[minutes].questions);
        }
      }
    }
  });

  it('adds up for every single area too, even when an area has few questions', () => {
    for (const level of LEVEL_IDS) {
      for (const minutes of KIT_LENGTHS) {
        for (const area of real.questions.areas) {
          const p = plan({ level, minutes, areas: [area.id] });
          expect(total(p), `${level} ${minutes} ${area.id}`).toBe(minutes);
          expect(planQuestions(p).every((q) => q.area === area.id)).toBe(true);
          const questionMinutes = planQuestions(p).map((q) => q.minutes);
          expect(Math.max(...questionMinutes) - Math.min(...questionMinutes)).toBeLessThanOrEqual(
            1,
          );
        }
      }
    }
  });

  it('runs opening, questions, their questions, close, in that order, numbered from 1', () => {
    const p = plan({ level: 'senior', minutes: 60 });
    expect(p.segments.map((s) => s.kind)).toEqual([
      'opening',
      'question',
      'question',
      'question',
      'question',
      'candidate-questions',
      'close',
    ]);
    expect(planQuestions(p).map((q) => q.number)).toEqual([1, 2, 3, 4]);
  });

  it('splits minutes as evenly as whole minutes allow', () => {
    expect(splitMinutes(32, 3)).toEqual([11, 11, 10]);
    expect(splitMinutes(70, 6)).toEqual([12, 12, 12, 12, 11, 11]);
    expect(splitMinutes(5, 0)).toEqual([]);
  });
});

describe('planKit questions', () => {
  it('balances the areas when none are chosen', () => {
    for (const level of LEVEL_IDS) {
      for (const minutes of KIT_LENGTHS) {
        for (const seed of SEEDS) {
          const p = plan({ level, minutes, seed });
          expectBalanced(
            p,
            real,
            real.questions.areas.map((a) => a.id),
          );
          // Fewer slots than areas: never two questions from one area.
          expect(Math.max(...areaCounts(p).values())).toBe(1);
        }
      }
    }
  });

  it('balances the chosen areas and keeps to them', () => {
    const areas: QuestionArea[] = ['trade-offs', 'databases'];
    for (const seed of SEEDS) {
      const p = plan({ level: 'senior', minutes: 90, areas, seed });
      expect(Object.fromEntries(areaCounts(p))).toEqual({ 'trade-offs': 3, databases: 3 });
      const p3 = plan({
        level: 'mid',
        minutes: 60,
        areas: ['api-design', 'databases', 'production-scenarios'],
        seed,
      });
      expectBalanced(p3, real, ['api-design', 'databases', 'production-scenarios']);
    }
  });

  it('repeats with one seed and differs between seeds', () => {
    const input = { level: 'senior', minutes: 60 } as const;
    expect(plan({ ...input, seed: 'same' })).toEqual(plan({ ...input, seed: 'same' }));
    expect(ids(plan({ ...input, seed: 'a' }))).not.toEqual(ids(plan({ ...input, seed: 'b' })));
    const distinct = new Set(
      Array.from({ length: 20 }, (_, i) => ids(plan({ ...input, seed: `s${i}` })).join()),
    );
    expect(distinct.size).toBeGreaterThanOrEqual(15);
  });

  it("copies each question's look-for points and red flags and picks one of its follow-ups", () => {
    const byId = new Map(real.questions.questions.map((q) => [q.id, q]));
    for (const seed of SEEDS) {
      for (const q of planQuestions(plan({ level: 'mid', minutes: 90, seed }))) {
        const source = byId.get(q.questionId);
        expect(q.prompt).toBe(source?.prompt);
        expect(q.lookFor).toEqual(source?.lookFor);
        expect(q.redFlags).toEqual(source?.redFlags);
        expect(source?.followUps).toContain(q.followUp);
        expect(source?.levels).toContain('mid');
        expect(q.source).toBe('guide');
      }
    }
  });

  it('closes with as many employer expectations as the length allows', () => {
    for (const minutes of KIT_LENGTHS) {
      const close = plan({ level: 'junior', minutes }).segments.at(-1);
      if (close?.kind !== 'close') throw new Error('no close');
      expect(close.expectations).toHaveLength(CLOSE_ASPECTS[minutes as KitMinutes]);
      for (const e of close.expectations) {
        const aspect = real.expectations.aspects.find((a) => a.id === e.aspectId);
        expect(aspect?.expects).toContain(e.expects);
      }
    }
  });

  it('borrows from the neighbouring level, and gives more time, when the level has too few', () => {
    // The fixture has no staff database question; senior ones fill in.
    const p = plan({ level: 'staff', minutes: 90, areas: ['databases'] }, fixture);
    expect(planQuestions(p).map((q) => q.borrowedFrom)).toEqual(['senior', 'senior']);
    expect(planQuestions(p).map((q) => q.minutes)).toEqual([35, 35]);
    expect(total(p)).toBe(90);
    expect(p.notices.join(' ')).toMatch(/Only 2 questions fit/);
  });

  it("prefers the level's own questions to borrowed ones", () => {
    for (const seed of SEEDS) {
      const p = plan({ level: 'staff', minutes: 90, areas: ['api-design'], seed });
      const own = planQuestions(p).filter((q) => q.borrowedFrom === undefined);
      expect(own.map((q) => q.questionId)).toEqual(
        real.questions.questions
          .filter((q) => q.area === 'api-design' && q.levels.includes('staff'))
          .map((q) => q.id),
      );
    }
  });

  it('answers no-questions when neither the level nor its neighbours have any', () => {
    const knowledge = {
      ...fixture,
      questions: {
        ...fixture.questions,
        questions: fixture.questions.questions.filter((q) => q.area !== 'databases'),
      },
    };
    expect(
      planKit({ level: 'staff', minutes: 45, areas: ['databases'], seed: 'x' }, knowledge),
    ).toEqual({ ok: false, error: { kind: 'no-questions', level: 'staff', areas: ['databases'] } });
  });

  it('stores as JSON and reads back through its schema unchanged', () => {
    const p = plan({ level: 'senior', minutes: 90, panel: ['U1AAA', 'U2BBB'] });
    expect(kitPlanSchema.parse(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });
});

describe('team questions', () => {
  const teamQuestion = (id: string, area: QuestionArea, levels: LevelId[]) =>
    ({
      id,
      levels,
      area,
      prompt: `Our own question ${id}`,
      lookFor: ['Knows our stack'],
      redFlags: ['Has not read the brief'],
      followUps: ['Why?'],
      source: 'team',
    }) as InterviewQuestion;

  const withTeam = (...extra: InterviewQuestion[]): KitKnowledge => ({
    ...real,
    questions: { ...real.questions, questions: [...real.questions.questions, ...extra] },
  });

  it('takes part in every kit they fit, keeping the areas balanced', () => {
    const knowledge = withTeam(teamQuestion('our-db-question', 'databases', ['senior']));
    for (const seed of SEEDS) {
      for (const minutes of KIT_LENGTHS) {
        const p = plan({ level: 'senior', minutes, seed }, knowledge);
        const team = planQuestions(p).filter((q) => q.source === 'team');
        expect(
          team.map((q) => q.questionId),
          seed,
        ).toEqual(['our-db-question']);
        expect(Math.max(...areaCounts(p).values())).toBe(1);
        expect(total(p)).toBe(minutes);
      }
    }
  });

  it('varies between team questions and stays out where it does not fit', () => {
    const knowledge = withTeam(
      teamQuestion('ours-1', 'databases', ['senior']),
      teamQuestion('ours-2', 'system-design', ['senior']),
      teamQuestion('ours-junior', 'databases', ['junior']),
    );
    const picked = new Set(
      SEEDS.flatMap((seed) =>
        planQuestions(plan({ level: 'senior', minutes: 30, seed }, knowledge))
          .filter((q) => q.source === 'team')
          .map((q) => q.questionId),
      ),
    );
    expect(picked).toEqual(new Set(['ours-1', 'ours-2']));
    const other = plan({ level: 'senior', areas: ['trade-offs'] }, knowledge);
    expect(planQuestions(other).some((q) => q.source === 'team')).toBe(false);
  });
});

describe('panel', () => {
  it('deals questions so counts differ by one at most, every question assigned', () => {
    for (const size of [1, 2, 3, 4, 5, 8]) {
      const panel = Array.from({ length: size }, (_, i) => `U0PANEL${i}`);
      const p = plan({ level: 'senior', minutes: 90, panel });
      expect(planQuestions(p).every((q) => q.assignee !== undefined)).toBe(true);
      const counts = panelAssignments(p, panel).map((a) => a.questions.length);
      expect(counts).toHaveLength(size);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(6);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('ignores duplicates and clears assignments for an empty panel', () => {
    const p = plan({ level: 'mid', minutes: 60, panel: ['U0A1', 'U0A1', 'U0B2'] });
    expect(planQuestions(p).map((q) => q.assignee)).toEqual(['U0A1', 'U0B2', 'U0A1', 'U0B2']);
    expect(planQuestions(assignPanel(p, [])).some((q) => q.assignee !== undefined)).toBe(false);
  });
});
