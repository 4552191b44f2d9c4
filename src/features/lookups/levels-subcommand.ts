import { z } from 'zod';
import { deliveryOf } from '../../kernel/hire-command/delivery.js';
import {
  optional,
  pageSchema,
  takePage,
  wordsSchema,
} from '../../kernel/hire-command/parse-args.js';
import { defineSubcommand, lookupOf, reply } from '../../kernel/hire-command/subcommand.js';
import { parseLevel } from '../../kernel/knowledge/level-words.js';
import { levelId } from '../../kernel/knowledge/schemas/common.js';
import { buildLevelDetailMessage, buildLevelsMessage } from './blocks/build-levels-message.js';
import { notFoundNotice } from './blocks/notices.js';

const levelsRequest = z.object({
  kind: z.literal('levels'),
  level: levelId.optional(),
  levelText: wordsSchema.optional(),
  page: pageSchema,
});

/** `/hire levels [level]`: every level side by side, or one in detail. */
export const levelsSubcommand = defineSubcommand({
  name: 'levels',
  aliases: ['levels', 'level'],
  help: [
    {
      usage: 'levels [level]',
      example: 'levels mid-level',
      what: 'What each level can do and is growing toward.',
    },
  ],
  request: levelsRequest,
  read(args) {
    const { rest, page } = takePage(args);
    const level = parseLevel(rest);
    return level === undefined
      ? { kind: 'levels' as const, levelText: optional(rest), page }
      : { kind: 'levels' as const, level, page };
  },
  answer(request, ctx) {
    const all = ctx.knowledge.levels.levels;
    const level = all.find((l) => l.id === request.level);
    // A level the parser knew is recorded by its id, never by the words typed.
    if (level !== undefined)
      return reply(
        buildLevelDetailMessage(level, deliveryOf(ctx, `levels ${level.id}`, request.page)),
        { lookup: lookupOf('levels', level.id, level.id) },
      );
    const notice =
      request.levelText === undefined
        ? undefined
        : notFoundNotice('level', request.levelText, 'levels');
    return reply(buildLevelsMessage(all, notice, deliveryOf(ctx, 'levels', request.page)), {
      lookup:
        request.levelText === undefined ? undefined : lookupOf('levels', request.levelText, false),
    });
  },
});
