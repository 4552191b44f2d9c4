import {
  GLOSSARY_INPUTS,
  QUESTION_INPUTS,
} from '../../../../src/features/team-knowledge/team-knowledge-ids.js';
import type { GlossaryTerm } from '../../../../src/kernel/knowledge/schemas/glossary-schema.js';
import type { InterviewQuestion } from '../../../../src/kernel/knowledge/schemas/interview-questions-schema.js';

/** A team glossary term as the form makes it. */
export function slackTerm(id: string, fields: Partial<GlossaryTerm> = {}): GlossaryTerm {
  return {
    id,
    name: id.replace(/-/g, ' '),
    meaning: `What ${id} means for our team.`,
    aliases: [],
    products: [],
    onResume: `Mentions of ${id} on a resume.`,
    probe: `How did you use ${id}?`,
    related: [],
    source: 'team',
    ...fields,
  };
}

export function slackQuestion(
  id: string,
  fields: Partial<InterviewQuestion> = {},
): InterviewQuestion {
  return {
    id,
    levels: ['senior'],
    area: 'databases',
    prompt: `How would you shard ${id}?`,
    lookFor: ['Names a shard key'],
    redFlags: ['Shards by random'],
    followUps: ['What if a shard is hot?'],
    source: 'team',
    ...fields,
  };
}

type Input = { blockId: string; actionId: string };
const value = (input: Input, v: unknown) => ({ [input.blockId]: { [input.actionId]: v } });

/** `view.state.values` of a filled-in glossary modal. */
export function glossaryValues(fields: {
  name?: string;
  meaning?: string;
  aliases?: string;
  onResume?: string;
  probe?: string;
}) {
  const f = {
    name: 'QuokkaDB',
    meaning: 'Our in-house document store.',
    aliases: '',
    onResume: 'Built services on QuokkaDB.',
    probe: 'How did you model a one-to-many relation in QuokkaDB?',
    ...fields,
  };
  return {
    ...value(GLOSSARY_INPUTS.name, { type: 'plain_text_input', value: f.name }),
    ...value(GLOSSARY_INPUTS.meaning, { type: 'plain_text_input', value: f.meaning }),
    ...value(GLOSSARY_INPUTS.aliases, { type: 'plain_text_input', value: f.aliases }),
    ...value(GLOSSARY_INPUTS.onResume, { type: 'plain_text_input', value: f.onResume }),
    ...value(GLOSSARY_INPUTS.probe, { type: 'plain_text_input', value: f.probe }),
  };
}

/** `view.state.values` of a filled-in question modal. */
export function questionValues(fields: {
  levels?: string[];
  area?: string | null;
  prompt?: string;
  lookFor?: string;
  redFlags?: string;
  followUps?: string;
}) {
  const f = {
    levels: ['staff', 'senior'],
    area: 'databases' as string | null,
    prompt: 'How would you move a hot table to QuokkaDB?',
    lookFor: '- Dual writes\n- A backfill plan\n',
    redFlags: 'Big-bang cutover',
    followUps: 'How do you roll back?',
    ...fields,
  };
  return {
    ...value(QUESTION_INPUTS.levels, {
      type: 'checkboxes',
      selected_options: f.levels.map((v) => ({ value: v })),
    }),
    ...value(QUESTION_INPUTS.area, {
      type: 'static_select',
      selected_option: f.area === null ? null : { value: f.area },
    }),
    ...value(QUESTION_INPUTS.prompt, { type: 'plain_text_input', value: f.prompt }),
    ...value(QUESTION_INPUTS.lookFor, { type: 'plain_text_input', value: f.lookFor }),
    ...value(QUESTION_INPUTS.redFlags, { type: 'plain_text_input', value: f.redFlags }),
    ...value(QUESTION_INPUTS.followUps, { type: 'plain_text_input', value: f.followUps }),
  };
}
