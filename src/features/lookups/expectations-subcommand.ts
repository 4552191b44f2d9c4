import { z } from 'zod';
import { deliveryOf } from '../../kernel/hire-command/delivery.js';
import {
  optional,
  pageSchema,
  takePage,
  wordsSchema,
} from '../../kernel/hire-command/parse-args.js';
import { defineSubcommand, lookupOf, reply } from '../../kernel/hire-command/subcommand.js';
import { buildExpectationsMessage } from './blocks/build-expectations-message.js';
import { notFoundNotice } from './blocks/notices.js';
import { findNamedEntry } from './find-named-entry.js';

const expectationsRequest = z.object({
  kind: z.literal('expectations'),
  aspect: wordsSchema.optional(),
  page: pageSchema,
});

/** `/hire expectations [aspect]`: what engineers expect of an employer. */
export const expectationsSubcommand = defineSubcommand({
  name: 'expectations',
  aliases: ['expectations', 'expectation', 'expect'],
  help: [
    {
      usage: 'expectations [aspect]',
      example: 'expectations on-call',
      what: 'What engineers expect from you, and what breaks their trust.',
    },
  ],
  request: expectationsRequest,
  read(args) {
    const { rest, page } = takePage(args);
    return { kind: 'expectations' as const, aspect: optional(rest), page };
  },
  answer(request, ctx) {
    const { id, missed } = findNamedEntry(ctx, 'aspect', request.aspect);
    const aspects = ctx.knowledge.expectations.aspects.filter(
      (a) => id === undefined || a.id === id,
    );
    const notice =
      missed && request.aspect ? notFoundNotice('aspect', request.aspect, 'aspects') : undefined;
    return reply(
      buildExpectationsMessage(
        aspects,
        { notice, single: id !== undefined },
        deliveryOf(ctx, id ? `expectations ${id}` : 'expectations', request.page),
      ),
      {
        lookup:
          request.aspect === undefined
            ? undefined
            : lookupOf('expectations', request.aspect, id ?? false),
      },
    );
  },
});
