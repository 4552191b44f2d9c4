import type { ResumeFlag } from '../../../kernel/knowledge/schemas/resume-flags-schema.js';

/** A flag's cues turned into global, case-insensitive regular expressions, ready to scan. */
export type CompiledFlag = { flag: ResumeFlag; cues: RegExp[]; unless: RegExp[] };

const WORD_CHAR = 'A-Za-z0-9_\\u00C0-\\u024F';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `/source/` is a regular expression; anything else is a phrase matched as whole words, with
 * any run of whitespace between its words. "Whole word" looks at letters and digits only, so
 * phrases that start or end with punctuation ("C#", ".NET") still match.
 */
export function compileCue(cue: string): RegExp {
  if (cue.length > 2 && cue.startsWith('/') && cue.endsWith('/')) {
    return new RegExp(cue.slice(1, -1), 'gi');
  }
  const body = cue.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![${WORD_CHAR}])${body}(?![${WORD_CHAR}])`, 'gi');
}

const cache = new WeakMap<readonly ResumeFlag[], CompiledFlag[]>();

/** Compiles each flag's cues once per knowledge load (the flag list is the cache key). */
export function compileFlags(flags: readonly ResumeFlag[]): CompiledFlag[] {
  let compiled = cache.get(flags);
  if (!compiled) {
    compiled = flags.map((flag) => ({
      flag,
      cues: flag.cues.map(compileCue),
      unless: flag.unless.map(compileCue),
    }));
    cache.set(flags, compiled);
  }
  return compiled;
}
