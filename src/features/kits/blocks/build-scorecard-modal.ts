import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { context, divider, sections } from '../../../kernel/slack/blocks/block-kit.js';
import { truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { PlanQuestion } from '../kit-plan.js';
import { KIT_SCORECARD_VIEW, SCORECARD_INPUTS, SCORECARD_QUESTION_INPUTS } from '../kits-ids.js';
import { MAX_SCORECARD_NOTE, RATING_LABELS, RATINGS } from '../scorecard.js';
import { MAX_CHECKBOXES, scorecardQuestions } from '../scorecard-form.js';
import type { KitView } from './build-kit-message.js';
import { esc, labelText } from './kit-text.js';

/** Modal titles, submit and close labels may hold 24 characters. */
const TITLE = 'Scorecard';
const OPTION_TEXT = 75;

/**
 * A checkbox for a list item. Option text holds 75 characters; a longer item continues in the
 * option's description (75 more), so most items read whole.
 */
export function checkboxOption(item: string, value: string): PlainTextOption {
  const clean = item.replace(/\s+/g, ' ').trim();
  if (clean.length <= OPTION_TEXT) return { text: { type: 'plain_text', text: clean }, value };
  let cut = clean.lastIndexOf(' ', OPTION_TEXT - 2);
  if (cut < OPTION_TEXT / 2) cut = OPTION_TEXT - 2;
  return {
    text: { type: 'plain_text', text: `${clean.slice(0, cut).trimEnd()} …` },
    description: {
      type: 'plain_text',
      text: truncate(`… ${clean.slice(cut).trimStart()}`, OPTION_TEXT),
    },
    value,
  };
}

const RATING_OPTIONS: PlainTextOption[] = RATINGS.map((r) => ({
  text: { type: 'plain_text', text: RATING_LABELS[r] },
  value: r,
}));

function checkboxInput(
  ids: { blockId: string; actionId: string },
  label: string,
  items: readonly string[],
): KnownBlock {
  const shown = items.slice(0, MAX_CHECKBOXES);
  return {
    type: 'input',
    block_id: ids.blockId,
    optional: true,
    label: { type: 'plain_text', text: label },
    ...(items.length > shown.length
      ? { hint: { type: 'plain_text', text: `The first ${shown.length} of ${items.length}.` } }
      : {}),
    element: {
      type: 'checkboxes',
      action_id: ids.actionId,
      options: shown.map((item, i) => checkboxOption(item, String(i))),
    },
  };
}

function questionBlocks(question: PlanQuestion): KnownBlock[] {
  const n = question.number;
  return [
    ...sections(
      `*Q${n} · ${esc(question.areaName)}*\n>${esc(truncate(question.prompt, 600)).replace(/\n/g, '\n>')}`,
    ),
    checkboxInput(SCORECARD_QUESTION_INPUTS.lookFor(n), 'What you saw', question.lookFor),
    checkboxInput(SCORECARD_QUESTION_INPUTS.redFlags(n), 'Red flags you saw', question.redFlags),
    {
      type: 'input',
      block_id: SCORECARD_QUESTION_INPUTS.rating(n).blockId,
      optional: true,
      label: { type: 'plain_text', text: `Rating for Q${n}` },
      hint: { type: 'plain_text', text: 'Leave it empty if you did not get to this question.' },
      element: {
        type: 'radio_buttons',
        action_id: SCORECARD_QUESTION_INPUTS.rating(n).actionId,
        options: RATING_OPTIONS,
      },
    },
    divider(),
  ];
}

/**
 * The scorecard for one interviewer, built from the stored kit: for each question they score,
 * the look-for points and red flags as checkboxes and a rating; then the overall
 * recommendation and a note. `private_metadata` is the kit id and nothing else.
 */
export function buildScorecardModal(kit: KitView & { id: string }, interviewer: string): ModalView {
  const questions = scorecardQuestions(kit.plan, interviewer);
  const all = kit.plan.segments.filter((s) => s.kind === 'question').length;
  const scope =
    questions.length < all
      ? `the ${questions.length} of ${all} questions the kit gave you`
      : 'each question you asked';
  const blocks: KnownBlock[] = [
    ...sections(
      `${labelText(kit.candidateLabel)} · ${esc(kit.plan.levelName)} · ${kit.plan.minutes} min. Score ${scope}: tick what you saw, then rate it.`,
    ),
    context(
      'Independent scoring: the other scorecards stay hidden from you until yours is in, and yours from them. A submitted scorecard cannot be changed.',
    ),
    divider(),
    ...questions.flatMap(questionBlocks),
    {
      type: 'input',
      block_id: SCORECARD_INPUTS.recommendation.blockId,
      label: { type: 'plain_text', text: 'Overall recommendation' },
      element: {
        type: 'radio_buttons',
        action_id: SCORECARD_INPUTS.recommendation.actionId,
        options: RATING_OPTIONS,
      },
    },
    {
      type: 'input',
      block_id: SCORECARD_INPUTS.note.blockId,
      optional: true,
      label: { type: 'plain_text', text: 'Note' },
      element: {
        type: 'plain_text_input',
        action_id: SCORECARD_INPUTS.note.actionId,
        multiline: true,
        max_length: MAX_SCORECARD_NOTE,
        placeholder: {
          type: 'plain_text',
          text: 'Evidence for your recommendation: what they said or did. No personal details.',
        },
      },
    },
  ];
  return {
    type: 'modal',
    callback_id: KIT_SCORECARD_VIEW,
    title: { type: 'plain_text', text: TITLE },
    submit: { type: 'plain_text', text: 'Submit' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: kit.id,
    blocks,
  };
}
