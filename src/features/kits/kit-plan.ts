import { z } from 'zod';
import { entryId, levelId } from '../../kernel/knowledge/schemas/common.js';
import { questionArea } from '../../kernel/knowledge/schemas/interview-questions-schema.js';
import { kitMinutes, kitSeed, slackUserId } from './kit-request.js';

const text = z.string().min(1).max(2000);
const minutes = z.number().int().min(1).max(90);

/**
 * One question of a kit, copied from the knowledge when the kit is built: the kit and its
 * scorecards keep meaning the same thing after the knowledge is edited.
 */
export const planQuestionSchema = z.object({
  kind: z.literal('question'),
  minutes,
  /** 1-based number in the kit; the scorecard's block ids use it. */
  number: z.number().int().min(1).max(20),
  questionId: entryId,
  area: questionArea,
  areaName: text,
  prompt: text,
  lookFor: z.array(text).min(1).max(20),
  redFlags: z.array(text).min(1).max(20),
  followUp: text,
  /** `team` for the team's own questions; everything else came with the guide. */
  source: z.enum(['guide', 'team']),
  /** The level the question was written for when it was borrowed from a neighbouring level. */
  borrowedFrom: levelId.optional(),
  /** The panel member who asks it, when the kit has a panel. */
  assignee: slackUserId.optional(),
});

export const planSegmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('opening'), minutes, points: z.array(text).min(1) }),
  planQuestionSchema,
  z.object({ kind: z.literal('candidate-questions'), minutes, points: z.array(text).min(1) }),
  z.object({
    kind: z.literal('close'),
    minutes,
    points: z.array(text).min(1),
    /** What engineers expect of an employer: one thing to be ready to speak to per aspect. */
    expectations: z.array(z.object({ aspectId: entryId, name: text, expects: text })),
  }),
]);

/** A timed interview plan. Stored as JSON with the kit; `version` guards the shape. */
export const kitPlanSchema = z.object({
  version: z.literal(1),
  level: levelId,
  levelName: text,
  minutes: kitMinutes,
  /** The areas asked for; empty when the questions were balanced over every area. */
  areas: z.array(questionArea),
  seed: kitSeed,
  segments: z.array(planSegmentSchema).min(3),
  /** Plain sentences about choices the planner had to make (few questions, borrowed ones). */
  notices: z.array(text),
});

export type KitPlan = z.infer<typeof kitPlanSchema>;
export type PlanSegment = z.infer<typeof planSegmentSchema>;
export type PlanQuestion = z.infer<typeof planQuestionSchema>;

export function planQuestions(plan: Pick<KitPlan, 'segments'>): PlanQuestion[] {
  return plan.segments.filter((s): s is PlanQuestion => s.kind === 'question');
}
