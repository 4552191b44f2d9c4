import type { KnownBlock } from '@slack/types';
import { context, header, sections } from '../../../kernel/slack/blocks/block-kit.js';
import { truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { type PlanQuestion, planQuestions } from '../kit-plan.js';
import type { StoredScorecard } from '../kit-records.js';
import { fitBlocks, type KitView } from './build-kit-message.js';
import type { Fit } from './kit-segment-text.js';
import { command, esc, escList, labelText, person, ratingText } from './kit-text.js';

export type ScorecardSummaryInput = {
  kit: KitView;
  scorecard: StoredScorecard;
  /** Who has scored this kit so far (the new scorecard included) and who is expected to. */
  scoredBy: readonly string[];
  expected: readonly string[];
  /**
   * `private`: the interviewer's own copy, in full. `shared`: for the channel or thread the
   * kit went to, where other panel members read along, so it says who scored and how far the
   * panel is, never what they scored.
   */
  audience: 'private' | 'shared';
};

/** "2 of 3 panel members have scored" (interviewers outside the panel count as extra). */
export function progressText(scoredBy: readonly string[], expected: readonly string[]): string {
  const done = expected.filter((m) => scoredBy.includes(m)).length;
  const extra = scoredBy.filter((m) => !expected.includes(m)).length;
  const more = extra > 0 ? ` (and ${extra} more)` : '';
  return expected.length <= 1 && extra === 0
    ? 'Scored.'
    : `${done} of ${expected.length} expected ${expected.length === 1 ? 'scorecard is' : 'scorecards are'} in${more}.`;
}

function questionLine(question: PlanQuestion, card: StoredScorecard, fit: Fit): string {
  const rated = card.ratings[question.questionId];
  const head = `*Q${question.number} · ${esc(question.areaName)}* — ${rated === undefined ? '_not asked_' : ratingText(rated)}`;
  if (rated === undefined) return head;
  const seen = (card.tickedPoints[question.questionId] ?? []).flatMap((i) => {
    const item = question.lookFor[i];
    return item === undefined ? [] : [item];
  });
  const flags = (card.redFlags[question.questionId] ?? []).flatMap((i) => {
    const item = question.redFlags[i];
    return item === undefined ? [] : [item];
  });
  return [
    head,
    ...(seen.length > 0 ? [`Saw:\n${escList(seen, fit.item, fit.list)}`] : []),
    ...(flags.length > 0 ? [`:warning: Red flags:\n${escList(flags, fit.item, fit.list)}`] : []),
  ].join('\n');
}

function fullBlocks(input: ScorecardSummaryInput, fit: Fit): KnownBlock[] {
  const { kit, scorecard } = input;
  const lookup = `scorecards ${kit.candidateLabel ?? ''}`.trim();
  return [
    header('Scorecard submitted'),
    context(
      `${labelText(kit.candidateLabel)} · ${esc(kit.plan.levelName)} · ${kit.plan.minutes} min · by ${person(scorecard.interviewer)}`,
    ),
    ...planQuestions(kit.plan).flatMap((q) => sections(questionLine(q, scorecard, fit))),
    ...sections(
      `*Overall:* ${ratingText(scorecard.recommendation)}${scorecard.note === undefined ? '' : `\n>${esc(truncate(scorecard.note, Math.max(fit.item * 4, 400))).replace(/\n/g, '\n>')}`}`,
    ),
    context(
      `${progressText(input.scoredBy, input.expected)}${kit.candidateLabel === undefined ? '' : ` The others' scorecards: ${command(lookup)}`}`,
    ),
  ];
}

function sharedBlocks(input: ScorecardSummaryInput): KnownBlock[] {
  const { kit, scorecard } = input;
  const lookup =
    kit.candidateLabel === undefined
      ? ''
      : ` Each member sees the others' with ${command(`scorecards ${kit.candidateLabel}`)} once their own is in.`;
  return sections(
    `:memo: ${person(scorecard.interviewer)} submitted a scorecard for ${labelText(kit.candidateLabel)}. ${progressText(input.scoredBy, input.expected)}${lookup}`,
  );
}

/** What is posted once a scorecard is saved: in full privately, or as progress for the panel. */
export function buildScorecardSummaryMessage(input: ScorecardSummaryInput): SlackMessage {
  const who = person(input.scorecard.interviewer);
  return {
    text: `${who} submitted a scorecard for ${labelText(input.kit.candidateLabel)}`,
    blocks:
      input.audience === 'shared'
        ? sharedBlocks(input)
        : fitBlocks((fit) => fullBlocks(input, fit)),
  };
}
