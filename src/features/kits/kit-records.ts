import { z } from 'zod';
import { kitPlanSchema } from './kit-plan.js';
import { candidateLabel, kitDestination, MAX_PANEL, slackUserId } from './kit-request.js';
import { scorecardContentSchema } from './scorecard.js';

const teamId = z.string().regex(/^[TE][A-Z0-9]{2,40}$/, 'expected a Slack team id');

/** A kit as it is saved: the plan, who made it, where it went and who is on the panel. */
export const newKitSchema = z.object({
  teamId,
  createdBy: slackUserId,
  candidateLabel: candidateLabel.optional(),
  plan: kitPlanSchema,
  destination: kitDestination,
  /** When the interview starts, if the creator said; the "please score" reminder needs it. */
  interviewAt: z.date().optional(),
  panel: z
    .array(slackUserId)
    .max(MAX_PANEL)
    .transform((panel) => [...new Set(panel)]),
  createdAt: z.date(),
});

export type NewKit = z.input<typeof newKitSchema>;
export type StoredKit = z.output<typeof newKitSchema> & { id: string };

/** One interviewer's scorecard for one kit. */
export const newScorecardSchema = scorecardContentSchema.extend({
  kitId: z.uuid(),
  teamId,
  interviewer: slackUserId,
  createdAt: z.date(),
});

export type NewScorecard = z.input<typeof newScorecardSchema>;
/** The candidate label is the kit's, copied so a listing reads one table. */
export type StoredScorecard = z.output<typeof newScorecardSchema> & {
  id: string;
  candidateLabel?: string;
};

/** Who is expected to score a kit: its panel, or its creator when it has no panel. */
export function expectedScorers(kit: Pick<StoredKit, 'panel' | 'createdBy'>): string[] {
  return kit.panel.length > 0 ? [...kit.panel] : [kit.createdBy];
}

/** How many rows an erasure or a retention sweep removed. */
export type DeletedCounts = { kits: number; scorecards: number };
