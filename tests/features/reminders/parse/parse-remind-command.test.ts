import { describe, expect, it } from 'vitest';
import { parseRemindCommand } from '../../../../src/features/reminders/parse/parse-remind-command.js';

const now = new Date('2026-11-28T14:00:00Z');
const parse = (text: string, timeZone?: string) =>
  parseRemindCommand(text, timeZone ? { now, timeZone } : { now });

function command(text: string, timeZone?: string) {
  const result = parse(text, timeZone);
  if (!result.ok) throw new Error(`expected ${text} to parse, got: ${result.error}`);
  return result.command;
}

function error(text: string, timeZone?: string) {
  const result = parse(text, timeZone);
  if (result.ok) throw new Error(`expected ${text} to fail, got ${JSON.stringify(result.command)}`);
  return result;
}

describe('parseRemindCommand: subscribing', () => {
  it.each([
    ['daily 09:00', '09:00'],
    ['daily 9am', '09:00'],
    ['09:30', '09:30'],
    ['at 9:15am', '09:15'],
    ['9:15 pm', '21:15'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['at 7', '07:00'],
  ])('%s → %s on weekdays, all topics, caller zone', (text, time) => {
    expect(command(text)).toEqual({
      kind: 'subscribe',
      localTime: time,
      days: [1, 2, 3, 4, 5],
      topics: ['questions', 'glossary', 'mistakes', 'expectations'],
    });
  });

  it('reads an IANA time zone and canonicalises its spelling', () => {
    expect(command('daily 09:00 Europe/Berlin')).toMatchObject({ timeZone: 'Europe/Berlin' });
    expect(command('09:00 america/new_york')).toMatchObject({ timeZone: 'America/New_York' });
    expect(command('09:00 UTC')).toMatchObject({ timeZone: 'UTC' });
  });

  it.each([
    ['09:00 every day', [1, 2, 3, 4, 5, 6, 7]],
    ['daily everyday 09:00', [1, 2, 3, 4, 5, 6, 7]],
    ['09:00 weekdays', [1, 2, 3, 4, 5]],
    ['09:00 mon,wed,fri', [1, 3, 5]],
    ['09:00 fri mon wed', [1, 3, 5]],
    ['09:00 tuesdays thursdays', [2, 4]],
    ['09:00 weekends', [6, 7]],
    ['09:00 mon-wed', [1, 2, 3]],
    ['09:00 fri-mon', [1, 5, 6, 7]],
  ])('%s → days %j', (text, days) => {
    expect(command(text)).toMatchObject({ days });
  });

  it.each([
    ['09:00 senior', 'senior'],
    ['09:00 sr', 'senior'],
    ['09:00 level jr', 'junior'],
    ['09:00 mid-level', 'mid'],
    ['09:00 principal', 'staff'],
  ])('%s → level %s', (text, level) => {
    expect(command(text)).toMatchObject({ level });
  });

  it('reads topics in any order and stores them in canonical order', () => {
    expect(command('09:00 glossary questions')).toMatchObject({
      topics: ['questions', 'glossary'],
    });
    expect(command('09:00 topics mistakes,expectations')).toMatchObject({
      topics: ['mistakes', 'expectations'],
    });
  });

  it('reads everything together', () => {
    expect(command('daily 9:30am Europe/Berlin mon,wed,fri senior questions glossary')).toEqual({
      kind: 'subscribe',
      localTime: '09:30',
      timeZone: 'Europe/Berlin',
      days: [1, 3, 5],
      level: 'senior',
      topics: ['questions', 'glossary'],
    });
  });
});

describe('parseRemindCommand: other subcommands', () => {
  it.each([
    ['list', { kind: 'list' }],
    ['off', { kind: 'off' }],
    ['off 09:00', { kind: 'off', localTime: '09:00' }],
    ['resume', { kind: 'resume' }],
    ['preview', { kind: 'preview' }],
    ['help', { kind: 'help' }],
    ['', { kind: 'help' }],
    ['pause', { kind: 'pause' }],
    ['pause until 2027-01-05', { kind: 'pause', until: '2027-01-05' }],
    ['pause until tomorrow', { kind: 'pause', until: '2026-11-29' }],
    ['PAUSE 2027-01-05', { kind: 'pause', until: '2027-01-05' }],
  ])('%j → %j', (text, expected) => {
    expect(command(text)).toEqual(expected);
  });

  it('judges "tomorrow" in the given time zone', () => {
    // 16:00 UTC on the 28th is already the 29th in Tokyo.
    const late = { now: new Date('2026-11-28T16:00:00Z'), timeZone: 'Asia/Tokyo' };
    expect(parseRemindCommand('pause until tomorrow', late)).toEqual({
      ok: true,
      command: { kind: 'pause', until: '2026-11-30' },
    });
    expect(parseRemindCommand('pause until 2026-11-29', late)).toMatchObject({ ok: false });
  });
});

describe('parseRemindCommand: bad input gets an error with an example', () => {
  it.each([
    ['daily 25:00', /25:00.*hours go from 00 to 23/],
    ['09:75', /minutes from 00 to 59/],
    ['13pm', /hours go from 1 to 12/],
    ['daily 09:00 Mars/Olympus', /Mars\/Olympus.*not a time zone/],
    ['pause until yesterday', /not in the future/],
    ['pause until today', /not in the future/],
    ['pause until 2026-11-01', /not in the future/],
    ['pause until 2027-02-30', /not a calendar date/],
    ['pause until next week', /not a date I can read|don't understand/],
    ['pause until 2031-01-01', /more than two years/],
    ['daily', /At what time/],
    ['09:00 10:00', /one time per reminder/],
    ['09:00 senior junior', /one level/],
    ['09:00 banana', /don't understand `banana`/],
    ['list everything', /don't understand/],
    ['9.5.3', /not a time I can read/],
  ])('%j', (text, message) => {
    const result = error(text);
    expect(result.error).toMatch(message);
    expect(result.example).toMatch(/^\/hire remind /);
  });

  it('suggests a date in the future when the pause date is past', () => {
    expect(error('pause until yesterday').example).toBe('/hire remind pause until 2026-12-05');
  });

  it('never throws, whatever the text', () => {
    for (const text of [
      '\u0000',
      '<!channel> 9am',
      ':::',
      'every',
      '99999999999999am',
      'a'.repeat(5000),
    ]) {
      expect(() => parse(text)).not.toThrow();
    }
  });
});
