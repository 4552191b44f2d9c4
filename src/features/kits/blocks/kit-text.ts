import { bullets } from '../../../kernel/slack/blocks/block-kit.js';
import { escapeMrkdwn, truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { PlanSegment } from '../kit-plan.js';
import { RATING_LABELS, type Rating } from '../scorecard.js';

/** Text from the knowledge, a team or a user into mrkdwn: escaped, so it never pings or links. */
export const esc = escapeMrkdwn;

/**
 * An escaped bulleted list, each item cut at `max` characters (with a visible ellipsis), and
 * at most `count` items, saying how many more there are.
 */
export function escList(
  items: readonly string[],
  max = Number.POSITIVE_INFINITY,
  count = Number.POSITIVE_INFINITY,
): string {
  const shown = items.slice(0, count).map((item) => esc(truncate(item, max)));
  const more = items.length - shown.length;
  return bullets(more > 0 ? [...shown, `_and ${more} more_`] : shown);
}

/** The candidate label as shown: escaped, bold, quoted so it reads as a label. */
export function labelText(label: string | undefined): string {
  return label === undefined ? 'no candidate label' : `*“${esc(label)}”*`;
}

const USER_ID = /^[UW][A-Z0-9]{2,40}$/;

/**
 * A person, shown the way Slack shows people. Only ids chosen in Slack (panel pickers, the
 * acting user) come here, never typed text; anything that is not an id is escaped text.
 */
export function person(userId: string): string {
  return USER_ID.test(userId) ? `<@${userId}>` : esc(userId);
}

/**
 * A time shown in each reader's own time zone by Slack, with a UTC fallback for clients that
 * cannot. Made from a Date, never from text.
 */
export function when(date: Date): string {
  const unix = Math.floor(date.getTime() / 1000);
  const fallback = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${unix}^{date_short_pretty} at {time}|${fallback}>`;
}

/** Minutes from the start as `h:mm` (`0:05`, `1:25`). */
export function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Each segment with the minute it starts and ends at. */
export function timeline<T extends Pick<PlanSegment, 'minutes'>>(
  segments: readonly T[],
): { segment: T; start: number; end: number }[] {
  let start = 0;
  return segments.map((segment) => {
    const slot = { segment, start, end: start + segment.minutes };
    start = slot.end;
    return slot;
  });
}

export const RATING_ICONS: Record<Rating, string> = {
  'strong-no': ':no_entry:',
  no: ':x:',
  yes: ':white_check_mark:',
  'strong-yes': ':star2:',
};

export function ratingText(rating: Rating): string {
  return `${RATING_ICONS[rating]} ${RATING_LABELS[rating]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A `/hire` command shown as code; it may hold a user's label, so it is escaped. */
export function command(text: string): string {
  return `\`/hire ${esc(truncate(text, 160))}\``;
}
