import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Level } from '../../../kernel/knowledge/schemas/levels-schema.js';
import type { ResumeFlag } from '../../../kernel/knowledge/schemas/resume-flags-schema.js';
import { context, divider, sections } from '../../../kernel/slack/blocks/block-kit.js';
import { escapeMrkdwn, truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import { mention } from '../../../kernel/slack/blocks/text.js';
import type { ResumeAnalysis } from '../analysis/analyze-resume.js';
import { MAX_NOTE_CHARS } from '../flag-review.js';
import type { AttachmentSummary } from '../read-message-files.js';
import { FLAG_RESUME_INPUTS, FLAG_RESUME_VIEW } from '../resume-flags-ids.js';
import { readFilesText, skippedFilesText } from './attachment-text.js';
import { levelLine, MODAL_TITLE, SHARED_CHANNEL_REASON } from './resume-text.js';

/** Slack allows 10 checkboxes; the knowledge has fewer yellow flags, this is a guard. */
const MAX_CHECKBOXES = 10;
const OPTION_TEXT = 75;

export type FlagReviewViewInput = {
  /** The message is in a channel shared with another organisation: the result comes privately. */
  sharedChannel?: boolean;
  analysis: ResumeAnalysis;
  /** Every yellow flag of the knowledge: the reviewer may tick ones the analysis missed. */
  yellowFlags: readonly ResumeFlag[];
  levels: readonly Level[];
  author?: string;
  /** Already encoded (encodeFlagReviewMetadata): ids and numbers, never the text. */
  privateMetadata: string;
  /** The message's attached files: which were read, which not and why. */
  attachments?: AttachmentSummary;
};

const quote = (evidence: readonly string[]) => evidence.map((e) => `“${e}”`).join(', ');

function option(flag: ResumeFlag, evidence: readonly string[] | undefined): PlainTextOption {
  const description = evidence?.length ? `Found: ${quote(evidence)}` : flag.why;
  return {
    text: { type: 'plain_text', text: truncate(flag.name, OPTION_TEXT) },
    description: { type: 'plain_text', text: truncate(description, OPTION_TEXT) },
    value: flag.id,
  };
}

function findingsBlocks(analysis: ResumeAnalysis): KnownBlock[] {
  if (analysis.green.length === 0) {
    return sections(':white_circle: *No green flags found* in this text.');
  }
  const lines = analysis.green.map(
    ({ flag, evidence }) =>
      `:large_green_circle: *${escapeMrkdwn(flag.name)}* — ${escapeMrkdwn(truncate(evidence.join(', '), 200))}`,
  );
  return sections(`*Green flags*\n${lines.join('\n')}`);
}

/** The review modal: what the analysis found, and the form that records the reviewer's call. */
export function buildFlagReviewView(input: FlagReviewViewInput): ModalView {
  const { analysis, yellowFlags, levels, author } = input;
  const raised = new Map(analysis.yellow.map((y) => [y.flag.id, y.evidence]));
  const offered = yellowFlags.slice(0, MAX_CHECKBOXES);
  const options = offered.map((flag) => option(flag, raised.get(flag.id)));
  const initial = options.filter((o) => raised.has(o.value ?? ''));

  const notices: string[] = [];
  if (analysis.truncated) notices.push(':scissors: Only the first 40,000 characters were read.');
  if (analysis.tooShort) {
    notices.push(
      ':information_source: This text is short for a resume: flags raised by what it does not say are left out.',
    );
  }

  const { attachments } = input;
  const kept = attachments
    ? 'Nothing of its text or files is stored.'
    : 'Nothing of its text is stored.';
  const fileTexts = attachments ? [readFilesText(attachments), skippedFilesText(attachments)] : [];
  const blocks: KnownBlock[] = [
    ...sections(
      author
        ? `Reviewing the message from ${mention(author)}. ${kept}`
        : `Reviewing this message. ${kept}`,
    ),
    ...fileTexts.flatMap((text) => (text === undefined ? [] : sections(text))),
    ...(notices.length > 0 ? [context(...notices)] : []),
    ...findingsBlocks(analysis),
    ...sections(levelLine(levels, analysis.estimatedLevel, analysis.yearsOfExperience)),
    divider(),
    {
      type: 'input',
      block_id: FLAG_RESUME_INPUTS.concerns.blockId,
      optional: true,
      label: { type: 'plain_text', text: 'Concerns to record' },
      hint: {
        type: 'plain_text',
        text: 'Yellow flags found in the text are ticked. Untick what you disagree with, tick what was missed.',
      },
      element: {
        type: 'checkboxes',
        action_id: FLAG_RESUME_INPUTS.concerns.actionId,
        options,
        // Slack rejects an empty initial_options list, so it is left out instead.
        ...(initial.length > 0 ? { initial_options: initial } : {}),
      },
    },
    {
      type: 'input',
      block_id: FLAG_RESUME_INPUTS.note.blockId,
      optional: true,
      label: { type: 'plain_text', text: 'Note' },
      element: {
        type: 'plain_text_input',
        action_id: FLAG_RESUME_INPUTS.note.actionId,
        multiline: true,
        max_length: MAX_NOTE_CHARS,
        placeholder: { type: 'plain_text', text: 'What should the interviewers dig into?' },
      },
    },
    {
      type: 'input',
      block_id: FLAG_RESUME_INPUTS.destination.blockId,
      label: { type: 'plain_text', text: 'Where the result goes' },
      ...(input.sharedChannel
        ? { hint: { type: 'plain_text', text: `Only you: ${SHARED_CHANNEL_REASON}.` } }
        : {}),
      element: {
        type: 'radio_buttons',
        action_id: FLAG_RESUME_INPUTS.destination.actionId,
        options: input.sharedChannel ? PRIVATE_ONLY : DESTINATION_OPTIONS,
        initial_option: input.sharedChannel ? PRIVATE_ONLY[0] : DESTINATION_OPTIONS[0],
      },
    },
  ];

  return {
    type: 'modal',
    callback_id: FLAG_RESUME_VIEW,
    title: { type: 'plain_text', text: MODAL_TITLE },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: input.privateMetadata,
    blocks,
  };
}

const DESTINATION_OPTIONS: PlainTextOption[] = [
  { text: { type: 'plain_text', text: "Reply in the message's thread" }, value: 'thread' },
  { text: { type: 'plain_text', text: 'Only me (a direct message)' }, value: 'private' },
];
const PRIVATE_ONLY = DESTINATION_OPTIONS.filter((option) => option.value === 'private');
