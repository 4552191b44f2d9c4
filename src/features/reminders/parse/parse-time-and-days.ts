import { EVERY_DAY, WEEKDAYS } from '../reminder-settings.js';
import { REMIND_EXAMPLES, RemindInputError } from './remind-input-error.js';
import { DAY_NAMES } from './remind-vocabulary.js';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function checkTime(hour: number, minute: number, shown: string): string {
  if (hour > 23 || minute > 59) {
    throw new RemindInputError(
      `\`${shown}\` is not a time of day: hours go from 00 to 23 and minutes from 00 to 59.`,
      REMIND_EXAMPLES.subscribe,
    );
  }
  return `${pad(hour)}:${pad(minute)}`;
}

const TIME_24 = /^(\d{1,2})[:.](\d{2})$/;
const TIME_12 = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm|a\.m\.|p\.m\.)$/;
const BARE_HOUR = /^\d{1,2}$/;
const LOOKS_LIKE_TIME = /^\d+([:.]\d*)*(am|pm|a\.m\.|p\.m\.|h)?$/;

/** Reads a time token (`09:30`, `9am`, `9:15pm`, `9`); undefined when it is not time-shaped. */
export function parseTime(token: string): string | undefined {
  const h24 = TIME_24.exec(token);
  if (h24) return checkTime(Number(h24[1]), Number(h24[2]), token);
  const h12 = TIME_12.exec(token);
  if (h12) {
    const hour = Number(h12[1]);
    const minute = Number(h12[2] ?? '0');
    if (hour < 1 || hour > 12) {
      throw new RemindInputError(
        `\`${token}\` is not a time of day: with am/pm, hours go from 1 to 12.`,
        REMIND_EXAMPLES.level,
      );
    }
    const pm = h12[3]?.startsWith('p') ?? false;
    return checkTime((hour % 12) + (pm ? 12 : 0), minute, token);
  }
  if (BARE_HOUR.test(token)) return checkTime(Number(token), 0, token);
  if (LOOKS_LIKE_TIME.test(token)) {
    throw new RemindInputError(
      `\`${token}\` is not a time I can read. Write it as 09:00, 9am or 9:15pm.`,
      REMIND_EXAMPLES.subscribe,
    );
  }
  return undefined;
}

/** `mon`, `mondays`, `mon-fri`, `weekdays`, `weekends`; undefined when not a day word. */
export function parseDays(token: string): number[] | undefined {
  if (token === 'weekdays' || token === 'weekday' || token === 'workdays') return [...WEEKDAYS];
  if (token === 'weekends' || token === 'weekend') return [6, 7];
  if (token === 'everyday' || token === 'all-days') return [...EVERY_DAY];
  const single = DAY_NAMES[token] ?? DAY_NAMES[token.replace(/s$/, '')];
  if (single !== undefined) return [single];
  const range = /^([a-z]+)-([a-z]+)$/.exec(token);
  const from = range ? DAY_NAMES[range[1] ?? ''] : undefined;
  const to = range ? DAY_NAMES[range[2] ?? ''] : undefined;
  if (from !== undefined && to !== undefined) {
    const out: number[] = [];
    for (let d = from; ; d = (d % 7) + 1) {
      out.push(d);
      if (d === to) break;
    }
    return out;
  }
  return undefined;
}

/** Joins `9 am` into `9am` so the time reader sees one token. */
export function mergeMeridiem(tokens: string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const previous = out[out.length - 1];
    if (
      /^(am|pm|a\.m\.|p\.m\.)$/i.test(token) &&
      previous &&
      /^\d{1,2}([:.]\d{2})?$/.test(previous)
    ) {
      out[out.length - 1] = `${previous}${token.toLowerCase()}`;
    } else {
      out.push(token);
    }
  }
  return out;
}
