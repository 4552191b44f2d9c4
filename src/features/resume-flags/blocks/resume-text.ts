import type { Level } from '../../../kernel/knowledge/schemas/levels-schema.js';
import { escapeMrkdwn } from '../../../kernel/slack/blocks/escape-mrkdwn.js';

/** Modal titles, submit and close labels may hold 24 characters. */
export const MODAL_TITLE = 'Flag resume concerns';

const USER_ID = /^[UW][A-Z0-9]{2,40}$/;
const SLACK_URL = /^https:\/\/[^\s|<>]+$/;

/** A user mention, only for ids that look like Slack's (anything else is shown escaped). */
export function mention(userId: string): string {
  return USER_ID.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/** A mrkdwn link to a Slack URL, or the label alone when the URL is missing or odd. */
export function link(url: string | undefined, label: string): string {
  return url && SLACK_URL.test(url) ? `<${url}|${escapeMrkdwn(label)}>` : escapeMrkdwn(label);
}

/** "Senior (about 7 years mentioned) · prepare with `/hire questions senior`". */
export function levelLine(
  levels: readonly Level[],
  level: string | undefined,
  years?: number,
): string {
  if (level === undefined) {
    return 'No years of experience mentioned, so no level estimate. Ask, then prepare with `/hire questions junior|mid|senior|staff`.';
  }
  const name = levels.find((l) => l.id === level)?.name ?? level;
  const about =
    years === undefined ? '' : ` (about ${years} year${years === 1 ? '' : 's'} mentioned)`;
  return `*Estimated level: ${escapeMrkdwn(name)}*${about} · prepare with \`/hire questions ${level}\``;
}
