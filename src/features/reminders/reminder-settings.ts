import { z } from 'zod';
import { levelId } from '../../kernel/knowledge/schemas/common.js';

/** The parts a tip can contain, in the order they appear in the message. */
export const REMINDER_TOPICS = ['questions', 'glossary', 'mistakes', 'expectations'] as const;
export const reminderTopic = z.enum(REMINDER_TOPICS);
export type ReminderTopic = z.infer<typeof reminderTopic>;

/** ISO weekday numbers, as luxon counts them: 1 = Monday … 7 = Sunday. */
export const weekday = z.number().int().min(1).max(7);
export const WEEKDAYS = [1, 2, 3, 4, 5] as const;
export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;

/** Wall-clock time of day, `HH:mm`, 24-hour. */
export const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm');

/** The schedule and content of one reminder, as a person chose it. */
export const reminderSettingsSchema = z.object({
  localTime,
  /** IANA time zone name, e.g. `Europe/Berlin`. */
  timeZone: z.string().min(1),
  /** Sorted, distinct ISO weekdays. */
  days: z.array(weekday).min(1).max(7),
  /** Question level focus; absent = every level. */
  level: levelId.optional(),
  /** Sorted in REMINDER_TOPICS order, distinct, at least one. */
  topics: z.array(reminderTopic).min(1),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

/** Sorts and de-duplicates weekdays so that equal schedules compare equal. */
export function normalizeDays(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => a - b);
}

/** Puts topics in the canonical order without duplicates. */
export function normalizeTopics(topics: readonly ReminderTopic[]): ReminderTopic[] {
  return REMINDER_TOPICS.filter((topic) => topics.includes(topic));
}

const DAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** "weekdays", "every day", "weekends" or "Mon, Wed, Fri". */
export function describeDays(days: readonly number[]): string {
  const sorted = normalizeDays(days);
  const key = sorted.join(',');
  if (key === EVERY_DAY.join(',')) return 'every day';
  if (key === WEEKDAYS.join(',')) return 'weekdays';
  if (key === '6,7') return 'weekends';
  return sorted.map((d) => DAY_SHORT[d - 1]).join(', ');
}
