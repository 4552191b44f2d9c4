import { z } from 'zod';
import { wordsSchema } from '../../kernel/hire-command/parse-args.js';
import { defineSubcommand, slackOnly } from '../../kernel/hire-command/subcommand.js';
import { changeTeamEntry } from './change-team-entry.js';

const glossaryEditRequest = z.object({
  kind: z.literal('glossary-edit'),
  term: wordsSchema,
});

/** `/hire glossary edit <term>`: for a term the team added in Slack, by its author or an admin. */
export const glossaryEditSubcommand = defineSubcommand({
  name: 'glossary-edit',
  aliases: ['glossary edit', 'terms edit', 'term edit'],
  // One help line (on glossary add) covers edit and remove.
  help: [],
  request: glossaryEditRequest,
  read: (args) => ({ kind: 'glossary-edit' as const, term: args }),
  answer(request) {
    return {
      followUp: (ctx) => changeTeamEntry('glossary', 'edit', request.term, ctx),
      elsewhere: slackOnly('glossary edit'),
    };
  },
});
