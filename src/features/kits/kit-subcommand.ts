import { z } from 'zod';
import { MAX_COMMAND_LENGTH } from '../../kernel/hire-command/parse-args.js';
import {
  defineSubcommand,
  type FollowUpContext,
  reply,
} from '../../kernel/hire-command/subcommand.js';
import type { Knowledge } from '../../kernel/knowledge/schemas/knowledge-modules.js';
import {
  answerKitCommand,
  checkKitCommand,
  type KitCommand,
  planKitCommand,
} from './answer-kit-command.js';
import { buildKitPostedMessage } from './blocks/build-kit-delivery-replies.js';
import { deliverKit } from './deliver-kit.js';
import type { KitTarget } from './kit-request.js';
import { newKitSeed } from './new-kit-seed.js';
import { kitParserFor } from './parse-kit-command.js';
import { createKitRepository } from './storage/kit-repository.js';

const kitRequest = z.object({
  kind: z.literal('kit'),
  /** The text after `/hire kit`, read by parse-kit-delivery.ts and parse-kit-command.ts. */
  args: z.string().max(MAX_COMMAND_LENGTH),
});

/** Said on the terminal's copy, which is not stored and so cannot be scored. */
const TERMINAL_NOTICE =
  '_A preview: in Slack the kit is stored and carries a *Score this interview* button, and `to #channel`, `in a thread` and `with @people` send it to the panel._';

/** The kit drawn now and sent where asked, after the ack (it is stored first). */
async function sendKit(command: KitCommand, knowledge: Knowledge, ctx: FollowUpContext) {
  const { command: slash, respond, client, deps } = ctx;
  // A fresh seed unless the text carries one ("Same kit again" puts `seed:…` in its command).
  const planned = planKitCommand(command.kitText, {
    parser: kitParserFor(knowledge),
    knowledge,
    seed: newKitSeed(),
    panel: command.panel,
  });
  if (!planned.ok) {
    await respond(planned.message);
    return;
  }
  const target: KitTarget =
    command.to.kind === 'private'
      ? command.to
      : {
          kind: 'channel',
          channelId: command.to.channel === 'here' ? slash.channel_id : command.to.channel,
          inThread: command.to.inThread,
        };
  const delivered = await deliverKit(
    {
      teamId: slash.team_id,
      createdBy: slash.user_id,
      request: planned.request,
      plan: planned.plan,
      panel: command.panel,
      target,
    },
    {
      kits: createKitRepository(deps.store),
      client,
      channelAudience: ctx.channelAudience,
      clock: deps.clock,
      events: deps.events,
      logger: deps.logger.child({ listener: 'kit-subcommand' }),
      showPrivately: async (message) => {
        await respond(message);
      },
    },
  );
  if (delivered.destination.kind !== 'private') await respond(buildKitPostedMessage(delivered));
}

/**
 * `/hire kit <level> [minutes] [areas…] [for <label>] [to #channel] [in a thread] [with @people]`:
 * a timed interview plan. Refusals are answered in the ack (the same text is refused the same
 * way every time); a kit is drawn at random, stored (its Score button needs the id), and sent
 * after the ack. The terminal shows an unstored preview without the Score button.
 */
export const kitSubcommand = defineSubcommand({
  name: 'kit',
  aliases: ['kit', 'kits', 'interview kit'],
  help: [
    {
      usage: 'kit <level> [minutes] [areas…] [for <label>]',
      example: 'kit senior 60 system design for Backend #42',
      what: 'A timed interview plan with what to look for, and a scorecard to fill in after.',
    },
    {
      usage: 'kit … to #channel [in a thread] [with @people]',
      example: 'kit mid 45 for Backend #42 to here with @alex @sam',
      what: 'Posts the kit for the panel and sends each member their questions (Slack only).',
    },
  ],
  request: kitRequest,
  read: (args) => ({ kind: 'kit' as const, args }),
  answer(request, ctx) {
    const { knowledge } = ctx;
    const parser = kitParserFor(knowledge);
    const checked = checkKitCommand(request.args, { parser, knowledge });
    if (!checked.ok) return reply(checked.message);
    const { command } = checked;
    return {
      followUp: (followUp) => sendKit(command, knowledge, followUp),
      elsewhere: () =>
        answerKitCommand(command.kitText, { parser, knowledge, seed: newKitSeed() }, 'private', {
          notice: TERMINAL_NOTICE,
        }),
    };
  },
});
