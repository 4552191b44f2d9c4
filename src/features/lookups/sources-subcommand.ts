import { z } from 'zod';
import { deliveryOf } from '../../kernel/hire-command/delivery.js';
import {
  optional,
  pageSchema,
  takePage,
  wordsSchema,
} from '../../kernel/hire-command/parse-args.js';
import { defineSubcommand, lookupOf, reply } from '../../kernel/hire-command/subcommand.js';
import { buildLanguagePoolMessage, buildSourcesMessage } from './blocks/build-sources-message.js';
import { notFoundNotice } from './blocks/notices.js';
import { findNamedEntry } from './find-named-entry.js';

const sourcesRequest = z.object({
  kind: z.literal('sources'),
  language: wordsSchema.optional(),
  page: pageSchema,
});

/** `/hire sources [language]`: where to find backend engineers; a language's talent pool. */
export const sourcesSubcommand = defineSubcommand({
  name: 'sources',
  aliases: ['sources', 'source', 'sourcing', 'where'],
  help: [
    {
      usage: 'sources [language]',
      example: 'sources go',
      what: 'Where to find backend engineers; talent pools by language.',
    },
  ],
  request: sourcesRequest,
  read(args) {
    const { rest, page } = takePage(args);
    return { kind: 'sources' as const, language: optional(rest), page };
  },
  answer(request, ctx) {
    const { sourcing } = ctx.knowledge;
    const { id, missed } = findNamedEntry(ctx, 'language', request.language);
    const pool = sourcing.languagePools.find((p) => p.language === id);
    const lookup =
      request.language === undefined
        ? undefined
        : lookupOf('sourcing', request.language, pool?.language ?? false);
    if (pool !== undefined)
      return reply(
        buildLanguagePoolMessage(pool, deliveryOf(ctx, `sources ${pool.language}`, request.page)),
        { lookup },
      );
    const notice =
      missed && request.language
        ? notFoundNotice('language', request.language, 'sources')
        : undefined;
    return reply(buildSourcesMessage(sourcing, notice, deliveryOf(ctx, 'sources', request.page)), {
      lookup,
    });
  },
});
