import { z } from 'zod';
import { defineSubcommand, slackOnly } from '../../kernel/hire-command/subcommand.js';
import { needsApproval } from './entry-permissions.js';
import { entryModal } from './open-entry-modal.js';

const questionsAddRequest = z.object({
  kind: z.literal('questions-add'),
  /** Nothing may follow: `questions add senior` is not a form's start (help answers it). */
  rest: z.string().max(0),
});

/** `/hire questions add`: opens the interview question modal (a follow-up: it needs trigger_id). */
export const questionsAddSubcommand = defineSubcommand({
  name: 'questions-add',
  aliases: ['questions add', 'question add', 'add question'],
  help: [
    {
      usage: 'questions add',
      example: 'questions add',
      what: "Adds an interview question to the team's own (a form opens: levels, area, what to look for, red flags, follow-ups). `questions edit|remove <id>` change the team's own.",
    },
  ],
  request: questionsAddRequest,
  read: (args) => ({ kind: 'questions-add' as const, rest: args }),
  answer(_request, ctx) {
    const { knowledge } = ctx;
    return {
      followUp: async ({ command, client, deps }) => {
        const view = entryModal({
          module: 'questions',
          intent: { kind: 'add' },
          knowledge,
          needsApproval: needsApproval(deps.config.hireAdmins),
        });
        await client.views.open({ trigger_id: command.trigger_id, view });
      },
      elsewhere: slackOnly('questions add'),
    };
  },
});
