import { z } from 'zod';
import { LEVEL_IDS, levelId } from '../../kernel/knowledge/schemas/common.js';
import {
  type GlossaryTerm,
  glossaryTermSchema,
} from '../../kernel/knowledge/schemas/glossary-schema.js';
import {
  type InterviewQuestion,
  interviewQuestionSchema,
  questionArea,
} from '../../kernel/knowledge/schemas/interview-questions-schema.js';
import { readInput, type ViewStateValues } from '../../kernel/slack/view-state.js';
import { GLOSSARY_INPUTS, QUESTION_INPUTS } from './team-knowledge-ids.js';

/** Messages keyed by block_id, ready for `ack({ response_action: 'errors', errors })`. */
export type FieldErrors = Record<string, string>;

export type FormParse<T> = { ok: true; entry: T } | { ok: false; errors: FieldErrors };

const LIMITS = {
  name: 80,
  alias: 60,
  aliases: 10,
  short: 500,
  meaning: 1000,
  line: 300,
  lines: 10,
};

const required = (what: string, max: number) =>
  z.string().trim().min(1, `Write ${what}.`).max(max, `Keep it under ${max} characters.`);

/** Comma-separated spellings: trimmed, empty ones dropped, each once. */
const commaList = z
  .string()
  .transform((text) => [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(z.string().max(LIMITS.alias, `Keep each alias under ${LIMITS.alias} characters.`))
      .max(LIMITS.aliases, `At most ${LIMITS.aliases} aliases.`),
  );

/** One item a line, blank lines and leading bullets dropped. */
const lineList = (what: string) =>
  z
    .string()
    .transform((text) =>
      text
        .split('\n')
        .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(LIMITS.line, `Keep each line under ${LIMITS.line} characters.`))
        .min(1, `Write at least one ${what}, one a line.`)
        .max(LIMITS.lines, `At most ${LIMITS.lines} lines.`),
    );

/** What the glossary modal asks for, before it gets an id. */
export const glossaryFormSchema = z.object({
  name: required('the term', LIMITS.name),
  meaning: required('what it means', LIMITS.meaning),
  aliases: commaList,
  onResume: required('how it shows on a resume', LIMITS.short),
  probe: required('a question that probes it', LIMITS.short),
});
export type GlossaryForm = z.output<typeof glossaryFormSchema>;

export const questionFormSchema = z.object({
  levels: z.array(levelId).min(1, 'Choose at least one level.'),
  area: questionArea,
  prompt: required('the question', LIMITS.short),
  lookFor: lineList('thing to look for'),
  redFlags: lineList('red flag'),
  followUps: lineList('follow-up'),
});
export type QuestionForm = z.output<typeof questionFormSchema>;

const levelRank = (level: string) => (LEVEL_IDS as readonly string[]).indexOf(level);

const OUT_OF_DATE = 'This form is out of date. Close it and open it again.';

/** Each issue under its input, the first one per input. */
function errorsOf(
  issues: readonly z.core.$ZodIssue[],
  inputs: Record<string, { blockId: string }>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const input = inputs[String(issue.path[0])];
    if (input === undefined) continue;
    errors[input.blockId] ??= issue.code === 'invalid_value' ? OUT_OF_DATE : issue.message;
  }
  return errors;
}

/** The glossary modal's values as a term with `id`, checked by the kernel's schema too. */
export function parseGlossaryForm(
  values: ViewStateValues,
  id: (form: GlossaryForm) => string,
): FormParse<GlossaryTerm> {
  const text = (input: { blockId: string; actionId: string }) =>
    readInput(values, input).value ?? '';
  const form = glossaryFormSchema.safeParse({
    name: text(GLOSSARY_INPUTS.name),
    meaning: text(GLOSSARY_INPUTS.meaning),
    aliases: text(GLOSSARY_INPUTS.aliases),
    onResume: text(GLOSSARY_INPUTS.onResume),
    probe: text(GLOSSARY_INPUTS.probe),
  });
  if (!form.success) return { ok: false, errors: errorsOf(form.error.issues, GLOSSARY_INPUTS) };
  const term = glossaryTermSchema.safeParse({
    id: id(form.data),
    ...form.data,
    products: [],
    related: [],
    source: 'team',
  });
  if (!term.success) return { ok: false, errors: errorsOf(term.error.issues, GLOSSARY_INPUTS) };
  return { ok: true, entry: term.data };
}

/** The question modal's values as a question with `id`, checked by the kernel's schema too. */
export function parseQuestionForm(
  values: ViewStateValues,
  id: (form: QuestionForm) => string,
): FormParse<InterviewQuestion> {
  const text = (input: { blockId: string; actionId: string }) =>
    readInput(values, input).value ?? '';
  const levels = (readInput(values, QUESTION_INPUTS.levels).selected_options ?? []).map(
    (o) => o.value,
  );
  const area = readInput(values, QUESTION_INPUTS.area).selected_option?.value;
  const form = questionFormSchema.safeParse({
    // Checkbox order is the reader's; the levels' own order reads better.
    levels: [...levels].sort((a, b) => levelRank(a) - levelRank(b)),
    area,
    prompt: text(QUESTION_INPUTS.prompt),
    lookFor: text(QUESTION_INPUTS.lookFor),
    redFlags: text(QUESTION_INPUTS.redFlags),
    followUps: text(QUESTION_INPUTS.followUps),
  });
  if (!form.success) {
    const errors = errorsOf(form.error.issues, QUESTION_INPUTS);
    if (area === undefined) errors[QUESTION_INPUTS.area.blockId] = 'Choose an area.';
    return { ok: false, errors };
  }
  const question = interviewQuestionSchema.safeParse({
    id: id(form.data),
    ...form.data,
    source: 'team',
  });
  if (!question.success)
    return { ok: false, errors: errorsOf(question.error.issues, QUESTION_INPUTS) };
  return { ok: true, entry: question.data };
}
