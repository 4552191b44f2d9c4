import MiniSearch from 'minisearch';
import { parseLevel } from '../knowledge/level-words.js';
import type { LevelId } from '../knowledge/schemas/common.js';
import {
  type HireRequest,
  type HireRequestInput,
  hireRequestSchema,
  MAX_COMMAND_LENGTH,
} from './hire-request.js';
import { SUBCOMMAND_ALIASES, SUBCOMMANDS, type Subcommand } from './subcommands.js';

export type { HireRequest } from './hire-request.js';

/** Aliases longest first, so `what is` is tried before `what`-like shorter ones. */
const ALIASES: { alias: string; subcommand: Subcommand }[] = SUBCOMMANDS.flatMap((subcommand) =>
  SUBCOMMAND_ALIASES[subcommand].map((alias) => ({ alias, subcommand })),
).sort((a, b) => b.alias.length - a.alias.length);

/** Fuzzy index of one-word spellings, for "did you mean" on a mistyped subcommand. */
const suggestionIndex = new MiniSearch<{ id: number; alias: string; subcommand: Subcommand }>({
  fields: ['alias'],
  storeFields: ['subcommand'],
});
suggestionIndex.addAll(
  ALIASES.filter(({ alias }) => /^[a-z-]{3,}$/.test(alias)).map((entry, id) => ({ id, ...entry })),
);

function suggestSubcommand(word: string): Subcommand | undefined {
  if (word.length < 2) return undefined;
  const [hit] = suggestionIndex.search(word, { fuzzy: 0.4, maxFuzzy: 3, prefix: word.length >= 3 });
  return hit === undefined ? undefined : (hit.subcommand as Subcommand);
}

/** Splits a trailing `page N` off the arguments. */
function takePage(args: string): { rest: string; page?: number } {
  const match = /(?:^|\s)page\s*(\d{1,4})$/i.exec(args);
  if (match === null) return { rest: args };
  return { rest: args.slice(0, match.index).trim(), page: Number(match[1]) };
}

const optional = (text: string): string | undefined => (text === '' ? undefined : text);

/**
 * Finds a level at the start or the end of the arguments (`senior databases`,
 * `databases 5+ years`); the other words are the area.
 */
function splitLevelAndArea(args: string): { level?: LevelId; area?: string } | undefined {
  const words = args.split(' ').filter((word) => word !== '');
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const head = parseLevel(words.slice(0, n).join(' '));
    if (head !== undefined) return { level: head, area: optional(words.slice(n).join(' ')) };
    const tail = parseLevel(words.slice(-n).join(' '));
    if (tail !== undefined) return { level: tail, area: optional(words.slice(0, -n).join(' ')) };
  }
  return undefined;
}

function parseQuestions(args: string, page: number | undefined): HireRequestInput {
  let set: number | undefined;
  const rest = args
    .replace(/(?:^|\s)#(\d{1,4})(?=\s|$)/g, (_, n: string) => {
      set = Number(n);
      return ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
  const split = splitLevelAndArea(rest);
  if (split !== undefined) return { kind: 'questions', ...split, set, page };
  return { kind: 'questions', levelText: optional(rest), set, page };
}

function toRequest(subcommand: Subcommand, rawArgs: string): HireRequestInput {
  if (subcommand === 'remind') return { kind: 'remind', args: rawArgs };
  if (subcommand === 'help') return { kind: 'help' };
  const { rest, page } = takePage(rawArgs);
  switch (subcommand) {
    case 'glossary':
      return { kind: 'glossary', term: optional(rest), page };
    case 'questions':
      return parseQuestions(rest, page);
    case 'levels': {
      const level = parseLevel(rest);
      return level === undefined
        ? { kind: 'levels', levelText: optional(rest), page }
        : { kind: 'levels', level, page };
    }
    case 'expectations':
      return { kind: 'expectations', aspect: optional(rest), page };
    case 'flags':
      return /^(?:recent|recents|latest|history)$/i.test(rest)
        ? { kind: 'flags-recent' }
        : { kind: 'flags', page };
    case 'mistakes':
      return { kind: 'mistakes', topic: optional(rest), page };
    case 'sources':
      return { kind: 'sources', language: optional(rest), page };
    case 'skills':
      return { kind: 'skills', topic: optional(rest), page };
    case 'search':
      return { kind: 'search', words: optional(rest), page };
    case 'market':
    case 'compare':
      return { kind: subcommand, page };
  }
}

/**
 * Reads the text after `/hire` into a request. Forgiving: any case, plurals and aliases; a
 * mistyped subcommand becomes help with a suggestion. Never throws.
 */
export function parseHireCommand(text: string): HireRequest {
  const trimmed = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\/hire(?:\s|$)/i, '')
    .trim();
  if (trimmed.length > MAX_COMMAND_LENGTH) return { kind: 'help', tooLong: trimmed.length };
  if (trimmed === '') return { kind: 'help' };

  const lower = trimmed.toLowerCase();
  const found = ALIASES.find(({ alias }) => lower === alias || lower.startsWith(`${alias} `));
  if (found === undefined) {
    const firstWord = lower.split(' ')[0] ?? '';
    return { kind: 'help', unknown: trimmed, suggestion: suggestSubcommand(firstWord) };
  }
  const args = trimmed.slice(found.alias.length).trim();
  const parsed = hireRequestSchema.safeParse(toRequest(found.subcommand, args));
  return parsed.success ? parsed.data : { kind: 'help', unknown: trimmed };
}
