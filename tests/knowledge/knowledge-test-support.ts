import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import type { z } from 'zod';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/kernel/knowledge/load-knowledge.js';
import {
  KNOWLEDGE_MODULES,
  type Knowledge,
  type KnowledgeModuleKey,
} from '../../src/kernel/knowledge/schemas/knowledge-modules.js';

/**
 * The hiring guide sits beside the clone (`../shared/seed/` from the repository root) in CI;
 * a fresh machine may not have it, so guide-based checks must be skippable. HIRE_GUIDE_DIR
 * names it for a checkout that is not beside it (a git worktree elsewhere).
 */
export const GUIDE_DIR =
  process.env.HIRE_GUIDE_DIR ?? join(DEFAULT_KNOWLEDGE_DIR, '..', '..', 'shared', 'seed');

/** The guide's text (every .txt file of the seed folder), or undefined when it is not there. */
export function readGuide(): string | undefined {
  if (!existsSync(GUIDE_DIR)) return undefined;
  const files = readdirSync(GUIDE_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  if (files.length === 0) return undefined;
  return files.map((name) => readFileSync(join(GUIDE_DIR, name), 'utf8')).join('\n');
}

/**
 * The non-empty, trimmed lines strictly between the first line equal to `start` and the next
 * line equal to `end`, with list bullets ("• ", "- ") removed. Throws when a heading is missing, so a reworded guide fails loudly
 * instead of yielding an empty (and vacuously "covered") section.
 */
export function guideSection(guide: string, start: string, end: string): string[] {
  const lines = guide.split(/\r?\n/).map((line) => line.trim());
  const from = lines.indexOf(start);
  if (from < 0) throw new Error(`guide heading not found: ${start}`);
  const to = lines.indexOf(end, from + 1);
  if (to < 0) throw new Error(`guide heading not found after ${start}: ${end}`);
  return lines
    .slice(from + 1, to)
    .map((line) => line.replace(/^[•*-]\s+/, ''))
    .filter((line) => line.length > 0);
}

/**
 * Reads one knowledge module and validates it with its own schema. Unlike loadKnowledge, this
 * does not need every other module to exist, so content checks stay independent of modules
 * that other parts of the project own.
 */
export function readModule<K extends KnowledgeModuleKey>(
  key: K,
  dir = DEFAULT_KNOWLEDGE_DIR,
): Knowledge[K] {
  const { file } = KNOWLEDGE_MODULES[key];
  // The generic key cannot narrow the union of schemas, so the result type is asserted once here.
  const schema: z.ZodType = KNOWLEDGE_MODULES[key].schema;
  const data: unknown = parseYaml(readFileSync(join(dir, file), 'utf8'));
  return schema.parse(data) as Knowledge[K];
}

/** Lower-case words, with punctuation and dashes treated as spaces (so "Node.js" is "node js"). */
export function normalizedWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0);
}

/** Case- and punctuation-insensitive comparison of two labels. */
export function sameLabel(a: string, b: string): boolean {
  return normalizedWords(a).join(' ') === normalizedWords(b).join(' ');
}

/** Whether a text contains the keyword as whole words (so "api" does not match "rapid"). */
export function mentions(text: string, keyword: string): boolean {
  const haystack = ` ${normalizedWords(text).join(' ')} `;
  return haystack.includes(` ${normalizedWords(keyword).join(' ')} `);
}

/**
 * Pairs each expected item with a different candidate it matches (a bipartite matching by
 * augmenting paths), so one broad flag cannot be counted as covering two guide flags.
 * Returns the expected items left without a partner.
 */
export function unmatched<E, C>(
  expected: E[],
  candidates: C[],
  matches: (e: E, c: C) => boolean,
): E[] {
  const owner = new Map<number, number>();
  const tryAssign = (e: number, seen: Set<number>): boolean => {
    for (let c = 0; c < candidates.length; c++) {
      const item = expected[e];
      const candidate = candidates[c];
      if (item === undefined || candidate === undefined) continue;
      if (seen.has(c) || !matches(item, candidate)) continue;
      seen.add(c);
      const current = owner.get(c);
      if (current === undefined || tryAssign(current, seen)) {
        owner.set(c, e);
        return true;
      }
    }
    return false;
  };
  return expected.filter((_, e) => !tryAssign(e, new Set()));
}
