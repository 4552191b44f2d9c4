import type { ModalView } from '@slack/types';
import { sections } from '../../../kernel/slack/blocks/block-kit.js';
import type { FileKind } from '../attachments/attachment-schemas.js';
import type { AttachmentSummary } from '../read-message-files.js';
import { FLAG_RESUME_VIEW } from '../resume-flags-ids.js';
import { readFilesText, readingWhat, skippedFilesText } from './attachment-text.js';
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

/**
 * Opened at once from the shortcut, inside the trigger's 3 seconds; replaced after analysis.
 * `files` are the kinds of the attached files about to be read (undefined: known after
 * files.info); their names are not needed.
 */
export function buildFlagLoadingView(files: readonly (FileKind | undefined)[] = []): ModalView {
  return statusView(
    files.length === 0
      ? ':hourglass_flowing_sand: Reading the message…'
      : `:hourglass_flowing_sand: Reading the message and ${readingWhat(files)}…\nThis can take a few seconds.`,
    'Cancel',
  );
}

/** Why there is nothing to review: no text at all, or only files that gave none. */
export type NothingToReview = 'empty' | 'files-only';

const HOW_TO =
  'Attach the resume as a PDF with text (not a scan), a Word .docx, a text or Markdown file, or paste it as text in a message (or a thread reply), then use *Flag resume concerns* on that message.';

/** `files` says what became of each attached file, when the message had any. */
export function buildNothingToReviewView(
  reason: NothingToReview,
  files?: AttachmentSummary,
): ModalView {
  const why =
    reason === 'files-only'
      ? 'This message holds only files, and none of them gave any text to review.'
      : 'This message has no text to review.';
  const details = files ? [readFilesText(files), skippedFilesText(files)] : [];
  return statusView(
    [`:page_facing_up: *Nothing to review.* ${why}`, ...details, HOW_TO]
      .filter((part) => part !== undefined)
      .join('\n\n'),
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
