import type { LevelId } from '../../../kernel/knowledge/schemas/common.js';
import type { Level } from '../../../kernel/knowledge/schemas/levels-schema.js';
import type { ResumeFlag } from '../../../kernel/knowledge/schemas/resume-flags-schema.js';
import { type CompiledFlag, compileFlags } from './compile-cues.js';
import { estimateYears, levelForYears } from './estimate-experience.js';

/** Slack's own ceiling for a message's text; anything past it is not read. */
export const MAX_ANALYZED_CHARS = 40_000;
/** Below this many words the text is a note, not a resume: silence in it proves nothing. */
export const MIN_RESUME_WORDS = 40;
const MAX_EVIDENCE = 6;
const MAX_EVIDENCE_CHARS = 60;

export type FlagFinding = { flag: ResumeFlag; evidence: string[] };

export type ResumeAnalysis = {
  green: FlagFinding[];
  /** `evidence` is absent for flags raised by what the text does NOT say. */
  yellow: { flag: ResumeFlag; evidence?: string[] }[];
  yearsOfExperience?: number;
  estimatedLevel?: LevelId;
  wordCount: number;
  /** Fewer than MIN_RESUME_WORDS words: flags raised by absence are left out. */
  tooShort: boolean;
  /** Longer than MAX_ANALYZED_CHARS: only the beginning was read. */
  truncated: boolean;
};

export type AnalyzeResumeContext = {
  flags: readonly ResumeFlag[];
  levels: readonly Level[];
  /** Injected so that "since 2016" means the same thing in tests every year. */
  currentYear: number;
};

/** Slack sends `&`, `<`, `>` escaped; the analysis reads what the person wrote. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * The text each cue matched, in reading order, without repeats and without a match that sits
 * inside a longer one ("REST" within "designed the public REST API").
 */
function findEvidence(patterns: RegExp[], text: string): string[] {
  const spans: { start: number; end: number }[] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      if (match[0].trim() !== '')
        spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const found = new Map<string, string>();
  let coveredTo = -1;
  for (const span of spans) {
    if (span.start < coveredTo) continue;
    coveredTo = span.end;
    const raw = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
    const shown =
      raw.length > MAX_EVIDENCE_CHARS ? `${raw.slice(0, MAX_EVIDENCE_CHARS - 1)}…` : raw;
    const key = shown.toLowerCase();
    if (!found.has(key)) found.set(key, shown);
    if (found.size >= MAX_EVIDENCE) break;
  }
  return [...found.values()];
}

function anyMatch(patterns: RegExp[], text: string): boolean {
  return patterns.some((pattern) => {
    pattern.lastIndex = 0;
    const hit = pattern.test(text);
    pattern.lastIndex = 0;
    return hit;
  });
}

type Outcome = { raised: boolean; evidence?: string[] };

/** Applies a flag's rule to the text, ignoring `unlessFlags` (the second pass does that). */
function applyRule({ flag, cues, unless }: CompiledFlag, text: string): Outcome {
  switch (flag.rule) {
    case 'present': {
      const evidence = findEvidence(cues, text);
      return { raised: evidence.length > 0, evidence };
    }
    case 'absent':
      return { raised: !anyMatch(cues, text) };
    case 'present-without': {
      const evidence = findEvidence(cues, text);
      return { raised: evidence.length > 0 && !anyMatch(unless, text), evidence };
    }
  }
}

/**
 * Reads a resume (or any message text) and reports which of the knowledge's green and yellow
 * flags it raises, with the words that raised them, and the level its stated experience
 * suggests. Pure: no I/O, no clock, nothing kept.
 */
export function analyzeResume(input: string, context: AnalyzeResumeContext): ResumeAnalysis {
  const truncated = input.length > MAX_ANALYZED_CHARS;
  const text = unescapeSlack(truncated ? input.slice(0, MAX_ANALYZED_CHARS) : input);
  const wordCount = text.match(/\S+/g)?.length ?? 0;
  const tooShort = wordCount < MIN_RESUME_WORDS;

  const compiled = compileFlags(context.flags);
  const outcomes = new Map<string, Outcome>();
  for (const entry of compiled) {
    if (entry.flag.unlessFlags.length === 0) outcomes.set(entry.flag.id, applyRule(entry, text));
  }
  for (const entry of compiled) {
    if (entry.flag.unlessFlags.length === 0) continue;
    const silenced = entry.flag.unlessFlags.some((id) => outcomes.get(id)?.raised);
    outcomes.set(entry.flag.id, silenced ? { raised: false } : applyRule(entry, text));
  }

  const green: ResumeAnalysis['green'] = [];
  const yellow: ResumeAnalysis['yellow'] = [];
  for (const { flag } of compiled) {
    const outcome = outcomes.get(flag.id);
    if (!outcome?.raised) continue;
    if (flag.rule === 'absent' && tooShort) continue;
    if (flag.kind === 'green') green.push({ flag, evidence: outcome.evidence ?? [] });
    else yellow.push(outcome.evidence ? { flag, evidence: outcome.evidence } : { flag });
  }

  const yearsOfExperience = estimateYears(text, context.currentYear);
  const estimatedLevel =
    yearsOfExperience === undefined ? undefined : levelForYears(yearsOfExperience, context.levels);
  return {
    green,
    yellow,
    ...(yearsOfExperience === undefined ? {} : { yearsOfExperience }),
    ...(estimatedLevel === undefined ? {} : { estimatedLevel }),
    wordCount,
    tooShort,
    truncated,
  };
}
