import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  firstRunOnOrAfterDate,
  nextRunAfter,
  type Schedule,
} from '../../../../src/features/reminders/schedule/next-run.js';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS = [1, 2, 3, 4, 5];

/** The next `count` runs starting after `from`, each as local ISO time in the schedule's zone. */
function runs(schedule: Schedule, from: string, count: number): string[] {
  const out: string[] = [];
  let at = new Date(from);
  for (let i = 0; i < count; i++) {
    at = nextRunAfter(schedule, at);
    out.push(
      DateTime.fromJSDate(at, { zone: schedule.timeZone }).toISO({ suppressMilliseconds: true }) ??
        '',
    );
  }
  return out;
}

describe('nextRunAfter: ordinary days', () => {
  const berlin: Schedule = { localTime: '09:00', timeZone: 'Europe/Berlin', days: WEEKDAYS };

  it('is later the same day when the time has not come yet', () => {
    expect(nextRunAfter(berlin, new Date('2026-11-30T07:00:00Z')).toISOString()).toBe(
      '2026-11-30T08:00:00.000Z',
    );
  });

  it('is strictly after the given instant (a run at exactly 09:00 moves to the next day)', () => {
    expect(nextRunAfter(berlin, new Date('2026-11-30T08:00:00Z')).toISOString()).toBe(
      '2026-12-01T08:00:00.000Z',
    );
  });

  it('skips the weekend on weekdays', () => {
    // Friday 4 December 2026 after 09:00 → Monday 7 December.
    expect(runs(berlin, '2026-12-04T10:00:00Z', 2)).toEqual([
      '2026-12-07T09:00:00+01:00',
      '2026-12-08T09:00:00+01:00',
    ]);
  });

  it('follows chosen days', () => {
    const monWedFri = { ...berlin, days: [1, 3, 5] };
    expect(runs(monWedFri, '2026-11-30T12:00:00Z', 4)).toEqual([
      '2026-12-02T09:00:00+01:00',
      '2026-12-04T09:00:00+01:00',
      '2026-12-07T09:00:00+01:00',
      '2026-12-09T09:00:00+01:00',
    ]);
  });

  it('runs every day including weekends', () => {
    expect(runs({ ...berlin, days: EVERY_DAY }, '2026-12-04T12:00:00Z', 3)).toEqual([
      '2026-12-05T09:00:00+01:00',
      '2026-12-06T09:00:00+01:00',
      '2026-12-07T09:00:00+01:00',
    ]);
  });

  it('uses the local weekday, not the UTC one', () => {
    // 08:00 Monday in Tokyo is still Sunday in UTC.
    const tokyo: Schedule = { localTime: '08:00', timeZone: 'Asia/Tokyo', days: [1] };
    expect(nextRunAfter(tokyo, new Date('2026-12-05T00:00:00Z')).toISOString()).toBe(
      '2026-12-06T23:00:00.000Z',
    );
  });
});

describe('nextRunAfter: daylight saving in America/New_York', () => {
  it('clocks forward (14 March 2027): 02:30 does not exist, runs at 03:00 and loses no day', () => {
    const s: Schedule = { localTime: '02:30', timeZone: 'America/New_York', days: EVERY_DAY };
    expect(runs(s, '2027-03-13T00:00:00Z', 3)).toEqual([
      '2027-03-13T02:30:00-05:00',
      '2027-03-14T03:00:00-04:00',
      '2027-03-15T02:30:00-04:00',
    ]);
  });

  it('clocks back (7 November 2027): 01:30 happens twice, runs once, at the first', () => {
    const s: Schedule = { localTime: '01:30', timeZone: 'America/New_York', days: EVERY_DAY };
    const instants: string[] = [];
    let at = new Date('2027-11-06T00:00:00Z');
    for (let i = 0; i < 3; i++) {
      at = nextRunAfter(s, at);
      instants.push(at.toISOString());
    }
    expect(instants).toEqual([
      '2027-11-06T05:30:00.000Z', // 01:30 EDT
      '2027-11-07T05:30:00.000Z', // 01:30 EDT, the first of the two
      '2027-11-08T06:30:00.000Z', // 01:30 EST
    ]);
  });

  it('weekday 09:00 keeps its wall-clock time across both changes', () => {
    const s: Schedule = { localTime: '09:00', timeZone: 'America/New_York', days: WEEKDAYS };
    expect(runs(s, '2027-03-12T15:00:00Z', 2)).toEqual([
      '2027-03-15T09:00:00-04:00',
      '2027-03-16T09:00:00-04:00',
    ]);
    expect(runs(s, '2027-11-05T15:00:00Z', 2)).toEqual([
      '2027-11-08T09:00:00-05:00',
      '2027-11-09T09:00:00-05:00',
    ]);
  });
});

describe('nextRunAfter: daylight saving in Europe/Berlin', () => {
  it('clocks forward (28 March 2027): 02:30 does not exist, runs at 03:00', () => {
    const s: Schedule = { localTime: '02:30', timeZone: 'Europe/Berlin', days: EVERY_DAY };
    expect(runs(s, '2027-03-27T00:00:00Z', 3)).toEqual([
      '2027-03-27T02:30:00+01:00',
      '2027-03-28T03:00:00+02:00',
      '2027-03-29T02:30:00+02:00',
    ]);
  });

  it('clocks back (31 October 2027): 02:30 happens twice, runs once, at the first', () => {
    const s: Schedule = { localTime: '02:30', timeZone: 'Europe/Berlin', days: EVERY_DAY };
    let at = new Date('2027-10-30T12:00:00Z');
    const instants: string[] = [];
    for (let i = 0; i < 2; i++) {
      at = nextRunAfter(s, at);
      instants.push(at.toISOString());
    }
    expect(instants).toEqual([
      '2027-10-31T00:30:00.000Z', // 02:30 CEST
      '2027-11-01T01:30:00.000Z', // 02:30 CET, the next day: no second post at 02:30 CET on the 31st
    ]);
  });

  it('a Sunday-only reminder on the spring-forward Sunday still runs that Sunday', () => {
    const s: Schedule = { localTime: '02:15', timeZone: 'Europe/Berlin', days: [7] };
    expect(runs(s, '2027-03-22T00:00:00Z', 1)).toEqual(['2027-03-28T03:00:00+02:00']);
  });
});

describe('firstRunOnOrAfterDate', () => {
  it('gives the first scheduled run on or after a pause end date', () => {
    const s: Schedule = { localTime: '09:00', timeZone: 'Europe/Berlin', days: WEEKDAYS };
    // 2 January 2027 is a Saturday: the first weekday run is Monday the 4th.
    expect(firstRunOnOrAfterDate(s, '2027-01-02').toISOString()).toBe('2027-01-04T08:00:00.000Z');
    expect(firstRunOnOrAfterDate(s, '2027-01-05').toISOString()).toBe('2027-01-05T08:00:00.000Z');
  });
});
