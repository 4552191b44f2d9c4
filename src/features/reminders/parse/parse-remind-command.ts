import { DateTime } from 'luxon';
import { parseLevel } from '../../../kernel/knowledge/level-words.js';
import type { LevelId } from '../../../kernel/knowledge/schemas/common.js';
import {
  EVERY_DAY,
  normalizeDays,
  normalizeTopics,
  REMINDER_TOPICS,
  type ReminderTopic,
  WEEKDAYS,
} from '../reminder-settings.js';
import { canonicalTimeZone } from '../schedule/time-zone.js';
import { mergeMeridiem, parseDays, parseTime } from './parse-time-and-days.js';
import { type RemindCommand, remindCommandSchema } from './remind-command.js';
import { REMIND_EXAMPLES, RemindInputError } from './remind-input-error.js';
import { FILLER, SUBCOMMANDS, TOPIC_WORDS } from './remind-vocabulary.js';

export type RemindParseResult =
  | { ok: true; command: RemindCommand }
  | { ok: false; error: string; example: string };

export type RemindParseContext = {
  now: Date;
  /** Zone in which "today" is judged for `pause until`; UTC when unknown. */
  timeZone?: string;
};

function tokenize(text: string): string[] {
  return text
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((t) => t.replace(/^["'`]|["'`]$/g, ''))
    .filter(Boolean);
}

function unknownWord(token: string): never {
  throw new RemindInputError(
    `I don't understand \`${token}\` here. Say when (09:00, 9am), optionally where (Europe/Berlin), which days (weekdays, every day, mon,wed,fri), a level (senior) and topics (questions, glossary, mistakes, expectations).`,
    REMIND_EXAMPLES.level,
  );
}

function parseSubscribe(tokens: string[]): RemindCommand {
  let time: string | undefined;
  let timeZone: string | undefined;
  const days: number[] = [];
  let level: LevelId | undefined;
  const topics: ReminderTopic[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i] ?? '';
    const token = raw.toLowerCase();
    if (token === 'every' && tokens[i + 1]?.toLowerCase() === 'day') {
      days.push(...EVERY_DAY);
      i++;
      continue;
    }
    if (FILLER.has(token)) continue;
    const parsedTime = parseTime(token);
    if (parsedTime !== undefined) {
      if (time !== undefined && time !== parsedTime) {
        throw new RemindInputError(
          `Give one time per reminder (I read both ${time} and ${parsedTime}). Add a second reminder with another command.`,
          REMIND_EXAMPLES.subscribe,
        );
      }
      time = parsedTime;
      continue;
    }
    const parsedDays = parseDays(token);
    if (parsedDays) {
      days.push(...parsedDays);
      continue;
    }
    const parsedLevel = parseLevel(token);
    if (parsedLevel) {
      if (level !== undefined && level !== parsedLevel) {
        throw new RemindInputError(
          `Pick one level focus (I read both ${level} and ${parsedLevel}).`,
          REMIND_EXAMPLES.level,
        );
      }
      level = parsedLevel;
      continue;
    }
    const topic = TOPIC_WORDS[token];
    if (topic) {
      topics.push(topic);
      continue;
    }
    if (token === 'all') {
      topics.push(...REMINDER_TOPICS);
      continue;
    }
    if (raw.includes('/') || token === 'utc' || token === 'gmt') {
      const zone = canonicalTimeZone(raw);
      if (!zone) {
        throw new RemindInputError(
          `\`${raw}\` is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York or Asia/Tokyo.`,
          REMIND_EXAMPLES.subscribe,
        );
      }
      timeZone = zone;
      continue;
    }
    unknownWord(raw);
  }

  if (time === undefined) {
    throw new RemindInputError(
      'At what time? Give a time of day such as 09:00 or 9am.',
      REMIND_EXAMPLES.subscribe,
    );
  }
  return {
    kind: 'subscribe',
    localTime: time,
    ...(timeZone ? { timeZone } : {}),
    days: days.length > 0 ? normalizeDays(days) : [...WEEKDAYS],
    ...(level ? { level } : {}),
    topics: topics.length > 0 ? normalizeTopics(topics) : [...REMINDER_TOPICS],
  };
}

function parsePause(rest: string[], context: RemindParseContext): RemindCommand {
  const words = rest[0]?.toLowerCase() === 'until' ? rest.slice(1) : rest;
  if (words.length === 0) {
    if (rest.length > 0) {
      throw new RemindInputError('Pause until when? Give a date.', REMIND_EXAMPLES.pause);
    }
    return { kind: 'pause' };
  }
  if (words.length > 1) unknownWord(words.slice(1).join(' '));
  const word = (words[0] ?? '').toLowerCase();
  const zone = context.timeZone ?? 'UTC';
  const today = DateTime.fromJSDate(context.now, { zone }).startOf('day');
  let date: DateTime;
  if (word === 'today' || word === 'yesterday' || word === 'tomorrow') {
    date = today.plus({ days: word === 'tomorrow' ? 1 : word === 'yesterday' ? -1 : 0 });
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(word)) {
    date = DateTime.fromISO(word, { zone });
    if (!date.isValid) {
      throw new RemindInputError(`\`${word}\` is not a calendar date.`, REMIND_EXAMPLES.pause);
    }
  } else {
    throw new RemindInputError(
      `\`${words[0]}\` is not a date I can read. Write it as YYYY-MM-DD.`,
      REMIND_EXAMPLES.pause,
    );
  }
  if (date <= today) {
    throw new RemindInputError(
      `${date.toISODate()} is not in the future (today is ${today.toISODate()}): pause until a later date.`,
      `/hire remind pause until ${today.plus({ weeks: 1 }).toISODate()}`,
    );
  }
  if (date > today.plus({ years: 2 })) {
    throw new RemindInputError(
      'That is more than two years away; to stop reminders for good, use `/hire remind off`.',
      REMIND_EXAMPLES.off,
    );
  }
  return { kind: 'pause', until: date.toISODate() ?? word };
}

function parseTokens(tokens: string[], context: RemindParseContext): RemindCommand {
  const first = tokens[0]?.toLowerCase();
  if (first === undefined) return { kind: 'help' };
  const kind = SUBCOMMANDS[first];
  if (kind === undefined) return parseSubscribe(tokens);
  const rest = tokens.slice(1);
  if (kind === 'pause') return parsePause(rest, context);
  if (kind === 'off' && rest.length === 1) {
    const time = parseTime((rest[0] ?? '').toLowerCase());
    if (time === undefined) unknownWord(rest[0] ?? '');
    return { kind: 'off', localTime: time };
  }
  if (rest.length > 0) unknownWord(rest.join(' '));
  return { kind } as RemindCommand;
}

/**
 * Reads the text after `/hire remind`. Pure apart from the clock passed in (which day is
 * "today" for `pause until`). Never throws: bad input comes back as an error with an example.
 */
export function parseRemindCommand(text: string, context: RemindParseContext): RemindParseResult {
  try {
    const tokens = mergeMeridiem(tokenize(text));
    const command = remindCommandSchema.parse(parseTokens(tokens, context));
    return { ok: true, command };
  } catch (error) {
    if (error instanceof RemindInputError) {
      return { ok: false, error: error.message, example: error.example };
    }
    return {
      ok: false,
      error: 'I could not read that reminder command.',
      example: REMIND_EXAMPLES.subscribe,
    };
  }
}
