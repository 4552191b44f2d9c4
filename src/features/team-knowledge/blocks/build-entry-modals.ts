import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { LEVEL_IDS } from '../../../kernel/knowledge/schemas/common.js';
import type { GlossaryTerm } from '../../../kernel/knowledge/schemas/glossary-schema.js';
import type {
  InterviewQuestion,
  QuestionArea,
} from '../../../kernel/knowledge/schemas/interview-questions-schema.js';
import { context } from '../../../kernel/slack/blocks/block-kit.js';
import { truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import { type EntryIntent, entryIntentValue } from '../entry-metadata.js';
import {
  GLOSSARY_ENTRY_VIEW,
  GLOSSARY_INPUTS,
  QUESTION_ENTRY_VIEW,
  QUESTION_INPUTS,
} from '../team-knowledge-ids.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const option = (text: string, value: string): PlainTextOption => ({
  text: plain(truncate(text, 75)),
  value,
});

type Input = { blockId: string; actionId: string };

function textInput(
  input: Input,
  label: string,
  options: {
    initial?: string;
    multiline?: boolean;
    optional?: boolean;
    hint?: string;
    max: number;
  },
): KnownBlock {
  return {
    type: 'input',
    block_id: input.blockId,
    label: plain(label),
    ...(options.optional ? { optional: true } : {}),
    ...(options.hint === undefined ? {} : { hint: plain(options.hint) }),
    element: {
      type: 'plain_text_input',
      action_id: input.actionId,
      max_length: options.max,
      ...(options.multiline ? { multiline: true } : {}),
      ...(options.initial ? { initial_value: truncate(options.initial, options.max) } : {}),
    },
  };
}

/** What happens on save; `needsApproval` is false for an admin's edit. */
const who = (intent: EntryIntent, needsApproval: boolean) =>
  intent.kind === 'edit'
    ? needsApproval
      ? 'An admin approves your changes; until then the team does not see this entry. Who changed it and when are kept.'
      : 'Your changes show at once; who changed it and when are kept.'
    : needsApproval
      ? 'An admin approves new entries before the team sees them; you will get a message either way.'
      : 'The whole team can look it up as soon as you save it.';

/** The glossary term modal: add (name pre-filled from a missed lookup) or edit a team term. */
export function buildGlossaryEntryModal(options: {
  intent: EntryIntent;
  needsApproval: boolean;
  term?: Partial<Pick<GlossaryTerm, 'name' | 'meaning' | 'aliases' | 'onResume' | 'probe'>>;
}): ModalView {
  const term = options.term ?? {};
  return {
    type: 'modal',
    callback_id: GLOSSARY_ENTRY_VIEW,
    private_metadata: entryIntentValue(options.intent),
    title: plain(options.intent.kind === 'edit' ? 'Edit team term' : 'Add to the glossary'),
    submit: plain(options.intent.kind === 'edit' ? 'Save' : 'Add'),
    close: plain('Cancel'),
    blocks: [
      context(who(options.intent, options.needsApproval)),
      textInput(GLOSSARY_INPUTS.name, 'Term', { initial: term.name, max: 80 }),
      textInput(GLOSSARY_INPUTS.meaning, 'What it means', {
        initial: term.meaning,
        multiline: true,
        max: 1000,
        hint: 'One or two sentences a recruiter can repeat to a candidate.',
      }),
      textInput(GLOSSARY_INPUTS.aliases, 'Other names', {
        initial: term.aliases?.join(', '),
        optional: true,
        max: 700,
        hint: 'Comma-separated: abbreviations, other spellings.',
      }),
      textInput(GLOSSARY_INPUTS.onResume, 'How it shows on a resume', {
        initial: term.onResume,
        multiline: true,
        max: 500,
      }),
      textInput(GLOSSARY_INPUTS.probe, 'A question that probes it', {
        initial: term.probe,
        multiline: true,
        max: 500,
        hint: 'One that separates real experience from keyword-matching.',
      }),
    ],
  };
}

/** The interview question modal; areas are the knowledge's (names in its order). */
export function buildQuestionEntryModal(options: {
  intent: EntryIntent;
  needsApproval: boolean;
  areas: readonly { id: QuestionArea; name: string }[];
  levelNames: ReadonlyMap<string, string>;
  question?: InterviewQuestion;
}): ModalView {
  const q = options.question;
  const levels = LEVEL_IDS.map((id) => option(options.levelNames.get(id) ?? id, id));
  const areas = options.areas.map((a) => option(a.name, a.id));
  const chosenLevels = levels.filter((o) => q?.levels.includes(o.value as never));
  const chosenArea = areas.find((o) => o.value === q?.area);
  return {
    type: 'modal',
    callback_id: QUESTION_ENTRY_VIEW,
    private_metadata: entryIntentValue(options.intent),
    title: plain(options.intent.kind === 'edit' ? 'Edit team question' : 'Add a question'),
    submit: plain(options.intent.kind === 'edit' ? 'Save' : 'Add'),
    close: plain('Cancel'),
    blocks: [
      context(who(options.intent, options.needsApproval)),
      {
        type: 'input',
        block_id: QUESTION_INPUTS.levels.blockId,
        label: plain('Levels'),
        element: {
          type: 'checkboxes',
          action_id: QUESTION_INPUTS.levels.actionId,
          options: levels,
          ...(chosenLevels.length > 0 ? { initial_options: chosenLevels } : {}),
        },
      },
      {
        type: 'input',
        block_id: QUESTION_INPUTS.area.blockId,
        label: plain('Area'),
        element: {
          type: 'static_select',
          action_id: QUESTION_INPUTS.area.actionId,
          options: areas,
          ...(chosenArea ? { initial_option: chosenArea } : {}),
        },
      },
      textInput(QUESTION_INPUTS.prompt, 'Question', {
        initial: q?.prompt,
        multiline: true,
        max: 500,
      }),
      textInput(QUESTION_INPUTS.lookFor, 'What to look for', {
        initial: q?.lookFor.join('\n'),
        multiline: true,
        max: 3000,
        hint: 'One a line.',
      }),
      textInput(QUESTION_INPUTS.redFlags, 'Red flags', {
        initial: q?.redFlags.join('\n'),
        multiline: true,
        max: 3000,
        hint: 'One a line.',
      }),
      textInput(QUESTION_INPUTS.followUps, 'Follow-up questions', {
        initial: q?.followUps.join('\n'),
        multiline: true,
        max: 3000,
        hint: 'One a line.',
      }),
    ],
  };
}

/** What the modal turns into once saved: a line saying what happens next. */
export function buildEntrySavedView(title: string, text: string): ModalView {
  return {
    type: 'modal',
    title: plain(truncate(title, 24)),
    close: plain('Done'),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}
