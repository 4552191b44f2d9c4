import { z } from 'zod';
import { deliveryOf } from '../../kernel/hire-command/delivery.js';
import {
  optional,
  pageSchema,
  takePage,
  wordsSchema,
} from '../../kernel/hire-command/parse-args.js';
import { defineSubcommand, lookupOf, reply } from '../../kernel/hire-command/subcommand.js';
import { buildSearchMessage, buildSearchPromptMessage } from './blocks/build-search-message.js';

const searchRequest = z.object({
  kind: z.literal('search'),
  words: wordsSchema.optional(),
  page: pageSchema,
});

/** `/hire search <words>`: everything that matches, grouped by module. */
export const searchSubcommand = defineSubcommand({
  name: 'search',
  aliases: ['search', 'find'],
  help: [
    {
      usage: 'search <words>',
      example: 'search outage',
      what: 'Look through everything, grouped by section.',
    },
  ],
  request: searchRequest,
  read(args) {
    const { rest, page } = takePage(args);
    return { kind: 'search' as const, words: optional(rest), page };
  },
  answer(request, ctx) {
    if (request.words === undefined)
      return reply(buildSearchPromptMessage(deliveryOf(ctx, 'search', request.page)));
    const groups = ctx.lookup.search(request.words);
    return reply(
      buildSearchMessage(
        request.words,
        groups,
        deliveryOf(ctx, `search ${request.words}`, request.page),
      ),
      { lookup: lookupOf('search', request.words, groups.length > 0) },
    );
  },
});
