import type { AppDeps } from '../../kernel/app-deps.js';
import { ackButtonCommand } from '../../kernel/hire-command/actions/button-value.js';
import type { ChannelAudienceLookup } from '../../kernel/slack/access/channel-audience.js';
import { HIRE_ERROR_MESSAGE } from '../../kernel/slack/blocks/error-message.js';
import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import type { ButtonArgs } from '../../kernel/slack/listener-router.js';
import { checkKitCommand, planKitCommand } from './answer-kit-command.js';
import { deliverKit } from './deliver-kit.js';
import { newKitSeed } from './new-kit-seed.js';
import { kitParserFor } from './parse-kit-command.js';
import { createKitRepository } from './storage/kit-repository.js';

type Deps = Pick<AppDeps, 'store' | 'logger' | 'knowledge' | 'clock' | 'events'> & {
  channelAudience: ChannelAudienceLookup;
};

/**
 * "Same kit again": the button carries `kit <level> <minutes> [areas…] seed:<seed>`
 * (kitAgainCommand), so the same questions come back for the next candidate. The new kit is
 * stored for whoever pressed it, with its own Score button, and shown to them privately; the
 * kit it came from stays as it was.
 */
export function createAgainAction(deps: Deps) {
  const log = deps.logger.child({ listener: 'kit-again-action' });
  const kits = createKitRepository(deps.store);

  return async (args: ButtonArgs): Promise<void> => {
    const command = await ackButtonCommand(args, log);
    if (command === undefined) return;
    const { body, client, respond } = args;
    const userId = body.user.id;
    // A button pressed in a message has a response_url; elsewhere the answer is a DM.
    const show = async (message: SlackMessage) => {
      if (body.response_url) {
        await respond({ ...message, response_type: 'ephemeral', replace_original: false });
      } else {
        await client.chat.postMessage({
          channel: userId,
          text: message.text,
          blocks: message.blocks,
        });
      }
    };
    try {
      const { knowledge } = deps.knowledge.current();
      const parser = kitParserFor(knowledge);
      const text = command.replace(/^\s*kit\b/i, '');
      const checked = checkKitCommand(text, { parser, knowledge });
      if (!checked.ok) {
        await show(checked.message);
        return;
      }
      const planned = planKitCommand(checked.command.kitText, {
        parser,
        knowledge,
        seed: newKitSeed(),
      });
      if (!planned.ok) {
        await show(planned.message);
        return;
      }
      await deliverKit(
        {
          teamId: body.team?.id ?? body.user.team_id ?? '',
          createdBy: userId,
          request: planned.request,
          plan: planned.plan,
          panel: [],
          target: { kind: 'private' },
        },
        {
          kits,
          client,
          channelAudience: deps.channelAudience,
          clock: deps.clock,
          events: deps.events,
          logger: log,
          showPrivately: show,
        },
      );
    } catch (error) {
      log.error({ err: error, user: userId }, 'could not build the kit again');
      await show(HIRE_ERROR_MESSAGE).catch(() => undefined);
    }
  };
}
