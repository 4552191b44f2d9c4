import type { ReminderTopic } from '../reminder-settings.js';
import type { RemindCommand } from './remind-command.js';

/** Day names and their short forms, as ISO weekdays (1 = Monday). */
export const DAY_NAMES: Record<string, number> = {
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

/** Topic words people use for each tip topic. */
export const TOPIC_WORDS: Record<string, ReminderTopic> = {
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
export const FILLER = new Set([
  'daily',
  'at',
  'on',
  'in',
  'tz',
  'for',
  'and',
  'level',
  'topics',
  'only',
]);

export const SUBCOMMANDS: Record<string, RemindCommand['kind']> = {
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
  'allow-shared': 'allow-shared',
  'disallow-shared': 'disallow-shared',
};
