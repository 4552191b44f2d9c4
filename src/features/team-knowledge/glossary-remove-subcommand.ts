import { z } from 'zod';
import { wordsSchema } from '../../kernel/hire-command/parse-args.js';
import { defineSubcommand, slackOnly } from '../../kernel/hire-command/subcommand.js';
import { changeTeamEntry } from './change-team-entry.js';

const glossaryRemoveRequest = z.object({
  kind: z.literal('glossary-remove'),
  term: wordsSchema,
});

/** `/hire glossary remove <term>`: for a term the team added in Slack, by its author or an admin. */
export const glossaryRemoveSubcommand = defineSubcommand({
  name: 'glossary-remove',
  aliases: ['glossary remove', 'terms remove', 'term remove'],
  // One help line (on glossary add) covers edit and remove.
  help: [],
  request: glossaryRemoveRequest,
  read: (args) => ({ kind: 'glossary-remove' as const, term: args }),
  answer(request) {
    return {
      followUp: (ctx) => changeTeamEntry('glossary', 'remove', request.term, ctx),
      elsewhere: slackOnly('glossary remove'),
    };
  },
});
