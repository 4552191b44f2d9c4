import type { FeatureContext } from '../../kernel/feature.js';
import { HIRE_ERROR_MESSAGE } from '../../kernel/slack/blocks/error-message.js';
import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import type { ButtonArgs } from '../../kernel/slack/listener-router.js';
import { buildRemindNotice } from './blocks/build-remind-replies.js';
import { buildReminderNoticeModal } from './blocks/build-reminder-notice-modal.js';
import { handleRemindSubcommand } from './handle-remind.js';
import { isChannelMember } from './home/channel-membership.js';
import { remindDepsOf } from './remind-deps.js';
import { type ReminderHomeAction, reminderTargetSchema } from './reminders-ids.js';

const STALE = buildRemindNotice(
  'That reminder is no longer one of yours, or it is gone. Open the Home tab again to see the current ones.',
);

/** The `/hire remind` text a Home button stands for. */
const remindArgs = (action: ReminderHomeAction, localTime: string): string =>
  action === 'off' ? `off ${localTime}` : action;

/**
 * Pause, Resume and Turn off in the Home: the same `/hire remind` logic as typed in the
 * channel (HIRE_ADMINS, the channel's announcement, the caller's time zone), for the channel
 * of the reminder the button belongs to. A change republishes the Home (home-changed); when
 * nothing changed, what `/hire remind` would have said privately appears in a small modal,
 * since an action in the Home has no response_url to answer on.
 */
export function createHomeReminderAction(action: ReminderHomeAction, ctx: FeatureContext) {
  const log = ctx.logger.child({ listener: 'home-reminder-action' });

  return async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const userId = body.user.id;
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const pressed = body.actions[0] as { value?: unknown } | undefined;
    const target = reminderTargetSchema.safeParse(pressed?.value);

    let notice: SlackMessage | undefined = STALE;
    if (target.success) {
      const { channelId, localTime } = target.data;
      try {
        const deps = remindDepsOf(ctx, 'home-reminder-action');
        const sub = (await deps.reminders.listByChannel(teamId, channelId)).find(
          (s) => s.localTime === localTime,
        );
        // The Home shows reminders the viewer set up or whose channel they are in; a button
        // from an older Home is held to the same rule now.
        const theirs =
          sub !== undefined &&
          (sub.createdBy === userId || (await isChannelMember(client, channelId, userId)) === true);
        if (theirs) {
          let reply: SlackMessage | undefined;
          const changed = await handleRemindSubcommand(
            {
              args: remindArgs(action, localTime),
              userId,
              channelId,
              teamId,
              client,
              respond: async (message) => {
                reply = message;
              },
            },
            deps,
          );
          notice = changed === undefined ? reply : undefined;
        }
      } catch (error) {
        log.error({ err: error, user: userId, channel: channelId }, 'reminder change failed');
        notice = HIRE_ERROR_MESSAGE;
      }
    } else {
      log.warn({ user: userId }, 'reminder button with an unusable value');
    }
    if (notice === undefined) return;
    // Nothing changed, but the Home may be out of date (someone else changed the channel).
    ctx.events.emit('home-changed', { teamId, userId });
    try {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildReminderNoticeModal(notice),
      });
    } catch (error) {
      log.warn({ err: error, user: userId }, 'could not show why the reminder did not change');
    }
  };
}
