import { DateTime } from 'luxon';
import { escapeMrkdwn } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import { describeDays, type ReminderSettings } from '../reminder-settings.js';
import type { Subscription } from '../subscription.js';

const TOPIC_NAMES = {
  questions: 'questions',
  glossary: 'glossary terms',
  mistakes: 'mistakes to avoid',
  expectations: 'candidate expectations',
} as const;

/** "weekdays at 09:00 (Europe/Berlin), senior focus: questions, glossary terms". Escaped. */
export function describeSettings(settings: ReminderSettings): string {
  const focus = settings.level ? `, ${settings.level} focus` : '';
  const topics = settings.topics.map((t) => TOPIC_NAMES[t]).join(', ');
  return escapeMrkdwn(
    `${describeDays(settings.days)} at ${settings.localTime} (${settings.timeZone})${focus}: ${topics}`,
  );
}

/** "Tue 5 Jan 2027, 09:00 CET": an instant as people in that zone read it. */
export function formatInZone(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat('ccc d LLL yyyy, HH:mm ZZZZ');
}

const REASONS = {
  requested: 'paused',
  channel_not_found: 'paused: Slack cannot find this channel',
  is_archived: 'paused: the channel is archived',
  not_in_channel: 'paused: the bot was removed from the channel',
  restricted_action: 'paused: posting here is restricted',
  shared_channel: 'paused: the channel is shared with another organisation',
} as const;

/**
 * The state part of a list line: next run, or why and until when it is paused. The next run
 * reads in the reminder's zone unless `formatNext` says otherwise (the Home shows it in each
 * reader's own time, with a Slack date token).
 */
export function describeState(
  sub: Subscription,
  formatNext: (instant: Date, timeZone: string) => string = formatInZone,
): string {
  const next = sub.nextRunAt ? `next: ${formatNext(sub.nextRunAt, sub.timeZone)}` : undefined;
  if (sub.status === 'active') return next ?? 'not scheduled';
  const reason = REASONS[sub.pauseReason ?? 'requested'];
  if (sub.pausedUntil) return `${reason} until ${sub.pausedUntil}${next ? `, ${next}` : ''}`;
  return `${reason} (\`/hire remind resume\` to restart)`;
}
