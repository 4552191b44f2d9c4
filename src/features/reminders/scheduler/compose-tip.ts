import { DateTime } from 'luxon';
import type { KnowledgeSource } from '../../../kernel/knowledge/knowledge-source.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { buildTipMessage } from '../blocks/build-tip-message.js';
import type { ReminderTopic } from '../reminder-settings.js';
import type { SeenTips } from '../storage/reminder-repository.js';
import type { Subscription } from '../subscription.js';
import { pickTip, type TipPick } from '../tips/pick-tip.js';

/** One occurrence's tip, ready to post, with what to record once it is posted. */
export type ComposedTip = {
  message: SlackMessage;
  picks: readonly TipPick[];
  restarted: readonly ReminderTopic[];
  /** The occurrence's date in the subscription's zone (YYYY-MM-DD). */
  localDate: string;
};

/**
 * Composes the tip an occurrence posts: picks it (never one the channel has seen this cycle)
 * from the knowledge as it is now, and dates it in the channel's zone. Date labels are cached,
 * since time zone arithmetic is costly and a busy minute repeats the same few.
 */
export function createTipComposer(knowledge: KnowledgeSource) {
  const labels = new Map<string, { label: string; isoDate: string }>();

  /** "Monday 30 November" in the subscription's zone, and the date itself. */
  function localDay(due: Date, timeZone: string): { label: string; isoDate: string } {
    const key = `${due.getTime()}|${timeZone}`;
    let day = labels.get(key);
    if (!day) {
      const local = DateTime.fromJSDate(due, { zone: timeZone });
      day = { label: local.toFormat('cccc d LLLL'), isoDate: local.toISODate() ?? '' };
      if (labels.size > 10_000) labels.clear();
      labels.set(key, day);
    }
    return day;
  }

  return {
    compose(sub: Subscription, due: Date, seen: SeenTips): ComposedTip {
      const picked = pickTip({
        knowledge: knowledge.current().knowledge,
        level: sub.level,
        topics: sub.topics,
        seen,
        seed: sub.id,
      });
      const day = localDay(due, sub.timeZone);
      return {
        message: buildTipMessage(picked.tip, { dateLabel: day.label, createdBy: sub.createdBy }),
        picks: picked.picks,
        restarted: picked.restarted,
        localDate: day.isoDate,
      };
    },
  };
}
