import type { AppDeps } from '../app-deps.js';
import { ACCESS_KEY } from '../slack/access/access-gate.js';
import { REFUSAL_HELP_MESSAGE } from '../slack/access/build-refusal.js';
import type { ChannelAudienceLookup } from '../slack/access/channel-audience.js';
import { HIRE_ERROR_MESSAGE } from '../slack/blocks/error-message.js';
import type { CommandArgs } from '../slack/listener-router.js';
import type { HireCommand } from './hire-command.js';
import { createRecentCache } from './recent-answers.js';
import type { Outcome } from './subcommand.js';

/**
 * `/hire`: answers are given inside ack() itself, the fastest path Slack offers (one round
 * trip, no response_url call). Subcommands that call Slack or the store ack empty at once and
 * follow up with respond(). No error escapes: the caller gets a friendly message and the log
 * gets the error, never the command text.
 */
export function createHireCommandListener(
  hire: HireCommand,
  deps: AppDeps & { channelAudience: ChannelAudienceLookup },
) {
  const log = deps.logger.child({ listener: 'hire-command' });
  // Most answers depend only on the text and the knowledge version: repeated commands reuse them.
  const answers = createRecentCache<Outcome>({ keep: (o) => 'reply' in o && !o.fresh });

  return async ({ command, ack, respond, client, context }: CommandArgs): Promise<void> => {
    // Only help gets past the access gate for someone outside the hiring team (see
    // kernel/slack/access/access-gate.ts); their help says what they may use.
    const access = context?.[ACCESS_KEY];
    if (access !== undefined && access !== 'member') {
      await ack(REFUSAL_HELP_MESSAGE);
      return;
    }
    let outcome: Outcome;
    const text = command.text ?? '';
    try {
      const snapshot = deps.knowledge.current();
      outcome = answers.get(`${snapshot.version}\n${text}`, () => hire.run(text, snapshot));
    } catch (error) {
      log.error(
        { err: error, user: command.user_id, channel: command.channel_id },
        'lookup failed',
      );
      await ack(HIRE_ERROR_MESSAGE);
      return;
    }
    if ('reply' in outcome) {
      await ack(outcome.reply);
      if (outcome.lookup) {
        const route = hire.route(text);
        const subcommand = 'subcommand' in route ? route.subcommand.name : 'help';
        // The workspace only: the stats never know who looked something up.
        deps.events.emit('lookup', { teamId: command.team_id, subcommand, ...outcome.lookup });
      }
      return;
    }

    await ack();
    try {
      await outcome.followUp({
        command,
        respond,
        client,
        deps,
        channelAudience: deps.channelAudience,
      });
    } catch (error) {
      const route = hire.route(text);
      log.error(
        {
          err: error,
          subcommand: 'subcommand' in route ? route.subcommand.name : 'help',
          user: command.user_id,
          channel: command.channel_id,
        },
        'subcommand failed',
      );
      await respond(HIRE_ERROR_MESSAGE).catch((respondError: unknown) =>
        log.warn({ err: respondError }, 'could not tell the caller about the failure'),
      );
    }
  };
}
