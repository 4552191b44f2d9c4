import { z } from 'zod';
import { deliveryOf } from '../../kernel/hire-command/delivery.js';
import {
  optional,
  pageSchema,
  takePage,
  wordsSchema,
} from '../../kernel/hire-command/parse-args.js';
import { defineSubcommand, lookupOf, reply } from '../../kernel/hire-command/subcommand.js';
import { creditKey } from '../../kernel/knowledge/layered-knowledge-source.js';
import type { GlossaryTerm } from '../../kernel/knowledge/schemas/glossary-schema.js';
import { buildGlossaryListMessage } from './blocks/build-glossary-list-message.js';
import { buildGlossaryNoMatchMessage } from './blocks/build-glossary-no-match-message.js';
import { buildGlossaryTermMessage } from './blocks/build-glossary-term-message.js';
import { buildPickListMessage } from './blocks/build-pick-list-message.js';

const glossaryRequest = z.object({
  kind: z.literal('glossary'),
  term: wordsSchema.optional(),
  page: pageSchema,
});

/** `/hire glossary [term]`: one term, a pick list, the nearest terms, or every term. */
export const glossarySubcommand = defineSubcommand({
  name: 'glossary',
  aliases: [
    'glossary',
    'glossaries',
    'define',
    'definition',
    'what is',
    'what are',
    "what's",
    'whats',
    'term',
    'terms',
  ],
  help: [
    {
      usage: 'glossary [term]',
      example: 'glossary Kafka',
      what: 'What a term means, how it shows on a resume, a probing question. Also `define …`, `what is …`.',
    },
  ],
  request: glossaryRequest,
  read(args) {
    const { rest, page } = takePage(args);
    return { kind: 'glossary' as const, term: optional(rest), page };
  },
  answer(request, ctx) {
    const creditOf = (term: GlossaryTerm) => {
      const credit = ctx.credits?.get(creditKey('glossary', term.id));
      return credit === undefined ? {} : { credit };
    };
    const deliver = (command: string) => deliveryOf(ctx, command, request.page);
    if (request.term === undefined)
      return reply(buildGlossaryListMessage(ctx.knowledge.glossary.terms, deliver('glossary')));
    const result = ctx.lookup.findTerm(request.term);
    const asked = deliver(`glossary ${request.term}`);
    if (result.kind === 'choices')
      return reply(
        buildPickListMessage(
          request.term,
          result.choices.map((c) => c.term),
          asked,
        ),
        { lookup: lookupOf('glossary', request.term, true) },
      );
    if (result.kind === 'none')
      return reply(buildGlossaryNoMatchMessage(request.term, result.nearest, asked), {
        lookup: lookupOf('glossary', request.term, false),
      });
    const { term, matchedBy, label, exact } = result.match;
    const related = term.related
      .map((id) => ctx.lookup.term(id))
      .filter((t): t is GlossaryTerm => t !== undefined);
    // A product match keeps the product in the shared command so the shared copy explains it too.
    const command = matchedBy === 'product' ? `glossary ${label}` : `glossary ${term.id}`;
    return reply(
      buildGlossaryTermMessage(
        { term, matchedBy, label, exact, query: request.term, related, ...creditOf(term) },
        deliver(command),
      ),
      { lookup: lookupOf('glossary', request.term, term.id) },
    );
  },
});
