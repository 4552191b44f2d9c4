import { DateTime } from 'luxon';
import { z } from 'zod';
import { type LevelId, levelId } from '../../../kernel/knowledge/schemas/common.js';
import {
  EVERY_DAY,
  localTime,
  normalizeDays,
  normalizeTopics,
  REMINDER_TOPICS,
  type ReminderTopic,
  reminderTopic,
  WEEKDAYS,
  weekday,
} from '../reminder-settings.js';
import { canonicalTimeZone } from '../schedule/time-zone.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const remindCommandSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('subscribe'),
    localTime,
    /** Absent: use the caller's Slack time zone. */
    timeZone: z.string().optional(),
    days: z.array(weekday).min(1),
    level: levelId.optional(),
    topics: z.array(reminderTopic).min(1),
  }),
  z.object({ kind: z.literal('list') }),
  /** Without a time: every reminder of the channel. */
  z.object({ kind: z.literal('off'), localTime: localTime.optional() }),
  /** Without a date: until `resume`. */
  z.object({ kind: z.literal('pause'), until: isoDate.optional() }),
  z.object({ kind: z.literal('resume') }),
  z.object({ kind: z.literal('preview') }),
  z.object({ kind: z.literal('help') }),
]);
export type RemindCommand = z.infer<typeof remindCommandSchema>;

export type RemindParseResult =
  | { ok: true; command: RemindCommand }
  | { ok: false; error: string; example: string };

export type RemindParseContext = {
  now: Date;
  /** Zone in which "today" is judged for `pause until`; UTC when unknown. */
  timeZone?: string;
};

export const REMIND_EXAMPLES = {
  subscribe: '/hire remind daily 09:00 Europe/Berlin',
  days: '/hire remind 09:30 mon,wed,fri',
  level: '/hire remind daily 9am senior questions glossary',
  pause: '/hire remind pause until 2027-01-05',
  off: '/hire remind off',
} as const;

class RemindInputError extends Error {
  constructor(
    message: string,
    readonly example: string,
  ) {
    super(message);
  }
}

const DAY_NAMES: Record<string, number> = {
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  weds: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
};

const LEVEL_WORDS: Record<string, LevelId> = {
  junior: 'junior',
  jr: 'junior',
  entry: 'junior',
  mid: 'mid',
  middle: 'mid',
  'mid-level': 'mid',
  midlevel: 'mid',
  intermediate: 'mid',
  senior: 'senior',
  sr: 'senior',
  staff: 'staff',
  'staff+': 'staff',
  principal: 'staff',
};

const TOPIC_WORDS: Record<string, ReminderTopic> = {
  questions: 'questions',
  question: 'questions',
  glossary: 'glossary',
  terms: 'glossary',
  term: 'glossary',
  mistakes: 'mistakes',
  mistake: 'mistakes',
  pitfalls: 'mistakes',
  expectations: 'expectations',
  expectation: 'expectations',
};

/** Words that read naturally but carry no meaning of their own. */
const FILLER = new Set(['daily', 'at', 'on', 'in', 'tz', 'for', 'and', 'level', 'topics', 'only']);

const SUBCOMMANDS: Record<string, RemindCommand['kind']> = {
  list: 'list',
  ls: 'list',
  show: 'list',
  off: 'off',
  stop: 'off',
  cancel: 'off',
  unsubscribe: 'off',
  remove: 'off',
  pause: 'pause',
  resume: 'resume',
  unpause: 'resume',
  preview: 'preview',
  help: 'help',
  '?': 'help',
};

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
function parseTime(token: string): string | undefined {
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
function parseDays(token: string): number[] | undefined {
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

function tokenize(text: string): string[] {
  return text
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((t) => t.replace(/^["'`]|["'`]$/g, ''))
    .filter(Boolean);
}

/** Joins `9 am` into `9am` so the time reader sees one token. */
function mergeMeridiem(tokens: string[]): string[] {
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
    const parsedLevel = LEVEL_WORDS[token];
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
