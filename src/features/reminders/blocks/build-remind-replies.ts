import type { KnownBlock } from '@slack/types';
import { section } from '../../../kernel/slack/blocks/block-kit.js';
import { escapeMrkdwn, truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import type { Subscription } from '../subscription.js';
import { describeSettings, describeState, formatInZone } from './describe-reminder.js';

/** Notification text stays short (Slack limits it; a long one helps nobody). */
const TEXT_MAX = 2900;

function privately(text: string, blocks?: KnownBlock[]): SlackMessage {
  return {
    response_type: 'ephemeral',
    text: truncate(text, TEXT_MAX),
    blocks: blocks ?? [section(text)],
  };
}

/** Bad input: what was wrong, and a command that works. Changes nothing. */
export function buildRemindError(error: string, example: string): SlackMessage {
  const text = `${escapeMrkdwn(error)}\nFor example: \`${escapeMrkdwn(example)}\``;
  return privately(text, [
    section(`:warning: ${escapeMrkdwn(error)}`),
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: truncate(
            `For example: \`${escapeMrkdwn(example)}\` · \`/hire remind help\` for all options`,
            2000,
          ),
        },
      ],
    },
  ]);
}

export function buildRemindHelp(): SlackMessage {
  const text = [
    '*Daily interview-prep tips in this channel*',
    '`/hire remind daily 09:00`: weekdays at 09:00 in your Slack time zone',
    '`/hire remind 9:30am Europe/Berlin every day`: another zone, every day',
    '`/hire remind 09:00 mon,wed,fri senior questions glossary`: chosen days, a level focus and topics (questions, glossary, mistakes, expectations)',
    '`/hire remind list`: this channel’s reminders and their next run',
    '`/hire remind pause until 2027-01-05` · `/hire remind resume` · `/hire remind off`',
    '`/hire remind preview`: the next tip, only to you',
  ].join('\n');
  return privately('How to use /hire remind', [section(text)]);
}

/** The caller's private confirmation after subscribing. */
export function buildSubscribedReply(
  sub: Subscription,
  options: { replaced: boolean; zoneFromProfile: boolean },
): SlackMessage {
  const zoneNote = options.zoneFromProfile
    ? `Time zone ${escapeMrkdwn(sub.timeZone)} comes from your Slack profile; add a zone such as \`Europe/Berlin\` to choose another.`
    : `Time zone ${escapeMrkdwn(sub.timeZone)}, as you asked.`;
  const next = sub.nextRunAt ? `First tip: ${formatInZone(sub.nextRunAt, sub.timeZone)}.` : '';
  const verb = options.replaced ? 'Updated' : 'Set up';
  const text = `:white_check_mark: ${verb}: ${describeSettings(sub)}. ${next}\n${zoneNote}`;
  return privately(text);
}

/** A short private reply for changes (off, pause, resume) and no-ops. */
export function buildRemindNotice(text: string): SlackMessage {
  return privately(text);
}

export type RemindChange =
  | { kind: 'allowed-shared' }
  | { kind: 'disallowed-shared' }
  | { kind: 'subscribed'; sub: Subscription; replaced: boolean }
  | { kind: 'off'; count: number }
  | { kind: 'paused'; until?: string }
  | { kind: 'resumed'; subs: Subscription[] };

/** Posted in the channel for every change, so nobody is surprised by (or misses) a tip. */
export function buildRemindAnnouncement(change: RemindChange, userId: string): SlackMessage {
  const who = `<@${escapeMrkdwn(userId)}>`;
  let text: string;
  switch (change.kind) {
    case 'allowed-shared':
      text = `:unlock: ${who} allowed interview-prep tips in this channel, although it is shared with another organisation. Tips include what interviewers look for.`;
      break;
    case 'disallowed-shared':
      text = `:lock: ${who} turned interview-prep tips off for this shared channel.`;
      break;
    case 'subscribed':
      text = `:alarm_clock: ${who} ${change.replaced ? 'changed' : 'set up'} interview-prep tips for this channel: ${describeSettings(change.sub)}.`;
      break;
    case 'off':
      text = `:no_bell: ${who} turned off ${change.count === 1 ? 'the interview-prep reminder' : `${change.count} interview-prep reminders`} in this channel.`;
      break;
    case 'paused':
      text = `:double_vertical_bar: ${who} paused interview-prep tips in this channel${change.until ? ` until ${escapeMrkdwn(change.until)}` : ''}.`;
      break;
    case 'resumed': {
      const next = change.subs
        .filter((s) => s.nextRunAt)
        .map((s) => formatInZone(s.nextRunAt as Date, s.timeZone));
      text = `:arrow_forward: ${who} resumed interview-prep tips in this channel${next.length ? ` (next: ${next.join('; ')})` : ''}.`;
      break;
    }
  }
  return {
    text: truncate(text, TEXT_MAX),
    blocks: [
      section(text),
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: '`/hire remind list` shows the reminders here' }],
      },
    ],
  };
}

/** `/hire remind list`: each reminder with its next run in its own zone. */
export function buildRemindList(subs: readonly Subscription[]): SlackMessage {
  if (subs.length === 0) {
    return privately(
      'No interview-prep reminders in this channel yet. Start one with `/hire remind daily 09:00`.',
    );
  }
  const lines = subs
    .slice(0, 20)
    .map(
      (s) =>
        `• ${describeSettings(s)}\n   ${describeState(s)} · set by <@${escapeMrkdwn(s.createdBy)}>`,
    );
  const text = `*Interview-prep reminders in this channel*\n${lines.join('\n')}`;
  return privately(`${subs.length} reminder(s) in this channel`, [section(text)]);
}

/** The bot cannot post where it is not a member: say how to invite it. Nothing is saved. */
export function buildNotInChannelReply(botName = 'hire-bot'): SlackMessage {
  return privately(
    `:wave: I need to be in this channel to post reminders here. Invite me with \`/invite @${escapeMrkdwn(botName)}\`, then run the command again. Nothing was changed.`,
  );
}

export function buildNotAllowedReply(): SlackMessage {
  return privately(
    ':lock: Only the hiring admins set in `HIRE_ADMINS` can change reminders in this workspace. `/hire remind list` still works for everyone.',
  );
}

/** Told privately to whoever set up a reminder that Slack stopped accepting. */
export function buildChannelPausedNotice(sub: Subscription, reason: string): SlackMessage {
  const why: Record<string, string> = {
    channel_not_found: 'Slack cannot find the channel any more',
    is_archived: 'the channel is archived',
    not_in_channel: 'I am no longer a member of the channel',
    restricted_action: 'posting in the channel is restricted',
    shared_channel:
      'the channel is now shared with another organisation, and tips there need an admin to allow them (`/hire remind allow-shared`)',
  };
  const text = `:pause_button: I paused the interview-prep reminder you set up in <#${escapeMrkdwn(sub.channelId)}> (${describeSettings(sub)}) because ${why[reason] ?? escapeMrkdwn(reason)}. Fix that, then run \`/hire remind resume\` in the channel.`;
  return { text: truncate(text, TEXT_MAX), blocks: [section(text)] };
}

/** Tips stay out of a channel shared with another organisation until an admin allows them. */
export function buildSharedChannelReply(): SlackMessage {
  return buildRemindNotice(
    ':lock: This channel is shared with another organisation, and interview-prep tips include what interviewers look for, so they are off here. An admin can allow them with `/hire remind allow-shared`; or set the reminder up in a channel of the hiring team.',
  );
}

/** `allow-shared` / `disallow-shared` are for admins. */
export function buildAdminsOnlyReply(): SlackMessage {
  return buildRemindNotice(
    'Only an admin can allow tips in a shared channel (someone listed in HIRE_ADMINS, or a workspace admin when that list is empty).',
  );
}
