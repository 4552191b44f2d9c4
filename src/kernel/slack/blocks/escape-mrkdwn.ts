/**
 * Escapes text that came from a user or from data before it goes into mrkdwn. Slack asks for
 * exactly these three replacements; with them `<!channel>`, `<@U123>` and `<http://x|y>`
 * arrive as plain text instead of live mentions and links.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Shortens text to `max` characters, ending with an ellipsis when something was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}
