import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { AppEvents } from '../../kernel/app-events.js';
import type { Clock } from '../../kernel/clock.js';
import type { Knowledge } from '../../kernel/knowledge/schemas/knowledge-modules.js';
import { isSharedChannel } from '../../kernel/slack/access/channel-audience.js';
import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import { classifySlackError } from '../../kernel/slack/classify-slack-error.js';
import {
  buildAdminsOnlyReply,
  buildNotAllowedReply,
  buildNotInChannelReply,
  buildRemindAnnouncement,
  buildRemindError,
  buildRemindHelp,
  buildRemindList,
  buildRemindNotice,
  buildSharedChannelReply,
  buildSubscribedReply,
  type RemindChange,
} from './blocks/build-remind-replies.js';
import { buildTipPreviewMessage } from './blocks/build-tip-message.js';
import { parseRemindCommand } from './parse/parse-remind-command.js';
import type { RemindCommand } from './parse/remind-command.js';
import { mayChangeReminders } from './reminder-permissions.js';
import { REMINDER_TOPICS } from './reminder-settings.js';
import { firstRunOnOrAfterDate, nextRunAfter } from './schedule/next-run.js';
import { canonicalTimeZone } from './schedule/time-zone.js';
import type { ReminderRepository } from './storage/reminder-repository.js';
import type { SharedChannelRepository } from './storage/shared-channel-repository.js';
import { pickTip } from './tips/pick-tip.js';

export type RemindRequest = {
  /** The text after `/hire remind`. */
  args: string;
  userId: string;
  channelId: string;
  teamId: string;
  client: WebClient;
  /** Bolt's respond(): private replies to the caller. */
  respond: (message: SlackMessage) => Promise<unknown>;
};

export type RemindDeps = {
  reminders: ReminderRepository;
  /** Shared channels an admin opened to tips. */
  sharedChannels: SharedChannelRepository;
  knowledge: Knowledge;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** HIRE_ADMINS: when not empty, only these users may change reminders. */
  hireAdmins: readonly string[];
  /** Tells the caller's Home that their reminders changed. */
  events: Pick<AppEvents, 'emit'>;
};

type Membership = 'member' | 'not-member' | 'archived';

/**
 * Whether the bot can post in the channel (DMs with the bot always work), and whether the
 * channel is shared with another organisation.
 */
async function channelState(
  client: WebClient,
  channelId: string,
): Promise<{ membership: Membership; shared: boolean }> {
  try {
    const { channel } = await client.conversations.info({ channel: channelId });
    const shared = isSharedChannel(channel);
    if (channel?.is_archived) return { membership: 'archived', shared };
    const member = channel?.is_member || channel?.is_im;
    return { membership: member ? 'member' : 'not-member', shared };
  } catch (error) {
    // A private channel the bot is not in looks like "not found" to it.
    if (classifySlackError(error).kind === 'channel')
      return { membership: 'not-member', shared: false };
    throw error;
  }
}

/** The caller's Slack time zone, or undefined when Slack does not say (or says nonsense). */
async function callerTimeZone(client: WebClient, userId: string): Promise<string | undefined> {
  try {
    const info = await client.users.info({ user: userId });
    return info.user?.tz ? canonicalTimeZone(info.user.tz) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An admin, for what only admins may do here: listed in HIRE_ADMINS, or — when that list is
 * empty — a workspace admin or owner as Slack says.
 */
async function isAdmin(client: WebClient, admins: readonly string[], userId: string) {
  if (admins.length > 0) return admins.includes(userId);
  try {
    const { user } = await client.users.info({ user: userId });
    return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
  } catch {
    return false;
  }
}

/** Blocks a subscribe or resume the bot may not carry out in this channel, with the reply. */
async function refusalToPost(
  client: WebClient,
  request: Pick<RemindRequest, 'teamId' | 'channelId'>,
  deps: Pick<RemindDeps, 'sharedChannels'>,
  archivedText: string,
): Promise<SlackMessage | undefined> {
  const { membership, shared } = await channelState(client, request.channelId);
  if (membership === 'archived') return buildRemindNotice(archivedText);
  if (membership !== 'member') return buildNotInChannelReply();
  if (shared && !(await deps.sharedChannels.isAllowed(request.teamId, request.channelId)))
    return buildSharedChannelReply();
  return undefined;
}

const needsCallerZone = (command: RemindCommand) =>
  (command.kind === 'subscribe' && command.timeZone === undefined) || command.kind === 'pause';

/**
 * `/hire remind …`, after ack(): parses, checks who may change what and whether the bot can
 * post in the channel, applies the change, announces it in the channel, and answers the
 * caller privately. Bad input changes nothing and gets an error with an example.
 * Resolves with the kind of change made, or undefined when nothing changed.
 */
export async function handleRemindSubcommand(
  request: RemindRequest,
  deps: RemindDeps,
): Promise<RemindChange['kind'] | undefined> {
  const { client, respond, userId, channelId, teamId } = request;
  const repo = deps.reminders;
  const now = deps.clock.now();

  let parsed = parseRemindCommand(request.args, { now });
  let zone: string | undefined;
  if (parsed.ok && needsCallerZone(parsed.command)) {
    zone = await callerTimeZone(client, userId);
    // "Today" for `pause until` is the caller's today.
    if (zone) parsed = parseRemindCommand(request.args, { now, timeZone: zone });
  }
  if (!parsed.ok) {
    await respond(buildRemindError(parsed.error, parsed.example));
    return;
  }
  const command = parsed.command;

  if (command.kind === 'help') {
    await respond(buildRemindHelp());
    return;
  }
  if (command.kind === 'list') {
    await respond(buildRemindList(await repo.listByChannel(teamId, channelId)));
    return;
  }
  if (command.kind === 'preview') {
    const [sub] = await repo.listByChannel(teamId, channelId);
    const seen = sub ? await repo.seenTips(sub.id) : {};
    const { tip } = pickTip({
      knowledge: deps.knowledge,
      level: sub?.level,
      topics: sub?.topics ?? REMINDER_TOPICS,
      seen,
      seed: sub?.id ?? channelId,
    });
    await respond(buildTipPreviewMessage(tip));
    return;
  }

  if (!mayChangeReminders(deps.hireAdmins, userId)) {
    await respond(buildNotAllowedReply());
    return;
  }

  let change: RemindChange;
  let reply: SlackMessage;
  let undo: (() => Promise<unknown>) | undefined;
  switch (command.kind) {
    case 'allow-shared':
    case 'disallow-shared': {
      if (!(await isAdmin(client, deps.hireAdmins, userId))) {
        await respond(buildAdminsOnlyReply());
        return;
      }
      if (command.kind === 'allow-shared') {
        if (!(await channelState(client, channelId)).shared) {
          await respond(
            buildRemindNotice(
              'This channel is not shared with another organisation; tips need no extra step here.',
            ),
          );
          return;
        }
        await deps.sharedChannels.allow(teamId, channelId, userId, now);
        change = { kind: 'allowed-shared' };
        reply = buildRemindNotice('Tips are allowed in this shared channel now.');
      } else {
        if (!(await deps.sharedChannels.disallow(teamId, channelId))) {
          await respond(buildRemindNotice('Tips were not allowed here; nothing changed.'));
          return;
        }
        change = { kind: 'disallowed-shared' };
        reply = buildRemindNotice(
          'Tips are off for this shared channel again; its reminders pause at their next run.',
        );
      }
      break;
    }
    case 'subscribe': {
      const refused = await refusalToPost(
        client,
        request,
        deps,
        'This channel is archived, so it cannot get reminders.',
      );
      if (refused) {
        await respond(refused);
        return;
      }
      const timeZone = command.timeZone ?? zone ?? 'UTC';
      const settings = {
        localTime: command.localTime,
        timeZone,
        days: command.days,
        topics: command.topics,
        ...(command.level ? { level: command.level } : {}),
      };
      const { sub, replaced } = await repo.upsert({
        teamId,
        channelId,
        createdBy: userId,
        settings,
        nextRunAt: nextRunAfter(settings, now),
        now,
      });
      if (!replaced) undo = () => repo.remove(teamId, channelId, sub.localTime);
      change = { kind: 'subscribed', sub, replaced };
      reply = buildSubscribedReply(sub, {
        replaced,
        zoneFromProfile: command.timeZone === undefined,
      });
      if (!command.timeZone && !zone) {
        reply = buildRemindNotice(
          `${reply.text}\n(Slack did not give me your time zone, so I used UTC. Add one such as \`Europe/Berlin\` to change it.)`,
        );
      }
      break;
    }
    case 'off': {
      const count = await repo.remove(teamId, channelId, command.localTime);
      if (count === 0) {
        await respond(
          buildRemindNotice('There is no matching reminder in this channel; nothing changed.'),
        );
        return;
      }
      change = { kind: 'off', count };
      reply = buildRemindNotice(`Turned off ${count} reminder(s) in this channel.`);
      break;
    }
    case 'pause': {
      const subs = await repo.listByChannel(teamId, channelId);
      if (subs.length === 0) {
        await respond(buildRemindNotice('There are no reminders in this channel to pause.'));
        return;
      }
      for (const sub of subs) {
        await repo.setState(sub.id, {
          status: 'paused',
          pauseReason: 'requested',
          ...(command.until ? { pausedUntil: command.until } : {}),
          nextRunAt: command.until ? firstRunOnOrAfterDate(sub, command.until) : null,
          now,
        });
      }
      change = { kind: 'paused', ...(command.until ? { until: command.until } : {}) };
      reply = buildRemindNotice(
        command.until
          ? `Paused until ${command.until}; tips start again by themselves on that date.`
          : 'Paused. `/hire remind resume` starts the tips again.',
      );
      break;
    }
    case 'resume': {
      const paused = (await repo.listByChannel(teamId, channelId)).filter(
        (s) => s.status === 'paused',
      );
      if (paused.length === 0) {
        await respond(buildRemindNotice('Nothing is paused in this channel; nothing changed.'));
        return;
      }
      const refused = await refusalToPost(
        client,
        request,
        deps,
        'This channel is archived, so reminders cannot resume here.',
      );
      if (refused) {
        await respond(refused);
        return;
      }
      for (const sub of paused) {
        await repo.setState(sub.id, { status: 'active', nextRunAt: nextRunAfter(sub, now), now });
      }
      const subs = (await repo.listByChannel(teamId, channelId)).filter((s) =>
        paused.some((p) => p.id === s.id),
      );
      change = { kind: 'resumed', subs };
      reply = buildRemindNotice('Resumed.');
      break;
    }
  }

  const announcement = buildRemindAnnouncement(change, userId);
  try {
    await client.chat.postMessage({
      channel: channelId,
      text: announcement.text,
      blocks: announcement.blocks,
    });
  } catch (error) {
    const failure = classifySlackError(error);
    deps.logger.warn(
      { channel: channelId, code: failure.code },
      'could not announce a reminder change',
    );
    if (undo && failure.kind === 'channel') {
      // A new reminder nobody was told about, in a channel the bot cannot post to: take it back.
      await undo();
      await respond(buildNotInChannelReply());
      return;
    }
  }
  deps.logger.info(
    { channel: channelId, team: teamId, user: userId, change: change.kind },
    'reminder changed',
  );
  deps.events.emit('home-changed', { teamId, userId });
  await respond(reply);
  return change.kind;
}
