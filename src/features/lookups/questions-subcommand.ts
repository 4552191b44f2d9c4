import { z } from 'zod';
import { deliveryOf } from '../../kernel/hire-command/delivery.js';
import {
  optional,
  pageSchema,
  takePage,
  wordsSchema,
} from '../../kernel/hire-command/parse-args.js';
import {
  type AnswerContext,
  defineSubcommand,
  lookupOf,
  reply,
} from '../../kernel/hire-command/subcommand.js';
import { splitLevel } from '../../kernel/knowledge/level-words.js';
import { levelId } from '../../kernel/knowledge/schemas/common.js';
import {
  buildChooseLevelMessage,
  buildQuestionsMessage,
} from './blocks/build-questions-message.js';
import {
  chooseLevelNotice,
  emptyAreaNotice,
  noQuestionsNotice,
  unknownAreaNotice,
} from './blocks/notices.js';
import { pickQuestionSet } from './question-sets.js';

const questionsRequest = z.object({
  kind: z.literal('questions'),
  level: levelId.optional(),
  /** What stood where a level should be, when it is not one (maybe a question id). */
  levelText: wordsSchema.optional(),
  area: wordsSchema.optional(),
  /** Which set of questions: "Another question" moves to the next one. */
  set: z.number().int().min(1).max(1000).default(1),
  page: pageSchema,
});
type QuestionsRequest = z.output<typeof questionsRequest>;

function read(args: string): z.input<typeof questionsRequest> {
  const { rest: withoutPage, page } = takePage(args);
  let set: number | undefined;
  const rest = withoutPage
    .replace(/(?:^|\s)#(\d{1,4})(?=\s|$)/g, (_, n: string) => {
      set = Number(n);
      return ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
  const split = splitLevel(rest);
  if (split !== undefined)
    return { kind: 'questions', level: split.level, area: optional(split.rest), set, page };
  return { kind: 'questions', levelText: optional(rest), set, page };
}

/** `questions <question-id>` opens that one question; anything else asks for a level. */
function withoutLevel(request: QuestionsRequest, ctx: AnswerContext) {
  const { knowledge } = ctx;
  const areaNames = new Map(knowledge.questions.areas.map((a) => [a.id as string, a.name]));
  const { levelText } = request;
  const questionId = levelText && ctx.lookup.findEntry('question', levelText);
  const question = knowledge.questions.questions.find((q) => q.id === questionId);
  if (question !== undefined && levelText !== undefined && /^[a-z0-9-]+$/i.test(levelText.trim()))
    return reply(
      buildQuestionsMessage(
        { questions: [question], areaNames, set: 1, setCount: 1, total: 1, credits: ctx.credits },
        deliveryOf(ctx, `questions ${question.id}`, request.page),
      ),
      { lookup: lookupOf('questions', levelText, question.id) },
    );
  return reply(
    buildChooseLevelMessage(
      knowledge.levels.levels,
      chooseLevelNotice(levelText),
      deliveryOf(ctx, `questions${levelText ? ` ${levelText}` : ''}`, request.page),
    ),
    { lookup: levelText === undefined ? undefined : lookupOf('questions', levelText, false) },
  );
}

/** `/hire questions <level> [area]`: a set of questions, with "Another question". */
export const questionsSubcommand = defineSubcommand({
  name: 'questions',
  aliases: ['questions', 'question', 'q', 'qs', 'interview', 'interview questions'],
  help: [
    {
      usage: 'questions <level> [area]',
      example: 'questions senior databases',
      what: 'Interview questions with what to look for, red flags and follow-ups. Levels: jr, mid, sr, staff+ (or years: 5+ years).',
    },
  ],
  request: questionsRequest,
  read,
  answer(request, ctx) {
    if (request.level === undefined) return withoutLevel(request, ctx);
    const { knowledge } = ctx;
    const levels = knowledge.levels.levels;
    const areaNames = new Map(knowledge.questions.areas.map((a) => [a.id as string, a.name]));
    const level = levels.find((l) => l.id === request.level);
    const levelName = level?.name ?? request.level;
    let areaId =
      request.area === undefined ? undefined : ctx.lookup.findEntry('area', request.area);
    // The level is a word from a fixed list; the area is what was looked up.
    const lookup =
      request.area === undefined ? undefined : lookupOf('questions', request.area, areaId ?? false);
    let notice: string | undefined;
    if (request.area !== undefined && areaId === undefined) {
      const names = knowledge.questions.areas.map((a) => a.name);
      notice = unknownAreaNotice(request.area, names, levelName);
    }
    const all = knowledge.questions.questions;
    let picked = pickQuestionSet(all, request.level, areaId, request.set);
    if (picked.total === 0 && areaId !== undefined) {
      notice = emptyAreaNotice(levelName, areaNames.get(areaId) ?? areaId);
      areaId = undefined;
      picked = pickQuestionSet(all, request.level, undefined, request.set);
    }
    const base = `questions ${request.level}${areaId === undefined ? '' : ` ${areaId}`}`;
    const setCommand = (set: number) => (set > 1 ? `${base} #${set}` : base);
    const delivery = deliveryOf(ctx, setCommand(picked.set), request.page);
    if (picked.total === 0)
      return reply(buildChooseLevelMessage(levels, noQuestionsNotice(levelName), delivery), {
        lookup,
      });
    const next = picked.setCount > 1 ? setCommand((picked.set % picked.setCount) + 1) : undefined;
    return reply(
      buildQuestionsMessage(
        {
          level,
          areaName: areaId && areaNames.get(areaId),
          ...picked,
          areaNames,
          nextCommand: next,
          notice,
          credits: ctx.credits,
        },
        delivery,
      ),
      { lookup },
    );
  },
});
