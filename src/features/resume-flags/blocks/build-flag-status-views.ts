import type { ModalView } from '@slack/types';
import { sections } from '../../../kernel/slack/blocks/block-kit.js';
import { FLAG_RESUME_VIEW } from '../resume-flags-ids.js';
import { MODAL_TITLE } from './resume-text.js';

function statusView(mrkdwn: string, close: string): ModalView {
  return {
    type: 'modal',
    callback_id: FLAG_RESUME_VIEW,
    title: { type: 'plain_text', text: MODAL_TITLE },
    close: { type: 'plain_text', text: close },
    blocks: sections(mrkdwn),
  };
}

/** Opened at once from the shortcut, inside the trigger's 3 seconds; replaced after analysis. */
export function buildFlagLoadingView(): ModalView {
  return statusView(':hourglass_flowing_sand: Reading the message…', 'Cancel');
}

/** Why there is nothing to review: no text at all, or only files (images, PDFs). */
export type NothingToReview = 'empty' | 'files-only';

export function buildNothingToReviewView(reason: NothingToReview): ModalView {
  const why =
    reason === 'files-only'
      ? 'This message holds only files, and files cannot be read here.'
      : 'This message has no text to review.';
  return statusView(
    `:page_facing_up: *Nothing to review.* ${why}\n\nPaste the resume as text in a message (or a thread reply), then use *Flag resume concerns* on that message.`,
    'Close',
  );
}

/** Something failed on our side while reading the message; the details are in the log. */
export function buildFlagReadFailedView(): ModalView {
  return statusView(
    ':warning: *Sorry, something went wrong while reading this message.* Please try again in a minute.',
    'Close',
  );
}

/** Shown right after submit while the summary is posted and the flag stored. */
export function buildFlagSavingView(): ModalView {
  return statusView(':hourglass_flowing_sand: Saving the flag…', 'Close');
}

export type FlagOutcome =
  | { delivered: 'thread' | 'private'; stored: boolean }
  | { delivered: 'private-fallback'; reason: string; stored: boolean }
  | { delivered: 'nowhere'; reason: string; stored: boolean };

/** The confirmation that replaces the saving view. `reason` is our own text, not user input. */
export function buildFlagSavedView(outcome: FlagOutcome): ModalView {
  const where = {
    thread: 'The summary is in the message’s thread.',
    private: 'The summary was sent to you in a direct message.',
    'private-fallback': `I could not reply in the thread (${'reason' in outcome ? outcome.reason : ''}), so the summary was sent to you in a direct message.`,
    nowhere: `The summary could not be posted (${'reason' in outcome ? outcome.reason : ''}).`,
  }[outcome.delivered];
  const saved = outcome.stored
    ? ':white_check_mark: *Flag saved.* `/hire flags recent` lists it.'
    : ':x: *The flag could not be saved* — the database did not answer. Please try again in a minute.';
  return statusView(`${saved}\n${where}`, 'Done');
}
