import { bullets } from './block-kit.js';
import { escapeMrkdwn, truncate } from './escape-mrkdwn.js';

/** Knowledge text into mrkdwn: escaped, since data may hold `&`, `<` or `>`. */
export const esc = escapeMrkdwn;

/**
 * What the user typed, quoted back: escaped so it can never ping or link, shortened (with a
 * visible ellipsis) so a long paste does not crowd out the answer.
 */
export function echo(text: string): string {
  return `“${escapeMrkdwn(truncate(text.replace(/\s+/g, ' ').trim(), 80))}”`;
}

/** An escaped bulleted list. */
export const escList = (items: readonly string[]): string => bullets(items.map(esc));

/** A /hire command shown as code; `command` may hold user text, so it is escaped too. */
export const code = (command: string): string =>
  `\`/hire ${escapeMrkdwn(truncate(command, 120))}\``;

const USER_ID = /^[UW][A-Z0-9]{2,40}$/;
const SLACK_URL = /^https:\/\/[^\s|<>]+$/;

/** Whether `id` looks like a Slack user id, so that `<@id>` is a mention and nothing else. */
export const isUserId = (id: string): boolean => USER_ID.test(id);

/** A user mention, only for ids that look like Slack's (anything else is shown escaped). */
export function mention(userId: string): string {
  return isUserId(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/** A mrkdwn link to a Slack URL, or the label alone when the URL is missing or odd. */
export function link(url: string | undefined, label: string): string {
  return url && SLACK_URL.test(url) ? `<${url}|${escapeMrkdwn(label)}>` : escapeMrkdwn(label);
}

/** A date Slack shows in each reader's own time zone; the fallback is UTC. */
export function dateToken(date: Date): string {
  const unix = Math.floor(date.getTime() / 1000);
  const fallback = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${unix}^{date_short_pretty} at {time}|${fallback}>`;
}
