import type { ModalView } from '@slack/types';
import { actions, context, sections } from '../../../kernel/slack/blocks/block-kit.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import type { DeletedCounts } from '../kit-records.js';
import { KIT_SCORECARD_VIEW } from '../kits-ids.js';
import { type KitView, kitTitle, scoreButton } from './build-kit-message.js';
import { command, esc, labelText, plural, when } from './kit-text.js';

/** The private "please score" nudge, sent once when an interview ended a while ago unscored. */
export function buildScoreReminderMessage(
  kit: KitView & { id: string },
  interviewEndsAt: Date,
): SlackMessage {
  return {
    text: `Please score your interview for ${labelText(kit.candidateLabel)}`,
    blocks: [
      ...sections(
        `:memo: Your interview for ${labelText(kit.candidateLabel)} (${esc(kitTitle(kit))}) ended ${when(interviewEndsAt)}. Please score it while it is fresh: the panel's decision waits for every scorecard.`,
      ),
      context('This is the only reminder.'),
      ...actions([scoreButton(kit.id)]),
    ],
  };
}

/** `/hire scorecards delete <label>` done: what was erased. */
export function buildCandidateDeletedMessage(label: string, counts: DeletedCounts): SlackMessage {
  const text =
    counts.kits + counts.scorecards === 0
      ? `Nothing was stored for ${labelText(label)}, so nothing was erased.`
      : `:wastebasket: Erased ${plural(counts.scorecards, 'scorecard')} and ${plural(counts.kits, 'kit')} for ${labelText(label)}.`;
  return { response_type: 'ephemeral', text, blocks: sections(text) };
}

/** `/hire scorecards delete <label>` by someone who may not; nothing changes. */
export function buildDeleteRefusedMessage(label: string): SlackMessage {
  const text = `Only an admin or someone who built a kit for ${labelText(label)} can erase its scorecards. Nothing was erased.`;
  return { response_type: 'ephemeral', text, blocks: sections(text) };
}

/** `/hire scorecards` without a usable label; `problem` is our own text about it. */
export function buildScorecardsUsageMessage(problem?: string): SlackMessage {
  const text = `${problem === undefined ? '' : `${esc(problem)} `}Name the candidate: ${command('scorecards Backend #42')} lists their scorecards, ${command('scorecards delete Backend #42')} erases everything stored for them.`;
  return { response_type: 'ephemeral', text, blocks: sections(text) };
}

function statusView(mrkdwn: string): ModalView {
  return {
    type: 'modal',
    callback_id: KIT_SCORECARD_VIEW,
    title: { type: 'plain_text', text: 'Scorecard' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: sections(mrkdwn),
  };
}

/** Opened instead of the form when the interviewer already scored this kit. */
export function buildAlreadyScoredView(label: string | undefined, scoredAt: Date): ModalView {
  return statusView(
    `:white_check_mark: You scored this interview for ${labelText(label)} ${when(scoredAt)}. A scorecard cannot be changed once submitted, so every score stays independent of the others.${label === undefined ? '' : ` See the panel's: ${command(`scorecards ${label}`)}`}`,
  );
}

/** Opened instead of the form for someone outside the kit's panel. */
export function buildNotOnPanelView(label: string | undefined): ModalView {
  return statusView(
    `This kit for ${labelText(label)} is scored by its panel, and you are not on it. Ask whoever built it to add you to the panel of a new kit.`,
  );
}

/** Opened when the kit is gone (erased, past retention, or another workspace's). */
export function buildKitGoneView(): ModalView {
  return statusView(
    'This kit is no longer stored: it was erased or is past the retention period. Nothing to score.',
  );
}

/** Replaces the form after a successful submit. */
export function buildScorecardSavedView(label: string | undefined): ModalView {
  return statusView(
    `:white_check_mark: *Scorecard saved* for ${labelText(label)}.${label === undefined ? '' : ` The panel's scorecards: ${command(`scorecards ${label}`)}`}`,
  );
}
