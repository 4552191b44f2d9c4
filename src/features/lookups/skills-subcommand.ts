import { z } from 'zod';
import { deliveryOf } from '../../kernel/hire-command/delivery.js';
import {
  optional,
  pageSchema,
  takePage,
  wordsSchema,
} from '../../kernel/hire-command/parse-args.js';
import { defineSubcommand, lookupOf, reply } from '../../kernel/hire-command/subcommand.js';
import type { GlossaryTerm } from '../../kernel/knowledge/schemas/glossary-schema.js';
import { buildSkillsMessage } from './blocks/build-skills-message.js';
import { notFoundNotice } from './blocks/notices.js';
import { findNamedEntry } from './find-named-entry.js';

const skillsRequest = z.object({
  kind: z.literal('skills'),
  topic: wordsSchema.optional(),
  page: pageSchema,
});

/** `/hire skills [skill]`: the core technical skills to evaluate, with their glossary terms. */
export const skillsSubcommand = defineSubcommand({
  name: 'skills',
  aliases: ['skills', 'skill', 'core skills'],
  help: [
    {
      usage: 'skills [skill]',
      example: 'skills api design',
      what: 'Core technical skills to evaluate.',
    },
  ],
  request: skillsRequest,
  read(args) {
    const { rest, page } = takePage(args);
    return { kind: 'skills' as const, topic: optional(rest), page };
  },
  answer(request, ctx) {
    const { id, missed } = findNamedEntry(ctx, 'skill', request.topic);
    const skills = ctx.knowledge.skills.skills
      .filter((s) => id === undefined || s.id === id)
      .map((skill) => ({
        skill,
        terms: skill.terms
          .map((t) => ctx.lookup.term(t))
          .filter((t): t is GlossaryTerm => t !== undefined),
      }));
    const notice =
      missed && request.topic ? notFoundNotice('skill', request.topic, 'skills') : undefined;
    return reply(
      buildSkillsMessage(
        skills,
        { notice, single: id !== undefined },
        deliveryOf(ctx, id ? `skills ${id}` : 'skills', request.page),
      ),
      {
        lookup:
          request.topic === undefined ? undefined : lookupOf('skills', request.topic, id ?? false),
      },
    );
  },
});
