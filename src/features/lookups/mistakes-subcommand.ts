import { z } from 'zod';
import { deliveryOf } from '../../kernel/hire-command/delivery.js';
import {
  optional,
  pageSchema,
  takePage,
  wordsSchema,
} from '../../kernel/hire-command/parse-args.js';
import { defineSubcommand, lookupOf, reply } from '../../kernel/hire-command/subcommand.js';
import { buildMistakesMessage } from './blocks/build-mistakes-message.js';
import { notFoundNotice } from './blocks/notices.js';
import { findNamedEntry } from './find-named-entry.js';

const mistakesRequest = z.object({
  kind: z.literal('mistakes'),
  topic: wordsSchema.optional(),
  page: pageSchema,
});

/** `/hire mistakes [mistake]`: common hiring mistakes and what to do instead. */
export const mistakesSubcommand = defineSubcommand({
  name: 'mistakes',
  aliases: ['mistakes', 'mistake', 'hiring mistakes'],
  help: [
    {
      usage: 'mistakes',
      example: 'mistakes',
      what: 'Common hiring mistakes and what to do instead.',
    },
  ],
  request: mistakesRequest,
  read(args) {
    const { rest, page } = takePage(args);
    return { kind: 'mistakes' as const, topic: optional(rest), page };
  },
  answer(request, ctx) {
    const { id, missed } = findNamedEntry(ctx, 'mistake', request.topic);
    const mistakes = ctx.knowledge.mistakes.mistakes.filter((m) => id === undefined || m.id === id);
    const notice =
      missed && request.topic ? notFoundNotice('mistake', request.topic, 'mistakes') : undefined;
    return reply(
      buildMistakesMessage(
        mistakes,
        { notice, single: id !== undefined },
        deliveryOf(ctx, id ? `mistakes ${id}` : 'mistakes', request.page),
      ),
      {
        lookup:
          request.topic === undefined
            ? undefined
            : lookupOf('mistakes', request.topic, id ?? false),
      },
    );
  },
});
