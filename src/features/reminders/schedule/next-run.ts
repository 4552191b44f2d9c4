import { DateTime, IANAZone } from 'luxon';

export type Schedule = {
  /** `HH:mm` wall-clock time. */
  localTime: string;
  /** IANA zone name. */
  timeZone: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which the reminder runs. */
  days: readonly number[];
};

const MINUTE = 60_000;

type LocalDate = { year: number; month: number; day: number };

/**
 * The instant a wall-clock time happens on a local date, decided by hand rather than by
 * luxon's guess, because both daylight-saving edge cases matter here:
 * - clocks go back (the wall time happens twice): the earlier instant, so there is one post;
 * - clocks go forward (the wall time never happens): the first instant after the gap, so the
 *   day is not lost and the post is as close to the chosen time as the zone allows.
 */
export function occurrenceOn(date: LocalDate, localTime: string, zoneName: string): Date {
  const zone = IANAZone.create(zoneName);
  if (!zone.isValid) throw new RangeError(`unknown time zone ${zoneName}`);
  const [hour, minute] = localTime.split(':').map(Number);
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour ?? 0, minute ?? 0);
  // Offsets in force a day either side cover every offset the wall time can map to.
  const offsets = new Set([
    zone.offset(wall - 36 * 60 * MINUTE),
    zone.offset(wall),
    zone.offset(wall + 36 * 60 * MINUTE),
  ]);
  const instants = [...offsets]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => instant + zone.offset(instant) * MINUTE === wall)
    .sort((a, b) => a - b);
  const first = instants[0];
  if (first !== undefined) return new Date(first);
  return new Date(endOfGap(zone, wall, offsets));
}

/** The instant the clocks jumped, found by bisection: no wall time exists between. */
function endOfGap(zone: IANAZone, wall: number, offsets: Set<number>): number {
  const list = [...offsets];
  let low = wall - Math.max(...list) * MINUTE; // still before the jump
  let high = wall - Math.min(...list) * MINUTE; // already after it
  const before = zone.offset(low);
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2);
    if (zone.offset(middle) === before) low = middle;
    else high = middle;
  }
  // Zone transitions happen on whole seconds; `high` is the first second on the new offset.
  return high;
}

/**
 * The first run strictly after `after`: the chosen wall-clock time on the next chosen day,
 * in the schedule's zone. Looks at most eight local days ahead (every weekday appears).
 */
export function nextRunAfter(schedule: Schedule, after: Date): Date {
  if (schedule.days.length === 0) throw new RangeError('a schedule needs at least one day');
  const start = DateTime.fromJSDate(after, { zone: schedule.timeZone }).startOf('day');
  if (!start.isValid) throw new RangeError(`unknown time zone ${schedule.timeZone}`);
  for (let i = 0; i <= 8; i++) {
    const day = start.plus({ days: i });
    if (!schedule.days.includes(day.weekday)) continue;
    const run = occurrenceOn(
      { year: day.year, month: day.month, day: day.day },
      schedule.localTime,
      schedule.timeZone,
    );
    if (run.getTime() > after.getTime()) return run;
  }
  throw new RangeError('no run found within eight days');
}

/** The first run at or after the start of a local date (used when a pause ends). */
export function firstRunOnOrAfterDate(schedule: Schedule, isoDate: string): Date {
  const start = DateTime.fromISO(isoDate, { zone: schedule.timeZone }).startOf('day');
  if (!start.isValid) throw new RangeError(`invalid date ${isoDate} in ${schedule.timeZone}`);
  return nextRunAfter(schedule, new Date(start.toMillis() - 1));
}
