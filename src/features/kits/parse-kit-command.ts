import MiniSearch from 'minisearch';
import { parseLevel } from '../../kernel/knowledge/level-words.js';
import type { LevelId } from '../../kernel/knowledge/schemas/common.js';
import type {
  InterviewQuestions,
  QuestionArea,
} from '../../kernel/knowledge/schemas/interview-questions-schema.js';
import type { Knowledge } from '../../kernel/knowledge/schemas/knowledge-modules.js';
import type { Levels } from '../../kernel/knowledge/schemas/levels-schema.js';
import { foldKey, singular } from '../../kernel/knowledge/search/normalize.js';
import {
  candidateLabel,
  KIT_LENGTHS,
  type KitMinutes,
  type KitRequest,
  kitRequestSchema,
  kitSeed,
} from './kit-request.js';

/** Longer than any real kit command; longer text gets a friendly "too long" answer. */
export const MAX_KIT_COMMAND = 500;

export type LevelChoice = { id: LevelId; name: string };
export type AreaChoice = { id: QuestionArea; name: string };

/** Why a kit command was refused, with what is accepted and the nearest accepted value. */
export type KitCommandError =
  | { kind: 'missing-level'; levels: LevelChoice[] }
  | { kind: 'unknown-level'; given: string; levels: LevelChoice[]; suggestion?: LevelChoice }
  | {
      kind: 'bad-minutes';
      given: string;
      lengths: readonly KitMinutes[];
      suggestion?: KitMinutes;
    }
  | { kind: 'unknown-area'; given: string; areas: AreaChoice[]; suggestion?: AreaChoice }
  | { kind: 'bad-label'; problem: string }
  | { kind: 'bad-seed'; given: string }
  | { kind: 'too-long'; length: number; max: number };

export type KitCommandParse =
  | { ok: true; request: KitRequest }
  | { ok: false; error: KitCommandError };

export type KitCommandParser = {
  /**
   * Reads the text after `/hire kit` (`senior 60 system design databases for Backend #42`).
   * `seed` picks the questions unless the text carries its own (`seed:abc`, from "Again").
   * Never throws.
   */
  parse(text: string, seed: string): KitCommandParse;
  levels: readonly LevelChoice[];
  areas: readonly AreaChoice[];
};

/** The longest run of words tried as one area name ("trade off thinking"). */
const MAX_AREA_WORDS = 4;
const FILLER_WORDS = new Set(['and', '&', 'with', 'on', 'plus']);
const UNIT = /^(?:m|mins?|minutes?|'|h|hrs?|hours?)$/i;

/** Minutes that a token (or a token and its unit) says, or undefined when it is no duration. */
export function readDuration(token: string, unit?: string): number | undefined {
  const compact = `${token}${unit ?? ''}`.toLowerCase().replace(',', '.');
  const minutes = /^(\d{1,4})(?:m|mins?|minutes?|')?$/.exec(compact);
  if (minutes) return Number(minutes[1]);
  const hours = /^(\d{1,2}(?:\.\d{1,2})?)(?:h|hrs?|hours?)$/.exec(compact);
  if (hours) return Math.round(Number(hours[1]) * 60);
  const mixed = /^(\d{1,2})h(\d{1,2})(?:m|mins?)?$/.exec(compact);
  if (mixed) return Number(mixed[1]) * 60 + Number(mixed[2]);
  return undefined;
}

/** The accepted length nearest to `minutes` (the shorter one on a tie). */
export function nearestLength(minutes: number): KitMinutes {
  let best: KitMinutes = KIT_LENGTHS[0];
  for (const length of KIT_LENGTHS) {
    if (Math.abs(length - minutes) < Math.abs(best - minutes)) best = length;
  }
  return best;
}

function isLength(minutes: number): minutes is KitMinutes {
  return (KIT_LENGTHS as readonly number[]).includes(minutes);
}

type Label = { id: number; label: string; key: string };

function fuzzyIndex(entries: { label: string; key: string }[]) {
  const index = new MiniSearch<Label>({ fields: ['label'], storeFields: ['key'] });
  index.addAll(entries.map((entry, id) => ({ id, ...entry })));
  return (text: string): string | undefined => {
    const [hit] = index.search(text, { fuzzy: 0.4, maxFuzzy: 3, prefix: true, combineWith: 'OR' });
    return hit === undefined ? undefined : String(hit.key);
  };
}

/** Builds the area and level indexes once; each parse only reads them. */
export function createKitCommandParser(
  questions: Pick<InterviewQuestions, 'areas'>,
  levels: Levels,
): KitCommandParser {
  const levelChoices: LevelChoice[] = levels.levels.map((l) => ({ id: l.id, name: l.name }));
  const areaChoices: AreaChoice[] = questions.areas.map((a) => ({ id: a.id, name: a.name }));
  const areaById = new Map(areaChoices.map((a) => [a.id, a]));
  const levelById = new Map(levelChoices.map((l) => [l.id, l]));

  const exactAreas = new Map<string, QuestionArea>();
  const areaLabels: { label: string; key: string }[] = [];
  for (const area of questions.areas) {
    for (const label of [area.id, area.name, ...area.aliases]) {
      const key = foldKey(label);
      if (key === '') continue;
      if (!exactAreas.has(key)) exactAreas.set(key, area.id);
      if (!exactAreas.has(singular(key))) exactAreas.set(singular(key), area.id);
      areaLabels.push({ label: label.replace(/-/g, ' '), key: area.id });
    }
  }
  const suggestArea = fuzzyIndex(areaLabels);
  const suggestLevel = fuzzyIndex(
    levelChoices.flatMap((l) => [
      { label: l.id, key: l.id },
      { label: l.name, key: l.id },
    ]),
  );

  // Folding drops spaces, so a run of words folds to its folded words joined: each word is
  // folded once per parse, not once per run it is tried in.
  const areaOf = (folded: readonly string[]): QuestionArea | undefined => {
    const key = folded.join('');
    return key === '' ? undefined : (exactAreas.get(key) ?? exactAreas.get(singular(key)));
  };

  const fail = (error: KitCommandError): KitCommandParse => ({ ok: false, error });

  const parse = (text: string, fallbackSeed: string): KitCommandParse => {
    const trimmed = String(text ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    if (trimmed.length > MAX_KIT_COMMAND) {
      return fail({ kind: 'too-long', length: trimmed.length, max: MAX_KIT_COMMAND });
    }
    const words = trimmed === '' ? [] : trimmed.split(' ');
    const forAt = words.findIndex((w) => w.toLowerCase() === 'for');
    const head = (forAt < 0 ? words : words.slice(0, forAt))
      .map((w) => w.replace(/,+$/, ''))
      .filter((w) => w !== '');
    const labelText = forAt < 0 ? undefined : words.slice(forAt + 1).join(' ');

    // The level: the longest run of up to three leading words that names one.
    let level: LevelId | undefined;
    let at = 0;
    for (let n = Math.min(3, head.length); n >= 1 && level === undefined; n--) {
      level = parseLevel(head.slice(0, n).join(' '));
      if (level !== undefined) at = n;
    }
    if (level === undefined) {
      const given = head[0];
      if (given === undefined) return fail({ kind: 'missing-level', levels: levelChoices });
      const suggested = suggestLevel(given);
      return fail({
        kind: 'unknown-level',
        given,
        levels: levelChoices,
        suggestion: suggested === undefined ? undefined : levelById.get(suggested as LevelId),
      });
    }

    let minutes: number | undefined;
    let seed = fallbackSeed;
    const areas: QuestionArea[] = [];
    const unknown: string[] = [];
    const flushUnknown = (): KitCommandParse | undefined => {
      if (unknown.length === 0) return undefined;
      const given = unknown.join(' ');
      const suggested = suggestArea(given);
      return fail({
        kind: 'unknown-area',
        given,
        areas: areaChoices,
        suggestion: suggested === undefined ? undefined : areaById.get(suggested as QuestionArea),
      });
    };

    const folded = head.map(foldKey);
    while (at < head.length) {
      const word = head[at] as string;
      if (/^seed:/i.test(word)) {
        seed = word.slice('seed:'.length);
        if (!kitSeed.safeParse(seed).success) return fail({ kind: 'bad-seed', given: seed });
        at += 1;
        continue;
      }
      if (/^\d/.test(word)) {
        const next = head[at + 1];
        const withUnit = next !== undefined && UNIT.test(next);
        const duration = readDuration(word, withUnit ? next : undefined);
        const given = withUnit ? `${word} ${next}` : word;
        if (duration === undefined || !isLength(duration) || minutes !== undefined) {
          return fail({
            kind: 'bad-minutes',
            given,
            lengths: KIT_LENGTHS,
            suggestion: duration === undefined ? undefined : nearestLength(duration),
          });
        }
        minutes = duration;
        at += withUnit ? 2 : 1;
        continue;
      }
      let matched = 0;
      for (let n = Math.min(MAX_AREA_WORDS, head.length - at); n >= 1 && matched === 0; n--) {
        const area = areaOf(folded.slice(at, at + n));
        if (area !== undefined) {
          const refused = flushUnknown();
          if (refused) return refused;
          if (!areas.includes(area)) areas.push(area);
          matched = n;
        }
      }
      if (matched === 0 && !FILLER_WORDS.has(word.toLowerCase())) unknown.push(word);
      at += Math.max(matched, 1);
    }
    const refused = flushUnknown();
    if (refused) return refused;

    let label: string | undefined;
    if (labelText !== undefined) {
      const parsed = candidateLabel.safeParse(labelText);
      if (!parsed.success) {
        return fail({ kind: 'bad-label', problem: parsed.error.issues[0]?.message ?? 'bad label' });
      }
      label = parsed.data;
    }
    const request = kitRequestSchema.safeParse({
      level,
      minutes,
      areas,
      candidateLabel: label,
      seed,
    });
    if (!request.success) return fail({ kind: 'bad-seed', given: seed });
    return { ok: true, request: request.data };
  };

  return { parse, levels: levelChoices, areas: areaChoices };
}

/**
 * Parsers by the knowledge they were built from: building one indexes every area and level, so
 * each knowledge snapshot gets one, kept only as long as the snapshot itself. A memo, not state:
 * the same knowledge always makes the same parser.
 */
const parsers = new WeakMap<Pick<Knowledge, 'questions' | 'levels'>, KitCommandParser>();

/** The parser for this knowledge, built on first use. */
export function kitParserFor(knowledge: Pick<Knowledge, 'questions' | 'levels'>): KitCommandParser {
  let parser = parsers.get(knowledge);
  if (parser === undefined) {
    parser = createKitCommandParser(knowledge.questions, knowledge.levels);
    parsers.set(knowledge, parser);
  }
  return parser;
}

/**
 * The command the "Again" button carries: the same level, length, areas and seed, so the
 * same questions come back. The candidate label is left out: the same kit is usually wanted
 * for the next candidate, who gets their own label.
 */
export function kitAgainCommand(
  request: Pick<KitRequest, 'level' | 'minutes' | 'areas' | 'seed'>,
): string {
  return ['kit', request.level, String(request.minutes), ...request.areas, `seed:${request.seed}`]
    .join(' ')
    .trim();
}
