import { z } from 'zod';
import { wordsSchema } from '../../kernel/hire-command/parse-args.js';
import { defineSubcommand, slackOnly } from '../../kernel/hire-command/subcommand.js';
import { changeTeamEntry } from './change-team-entry.js';

const questionsRemoveRequest = z.object({
  kind: z.literal('questions-remove'),
  id: wordsSchema,
});

/**
 * `/hire questions remove <question id>`: for a question the team added in Slack, by its author
 * or an admin. Its spellings are longer than the questions lookup's, so they route here.
 */
export const questionsRemoveSubcommand = defineSubcommand({
  name: 'questions-remove',
  aliases: ['questions remove', 'question remove'],
  // One help line (on questions add) covers edit and remove.
  help: [],
  request: questionsRemoveRequest,
  read: (args) => ({ kind: 'questions-remove' as const, id: args }),
  answer(request) {
    return {
      followUp: (ctx) => changeTeamEntry('questions', 'remove', request.id, ctx),
      elsewhere: slackOnly('questions remove'),
    };
  },
});
