import type { LevelId } from './schemas/common.js';

/**
 * The one list of level words: every way people name a level (parsed by `parseLevel` for
 * /hire, reminders and kits alike), and how a level reads in a sentence (`levelWord`).
 *
 * Every way people name a level, after `foldLevel`: words such as "years", "level" and
 * "engineer" and all separators are dropped, so `5+ years`, `senior-level` and `Seniors` fold to
 * `5+`, `senior` and `seniors`.
 */
const LEVEL_ALIASES: Record<LevelId, readonly string[]> = {
  junior: [
    'junior',
    'juniors',
    'jr',
    'jnr',
    'entry',
    'entrylevel',
    'graduate',
    'grad',
    '02',
    '0to2',
    '1',
  ],
  mid: ['mid', 'mids', 'midlevel', 'middle', 'intermediate', 'medior', '25', '2to5', '3', '4'],
  senior: ['senior', 'seniors', 'sr', 'snr', '5+', '5', '6', '7', '58'],
  staff: [
    'staff',
    'staff+',
    'staffplus',
    'principal',
    'principals',
    'distinguished',
    'lead',
    '8+',
    '8',
    '10+',
  ],
};

const BY_ALIAS = new Map<string, LevelId>(
  Object.entries(LEVEL_ALIASES).flatMap(([id, aliases]) =>
    aliases.map((alias) => [alias, id as LevelId] as const),
  ),
);

/** How a level reads inside a sentence: "a senior question", "mid-level". */
const LEVEL_WORDS: Record<LevelId, string> = {
  junior: 'junior',
  mid: 'mid-level',
  senior: 'senior',
  staff: 'staff+',
};

export const levelWord = (level: LevelId): string => LEVEL_WORDS[level];

function foldLevel(text: string): string {
  return text
    .toLowerCase()
    .replace(/\b(?:years?|yrs?|yoe|of|experience|level|engineers?|eng|devs?|developers?)\b/g, '')
    .replace(/[^a-z0-9+]/g, '');
}

/** The level `text` names, if any. */
export function parseLevel(text: string): LevelId | undefined {
  const folded = foldLevel(text);
  return folded === '' ? undefined : BY_ALIAS.get(folded);
}

/**
 * Finds a level at the start or the end of some words (`senior databases`,
 * `databases 5+ years`) and returns it with the other words.
 */
export function splitLevel(text: string): { level: LevelId; rest: string } | undefined {
  const words = text.split(' ').filter((word) => word !== '');
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const head = parseLevel(words.slice(0, n).join(' '));
    if (head !== undefined) return { level: head, rest: words.slice(n).join(' ') };
    const tail = parseLevel(words.slice(-n).join(' '));
    if (tail !== undefined) return { level: tail, rest: words.slice(0, -n).join(' ') };
  }
  return undefined;
}
