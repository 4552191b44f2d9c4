import { z } from 'zod';
import { wordsSchema } from '../../kernel/hire-command/parse-args.js';
import { defineSubcommand, slackOnly } from '../../kernel/hire-command/subcommand.js';
import { changeTeamEntry } from './change-team-entry.js';

const questionsEditRequest = z.object({
  kind: z.literal('questions-edit'),
  id: wordsSchema,
});

/**
 * `/hire questions edit <question id>`: for a question the team added in Slack, by its author
 * or an admin. Its spellings are longer than the questions lookup's, so they route here.
 */
export const questionsEditSubcommand = defineSubcommand({
  name: 'questions-edit',
  aliases: ['questions edit', 'question edit'],
  // One help line (on questions add) covers edit and remove.
  help: [],
  request: questionsEditRequest,
  read: (args) => ({ kind: 'questions-edit' as const, id: args }),
  answer(request) {
    return {
      followUp: (ctx) => changeTeamEntry('questions', 'edit', request.id, ctx),
      elsewhere: slackOnly('questions edit'),
    };
  },
});
