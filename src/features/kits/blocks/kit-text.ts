import { bullets } from '../../../kernel/slack/blocks/block-kit.js';
import { truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import { esc } from '../../../kernel/slack/blocks/text.js';
import type { PlanSegment } from '../kit-plan.js';
import { RATING_LABELS, type Rating } from '../scorecard.js';

/**
 * Text from the knowledge, a team or a user into mrkdwn: escaped, so it never pings or links.
 * A person (only ids chosen in Slack come here; anything else is shown escaped) and a time
 * each reader sees in their own zone, as the kernel's helpers make them.
 */
export {
  dateToken as when,
  esc,
  mention as person,
} from '../../../kernel/slack/blocks/text.js';

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
  return label === undefined ? 'a candidate with no label' : `*“${esc(label)}”*`;
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
