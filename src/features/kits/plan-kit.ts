import { LEVEL_IDS, type LevelId } from '../../kernel/knowledge/schemas/common.js';
import type { Expectations } from '../../kernel/knowledge/schemas/expectations-schema.js';
import type {
  InterviewQuestion,
  InterviewQuestions,
  QuestionArea,
} from '../../kernel/knowledge/schemas/interview-questions-schema.js';
import type { Levels } from '../../kernel/knowledge/schemas/levels-schema.js';
import { seededShuffle } from '../../kernel/seeded-shuffle.js';
import { assignPanel } from './assign-panel.js';
import type { KitPlan, PlanQuestion, PlanSegment } from './kit-plan.js';
import type { KitRequest } from './kit-request.js';
import { CLOSE_ASPECTS, KIT_TIMINGS, questionMinutes, splitMinutes } from './kit-timing.js';

export type KitKnowledge = {
  questions: InterviewQuestions;
  levels: Levels;
  expectations: Expectations;
};

export type PlanKitInput = Pick<KitRequest, 'level' | 'minutes' | 'areas' | 'seed'> & {
  /** Panel members (Slack user ids), in the order their questions are dealt. */
  panel?: readonly string[];
};

export type PlanKitError = { kind: 'no-questions'; level: LevelId; areas: QuestionArea[] };

export type PlanKitResult = { ok: true; plan: KitPlan } | { ok: false; error: PlanKitError };

/** The team-knowledge work adds `source` to entries; until then every question is the guide's. */
function isTeamQuestion(question: InterviewQuestion): boolean {
  return (question as { source?: unknown }).source === 'team';
}

/** The levels next to `level`, whose questions fill in when a level has too few. */
function neighbours(level: LevelId): LevelId[] {
  const i = LEVEL_IDS.indexOf(level);
  return [LEVEL_IDS[i - 1], LEVEL_IDS[i + 1]].filter((l): l is LevelId => l !== undefined);
}

type Dealt = { question: InterviewQuestion; borrowedFrom?: LevelId };

/**
 * Deals questions area by area in a seeded order, one per area per round, so no area gets a
 * second question while another that still has one got none. The level's own questions are
 * dealt first; neighbouring levels' only fill slots the level cannot.
 */
function dealQuestions(
  pool: readonly InterviewQuestion[],
  input: PlanKitInput,
  areas: readonly QuestionArea[],
  slots: number,
): Dealt[] {
  const near = neighbours(input.level);
  // One pass sorts the pool into the level's own questions and borrowable ones, per area.
  const own = new Map<QuestionArea, InterviewQuestion[]>();
  const borrowable = new Map<QuestionArea, InterviewQuestion[]>();
  for (const question of pool) {
    const bucket = question.levels.includes(input.level)
      ? own
      : question.levels.some((l) => near.includes(l))
        ? borrowable
        : undefined;
    if (bucket === undefined) continue;
    const list = bucket.get(question.area);
    if (list === undefined) bucket.set(question.area, [question]);
    else list.push(question);
  }
  const areaOrder = seededShuffle(areas, `${input.seed}/areas`);
  const picks: Dealt[] = [];
  for (const [phase, buckets] of [
    ['own', own],
    ['borrowed', borrowable],
  ] as const) {
    const queues = areaOrder.map((area) =>
      seededShuffle(buckets.get(area) ?? [], `${input.seed}/${area}/${phase}`),
    );
    while (picks.length < slots && queues.some((queue) => queue.length > 0)) {
      for (const queue of queues) {
        const question = queue.shift();
        if (question === undefined || picks.length >= slots) continue;
        const borrowedFrom =
          phase === 'own' ? undefined : near.find((l) => question.levels.includes(l));
        picks.push(borrowedFrom === undefined ? { question } : { question, borrowedFrom });
      }
    }
  }
  return picks;
}

/**
 * Team questions take part whenever one fits: if the deal picked none, one replaces a question
 * of its own area (or of the area with the most questions), which keeps the areas balanced.
 */
function includeTeamQuestion(
  picks: Dealt[],
  pool: readonly InterviewQuestion[],
  input: PlanKitInput,
  areas: readonly QuestionArea[],
): Dealt[] {
  if (picks.length === 0 || picks.some((p) => isTeamQuestion(p.question))) return picks;
  const picked = new Set(picks.map((p) => p.question.id));
  const [team] = seededShuffle(
    pool.filter(
      (q) =>
        isTeamQuestion(q) &&
        !picked.has(q.id) &&
        areas.includes(q.area) &&
        q.levels.includes(input.level),
    ),
    `${input.seed}/team`,
  );
  if (team === undefined) return picks;
  const counts = new Map<QuestionArea, number>();
  for (const p of picks) counts.set(p.question.area, (counts.get(p.question.area) ?? 0) + 1);
  let replace = picks.findLastIndex((p) => p.question.area === team.area);
  if (replace < 0) {
    const most = Math.max(...counts.values());
    replace = picks.findLastIndex((p) => counts.get(p.question.area) === most);
  }
  return picks.map((p, i) => (i === replace ? { question: team } : p));
}

function openingPoints(
  input: PlanKitInput,
  levels: Levels,
  questionCount: number,
  candidateMinutes: number,
): string[] {
  const level = levels.levels.find((l) => l.id === input.level);
  const panel = (input.panel?.length ?? 0) > 1 ? ' and the panel' : '';
  const points = [
    `Introduce yourself${panel}, then lay out the ${input.minutes} minutes: ${questionCount} question${questionCount === 1 ? '' : 's'}, then ${candidateMinutes} minutes for theirs.`,
    'Say that thinking aloud and asking clarifying questions are welcome: you are scoring reasoning, not speed.',
  ];
  if (level !== undefined) {
    points.push(
      `${level.name} (${level.theme}). Signals to listen for: ${level.signals.slice(0, 3).join('; ')}.`,
    );
  }
  return points;
}

function closeSegment(
  input: PlanKitInput,
  expectations: Expectations,
  minutes: number,
): PlanSegment {
  const aspects = seededShuffle(expectations.aspects, `${input.seed}/close`).slice(
    0,
    CLOSE_ASPECTS[input.minutes],
  );
  return {
    kind: 'close',
    minutes,
    points: [
      'Say what happens next and by when they will hear back, then keep that promise.',
      'Be ready to speak honestly to what engineers look for in an employer:',
    ],
    expectations: aspects.map((aspect) => ({
      aspectId: aspect.id,
      name: aspect.name,
      expects: seededShuffle(aspect.expects, `${input.seed}/close/${aspect.id}`)[0] ?? '',
    })),
  };
}

/**
 * A timed interview plan for a level, length and areas. The same input (seed included) always
 * gives the same plan; the minutes of its segments add up to the length exactly.
 */
export function planKit(input: PlanKitInput, knowledge: KitKnowledge): PlanKitResult {
  const { questions, levels, expectations } = knowledge;
  const areaNames = new Map(questions.areas.map((a) => [a.id, a.name]));
  const areas = input.areas.length > 0 ? input.areas : questions.areas.map((a) => a.id);
  const timing = KIT_TIMINGS[input.minutes];

  const dealt = dealQuestions(questions.questions, input, areas, timing.questions);
  const picks = includeTeamQuestion(dealt, questions.questions, input, areas);
  if (picks.length === 0) {
    return { ok: false, error: { kind: 'no-questions', level: input.level, areas: input.areas } };
  }

  const levelName = levels.levels.find((l) => l.id === input.level)?.name ?? input.level;
  const notices: string[] = [];
  if (picks.length < timing.questions) {
    notices.push(
      `Only ${picks.length} question${picks.length === 1 ? ' fits' : 's fit'} this level and these areas, so each gets more time.`,
    );
  }
  const slotMinutes = splitMinutes(questionMinutes(input.minutes), picks.length);
  const planned: PlanQuestion[] = picks.map(({ question, borrowedFrom }, i) => ({
    kind: 'question',
    minutes: slotMinutes[i] ?? 0,
    number: i + 1,
    questionId: question.id,
    area: question.area,
    areaName: areaNames.get(question.area) ?? question.area,
    prompt: question.prompt,
    lookFor: question.lookFor,
    redFlags: question.redFlags,
    followUp: seededShuffle(question.followUps, `${input.seed}/${question.id}`)[0] ?? '',
    source: isTeamQuestion(question) ? 'team' : 'guide',
    ...(borrowedFrom === undefined ? {} : { borrowedFrom }),
  }));

  const plan: KitPlan = {
    version: 1,
    level: input.level,
    levelName,
    minutes: input.minutes,
    areas: [...input.areas],
    seed: input.seed,
    segments: [
      {
        kind: 'opening',
        minutes: timing.opening,
        points: openingPoints(input, levels, planned.length, timing.candidate),
      },
      ...planned,
      {
        kind: 'candidate-questions',
        minutes: timing.candidate,
        points: [
          'The floor is theirs. Answer plainly, including about on-call, how decisions are made and what is hard here.',
        ],
      },
      closeSegment(input, expectations, timing.close),
    ],
    notices,
  };
  return { ok: true, plan: assignPanel(plan, input.panel ?? []) };
}
