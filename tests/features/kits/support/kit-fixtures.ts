import { randomUUID } from 'node:crypto';
import { planQuestions } from '../../../../src/features/kits/kit-plan.js';
import type { StoredKit, StoredScorecard } from '../../../../src/features/kits/kit-records.js';
import type { KitMinutes } from '../../../../src/features/kits/kit-request.js';
import {
  SCORECARD_INPUTS,
  SCORECARD_QUESTION_INPUTS,
} from '../../../../src/features/kits/kits-ids.js';
import { type KitKnowledge, planKit } from '../../../../src/features/kits/plan-kit.js';
import { RATINGS } from '../../../../src/features/kits/scorecard.js';
import type { LevelId } from '../../../../src/kernel/knowledge/schemas/common.js';
import type { InterviewQuestion } from '../../../../src/kernel/knowledge/schemas/interview-questions-schema.js';
import type { ViewStateValues } from '../../../../src/kernel/slack/view-state.js';

export const TEAM = 'T0TEAM1';
export const HOSTILE = '<!channel> <@U0EVIL> <http://x.test|click> & <!here>';
/** The longest label a kit takes, made of hostile text. */
export const HOSTILE_LABEL = `${HOSTILE} `.repeat(4).slice(0, 80).trim();

export type KitOptions = {
  level?: LevelId;
  minutes?: KitMinutes;
  seed?: string;
  panel?: string[];
  label?: string;
  createdBy?: string;
  interviewAt?: Date;
  createdAt?: Date;
};

/** A kit as the repository returns it, planned from `knowledge`. */
export function makeKit(knowledge: KitKnowledge, options: KitOptions = {}): StoredKit {
  const panel = options.panel ?? [];
  const planned = planKit(
    {
      level: options.level ?? 'senior',
      minutes: options.minutes ?? 60,
      areas: [],
      seed: options.seed ?? 'fixture',
      panel,
    },
    knowledge,
  );
  if (!planned.ok) throw new Error(`fixture kit has no plan: ${JSON.stringify(planned.error)}`);
  return {
    id: randomUUID(),
    teamId: TEAM,
    createdBy: options.createdBy ?? 'U0CREATOR',
    ...(options.label === undefined ? {} : { candidateLabel: options.label }),
    plan: planned.plan,
    destination: { kind: 'private' },
    ...(options.interviewAt === undefined ? {} : { interviewAt: options.interviewAt }),
    panel,
    createdAt: options.createdAt ?? new Date('2026-03-02T10:00:00Z'),
  };
}

/** A scorecard with every question rated, every box ticked and a note, the heaviest there is. */
export function makeScorecard(
  kit: StoredKit,
  interviewer: string,
  options: { note?: string; index?: number } = {},
): StoredScorecard {
  const questions = planQuestions(kit.plan);
  const i = options.index ?? 0;
  return {
    id: randomUUID(),
    kitId: kit.id,
    teamId: kit.teamId,
    ...(kit.candidateLabel === undefined ? {} : { candidateLabel: kit.candidateLabel }),
    interviewer,
    ratings: Object.fromEntries(
      questions.map((q, n) => [q.questionId, RATINGS[(n + i) % RATINGS.length] ?? 'yes']),
    ),
    tickedPoints: Object.fromEntries(
      questions.map((q) => [q.questionId, q.lookFor.map((_, k) => k)]),
    ),
    redFlags: Object.fromEntries(questions.map((q) => [q.questionId, q.redFlags.map((_, k) => k)])),
    recommendation: RATINGS[i % RATINGS.length] ?? 'yes',
    ...(options.note === undefined ? {} : { note: options.note }),
    createdAt: new Date('2026-03-02T12:00:00Z'),
  };
}

/**
 * The real knowledge plus team questions written to break limits: hostile text everywhere,
 * long prompts, and more look-for points and red flags than Slack has checkboxes for.
 */
export function withHostileTeamQuestions(knowledge: KitKnowledge): KitKnowledge {
  const long = (n: number) => `${HOSTILE} ${'long words for the limit '.repeat(12)}${n}`;
  const extra = knowledge.questions.areas.map(
    (area, i) =>
      ({
        id: `team-hostile-${i}`,
        levels: ['junior', 'mid', 'senior', 'staff'],
        area: area.id,
        prompt: `${HOSTILE} ${'a very long prompt '.repeat(80)}`,
        lookFor: Array.from({ length: 12 }, (_, n) => long(n)),
        redFlags: Array.from({ length: 11 }, (_, n) => long(n)),
        followUps: [long(0), long(1)],
        source: 'team',
      }) as InterviewQuestion,
  );
  return {
    ...knowledge,
    questions: { ...knowledge.questions, questions: [...extra, ...knowledge.questions.questions] },
  };
}

/** Every mrkdwn text and fallback text of a message or view, where Slack would parse mentions. */
export function mrkdwnTexts(payload: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (record.type === 'mrkdwn' && typeof record.text === 'string') out.push(record.text);
    for (const v of Object.values(record)) walk(v);
  };
  walk(payload);
  if (typeof payload === 'object' && payload !== null) {
    const text = (payload as Record<string, unknown>).text;
    if (typeof text === 'string') out.push(text);
  }
  return out;
}

/**
 * Live mentions and links in the mrkdwn of a payload, except mentions of `allowed` users and
 * Slack date tokens (made from Dates, never from text).
 */
export function liveTokens(payload: unknown, allowed: readonly string[]): string[] {
  const found: string[] = [];
  for (const text of mrkdwnTexts(payload)) {
    for (const match of text.matchAll(/<[^>]*>/g)) {
      const token = match[0];
      if (/^<!date\^\d+\^[^|>]*\|[^>]*>$/.test(token)) continue;
      const user = /^<@([A-Z0-9]+)>$/.exec(token);
      if (user && allowed.includes(user[1] ?? '')) continue;
      found.push(token);
    }
  }
  return found;
}

/** Builds `view.state.values` the way Slack sends it for this modal. */
export function scorecardState(answers: {
  questions?: Record<number, { seen?: string[]; flags?: string[]; rating?: string }>;
  recommendation?: string;
  note?: string;
}): ViewStateValues {
  const values: ViewStateValues = {};
  for (const [n, a] of Object.entries(answers.questions ?? {})) {
    const number = Number(n);
    const look = SCORECARD_QUESTION_INPUTS.lookFor(number);
    const flags = SCORECARD_QUESTION_INPUTS.redFlags(number);
    const rating = SCORECARD_QUESTION_INPUTS.rating(number);
    values[look.blockId] = {
      [look.actionId]: {
        type: 'checkboxes',
        selected_options: (a.seen ?? []).map((value) => ({ value, text: { text: 'x' } })),
      },
    };
    values[flags.blockId] = {
      [flags.actionId]: {
        type: 'checkboxes',
        selected_options: (a.flags ?? []).map((value) => ({ value })),
      },
    };
    values[rating.blockId] = {
      [rating.actionId]: {
        type: 'radio_buttons',
        selected_option: a.rating === undefined ? null : { value: a.rating },
      },
    };
  }
  values[SCORECARD_INPUTS.recommendation.blockId] = {
    [SCORECARD_INPUTS.recommendation.actionId]: {
      type: 'radio_buttons',
      selected_option:
        answers.recommendation === undefined ? null : { value: answers.recommendation },
    },
  };
  values[SCORECARD_INPUTS.note.blockId] = {
    [SCORECARD_INPUTS.note.actionId]: { type: 'plain_text_input', value: answers.note ?? null },
  };
  return values;
}
