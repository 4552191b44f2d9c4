import { echo, esc } from '../../../kernel/slack/blocks/text.js';

/** "No aspect matches “x”; here are all aspects." — the user's words escaped and shortened. */
export const notFoundNotice = (what: string, text: string, listing: string): string =>
  `No ${what} matches ${echo(text)}; here are all ${listing}.`;

/** An area that is not one of the interview areas; the answer shows every area instead. */
export const unknownAreaNotice = (area: string, areaNames: string[], levelName: string): string =>
  `${echo(area)} is not an interview area; areas are ${areaNames.map(esc).join(', ')}. Here are ${esc(levelName)} questions from every area.`;

/** The level has no questions in that area; the answer shows every area instead. */
export const emptyAreaNotice = (levelName: string, areaName: string): string =>
  `No ${esc(levelName)} questions on ${esc(areaName)} yet; here are questions from every area.`;

/** What `questions <x>` says when `x` is not a level. */
export const chooseLevelNotice = (levelText: string | undefined): string =>
  levelText === undefined
    ? 'Which level are you interviewing for?'
    : `${echo(levelText)} is not a level I know. Pick one of these:`;

export const noQuestionsNotice = (levelName: string): string =>
  `There are no ${esc(levelName)} questions yet.`;
