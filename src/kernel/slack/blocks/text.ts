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
