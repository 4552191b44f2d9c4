import { readInput, type ViewStateValues } from '../../kernel/slack/view-state.js';
import { type KitPlan, type PlanQuestion, planQuestions } from './kit-plan.js';
import { SCORECARD_INPUTS, SCORECARD_QUESTION_INPUTS } from './kits-ids.js';
import {
  MAX_SCORECARD_NOTE,
  type Rating,
  rating,
  type ScorecardContent,
  scorecardContentSchema,
} from './scorecard.js';

/** Slack allows ten checkboxes per group; longer lists offer their first ten. */
export const MAX_CHECKBOXES = 10;

/**
 * The questions an interviewer scores: the ones assigned to them when the kit's panel split
 * the questions, otherwise all of them.
 */
export function scorecardQuestions(plan: KitPlan, interviewer: string): PlanQuestion[] {
  const questions = planQuestions(plan);
  const own = questions.filter((q) => q.assignee === interviewer);
  return own.length > 0 ? own : questions;
}

export type ScorecardFormParse =
  | { ok: true; content: ScorecardContent }
  /** Messages keyed by block_id, ready for `ack({ response_action: 'errors', errors })`. */
  | { ok: false; errors: Record<string, string> };

const OUT_OF_DATE = 'This form is out of date. Close it and open it again from the kit.';

/** Positions ticked in a checkbox group, or undefined when a value is not one the form offered. */
function positions(selected: { value: string }[] | null | undefined, offered: number) {
  const out: number[] = [];
  for (const { value } of selected ?? []) {
    if (!/^\d{1,2}$/.test(value) || Number(value) >= Math.min(offered, MAX_CHECKBOXES)) {
      return undefined;
    }
    out.push(Number(value));
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/**
 * Reads a submitted scorecard modal built by buildScorecardModal for the same kit and
 * interviewer. Unrated questions count as not asked; ticking a question's boxes without
 * rating it, rating nothing at all, or leaving out the recommendation is sent back with a
 * message under the field.
 */
export function parseScorecardForm(
  values: ViewStateValues,
  plan: KitPlan,
  interviewer: string,
): ScorecardFormParse {
  const errors: Record<string, string> = {};
  const ratings: Record<string, Rating> = {};
  const tickedPoints: Record<string, number[]> = {};
  const redFlags: Record<string, number[]> = {};
  const questions = scorecardQuestions(plan, interviewer);

  for (const question of questions) {
    const ids = {
      lookFor: SCORECARD_QUESTION_INPUTS.lookFor(question.number),
      redFlags: SCORECARD_QUESTION_INPUTS.redFlags(question.number),
      rating: SCORECARD_QUESTION_INPUTS.rating(question.number),
    };
    const seen = positions(
      readInput(values, ids.lookFor).selected_options,
      question.lookFor.length,
    );
    const flags = positions(
      readInput(values, ids.redFlags).selected_options,
      question.redFlags.length,
    );
    const chosen = readInput(values, ids.rating).selected_option?.value;
    const parsedRating = chosen === undefined ? undefined : rating.safeParse(chosen);
    if (seen === undefined) errors[ids.lookFor.blockId] = OUT_OF_DATE;
    if (flags === undefined) errors[ids.redFlags.blockId] = OUT_OF_DATE;
    if (parsedRating !== undefined && !parsedRating.success) {
      errors[ids.rating.blockId] = OUT_OF_DATE;
      continue;
    }
    if (parsedRating === undefined) {
      if ((seen?.length ?? 0) > 0 || (flags?.length ?? 0) > 0) {
        errors[ids.rating.blockId] =
          'Rate this question, or untick its boxes if you did not get to it.';
      }
      continue;
    }
    ratings[question.questionId] = parsedRating.data;
    if (seen !== undefined && seen.length > 0) tickedPoints[question.questionId] = seen;
    if (flags !== undefined && flags.length > 0) redFlags[question.questionId] = flags;
  }

  const first = questions[0];
  if (Object.keys(ratings).length === 0 && Object.keys(errors).length === 0 && first) {
    errors[SCORECARD_QUESTION_INPUTS.rating(first.number).blockId] =
      'Rate at least one question you asked.';
  }

  const recommendation = readInput(values, SCORECARD_INPUTS.recommendation).selected_option?.value;
  const note = readInput(values, SCORECARD_INPUTS.note).value ?? undefined;
  const content = scorecardContentSchema.safeParse({
    ratings,
    tickedPoints,
    redFlags,
    recommendation,
    note,
  });
  if (!content.success) {
    for (const issue of content.error.issues) {
      if (issue.path[0] === 'recommendation') {
        errors[SCORECARD_INPUTS.recommendation.blockId] ??=
          recommendation === undefined ? 'Choose an overall recommendation.' : OUT_OF_DATE;
      } else if (issue.path[0] === 'note') {
        errors[SCORECARD_INPUTS.note.blockId] ??=
          `Keep the note under ${MAX_SCORECARD_NOTE.toLocaleString('en-US')} characters.`;
      }
    }
  }
  if (!content.success && Object.keys(errors).length === 0) {
    errors[SCORECARD_INPUTS.recommendation.blockId] = OUT_OF_DATE;
  }
  if (!content.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, content: content.data };
}
