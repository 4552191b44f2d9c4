import { z } from 'zod';
import {
  defineSubcommand,
  type FollowUpContext,
  reply,
  slackOnly,
} from '../../kernel/hire-command/subcommand.js';
import { buildScorecardsUsageMessage } from './blocks/build-kit-replies.js';
import { candidateLabel } from './kit-request.js';
import { parseScorecardsCommand } from './parse-scorecards-command.js';
import { answerScorecardsCommand } from './scorecards-command.js';
import { createKitRepository } from './storage/kit-repository.js';

const scorecardsRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['list', 'delete']), label: candidateLabel }),
  z.object({ kind: z.literal('usage'), problem: z.string().optional() }),
]);

/**
 * `/hire scorecards <label>` lists a candidate's scorecards (the panel's side by side, each
 * member's hidden from the others until theirs is in); `/hire scorecards delete <label>`
 * erases everything stored for the label (its kits' creators and admins). Both read the
 * store, so they answer after the ack, privately.
 */
export const scorecardsSubcommand = defineSubcommand({
  name: 'scorecards',
  aliases: ['scorecards', 'scorecard', 'scores'],
  help: [
    {
      usage: 'scorecards <candidate label>',
      example: 'scorecards Backend #42',
      what: "The panel's scorecards for a candidate, once yours is in (Slack only).",
    },
    {
      usage: 'scorecards delete <candidate label>',
      example: 'scorecards delete Backend #42',
      what: 'Erases the kits and scorecards kept for a candidate (Slack only).',
    },
  ],
  request: scorecardsRequest,
  read: (args) => parseScorecardsCommand(args),
  answer(request) {
    if (request.kind === 'usage') return reply(buildScorecardsUsageMessage(request.problem));
    return {
      followUp: async ({ command, respond, deps }: FollowUpContext) => {
        const answer = await answerScorecardsCommand(request, {
          kits: createKitRepository(deps.store),
          teamId: command.team_id,
          userId: command.user_id,
          admins: deps.config.hireAdmins,
        });
        await respond(answer.message);
        for (const userId of answer.homesChanged) {
          deps.events.emit('home-changed', { teamId: command.team_id, userId });
        }
      },
      elsewhere: slackOnly(request.kind === 'delete' ? 'scorecards delete …' : 'scorecards …'),
    };
  },
});
