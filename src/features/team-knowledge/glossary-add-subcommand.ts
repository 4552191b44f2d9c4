import { z } from 'zod';
import { optional, wordsSchema } from '../../kernel/hire-command/parse-args.js';
import { defineSubcommand, slackOnly } from '../../kernel/hire-command/subcommand.js';
import { needsApproval } from './entry-permissions.js';
import { entryModal } from './open-entry-modal.js';

const glossaryAddRequest = z.object({
  kind: z.literal('glossary-add'),
  term: wordsSchema.optional(),
});

/**
 * `/hire glossary add [term]`: opens the glossary modal (pre-filled with the term). A modal
 * needs the command's trigger_id, so this is a follow-up; elsewhere it says it needs Slack.
 */
export const glossaryAddSubcommand = defineSubcommand({
  name: 'glossary-add',
  aliases: ['glossary add', 'terms add', 'term add', 'add term', 'add to glossary'],
  help: [
    {
      usage: 'glossary add [term]',
      example: 'glossary add QuokkaDB',
      what: "Adds a term to the team's glossary (a form opens). `glossary edit|remove <term>` change the team's own.",
    },
  ],
  request: glossaryAddRequest,
  read: (args) => ({ kind: 'glossary-add' as const, term: optional(args) }),
  answer(request, ctx) {
    const { knowledge } = ctx;
    return {
      followUp: async ({ command, client, deps }) => {
        const view = entryModal({
          module: 'glossary',
          intent: { kind: 'add' },
          knowledge,
          needsApproval: needsApproval(deps.config.hireAdmins),
          ...(request.term === undefined ? {} : { name: request.term }),
        });
        await client.views.open({ trigger_id: command.trigger_id, view });
      },
      elsewhere: slackOnly('glossary add'),
    };
  },
});
