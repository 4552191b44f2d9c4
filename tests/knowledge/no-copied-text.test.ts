import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/kernel/knowledge/load-knowledge.js';
import { normalizedWords, readGuide } from './knowledge-test-support.js';

/** Runs of this many words in a row shared with the guide count as copied text. */
const RUN = 8;

/** Every string value in a parsed YAML document, with where it sits (for the failure report). */
function stringsIn(value: unknown, path: string): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsIn(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, `${path}.${key}`));
  return [];
}

function runs(words: string[]): string[] {
  const result: string[] = [];
  for (let i = 0; i + RUN <= words.length; i++) result.push(words.slice(i, i + RUN).join(' '));
  return result;
}

const guide = readGuide();

describe('knowledge text is written in the project’s own words', () => {
  // Needs the guide beside the clone (../shared/seed/), which a fresh checkout may not have.
  it.skipIf(guide === undefined)(
    `no knowledge string shares ${RUN} consecutive words with the guide (needs the guide)`,
    () => {
      const guideRuns = new Set(runs(normalizedWords(guide ?? '')));
      const files = readdirSync(DEFAULT_KNOWLEDGE_DIR).filter((name) => name.endsWith('.yml'));
      expect(files.length).toBeGreaterThan(0);
      const copied: string[] = [];
      for (const file of files) {
        const data: unknown = parseYaml(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, file), 'utf8'));
        for (const { path, text } of stringsIn(data, '')) {
          const shared = runs(normalizedWords(text)).find((run) => guideRuns.has(run));
          if (shared) copied.push(`knowledge/${file}: ${path.slice(1)}: "${shared}"`);
        }
      }
      expect(copied).toEqual([]);
    },
  );

  it('detects a copied run, so the check above cannot pass vacuously', () => {
    const source = normalizedWords('Alpha beta gamma delta epsilon zeta eta theta iota kappa.');
    const copiedText = normalizedWords('Intro: ALPHA, beta gamma delta epsilon zeta eta theta!');
    const ownText = normalizedWords('Alpha beta gamma delta epsilon zeta eta, then more words.');
    const sourceRuns = new Set(runs(source));
    expect(runs(copiedText).some((run) => sourceRuns.has(run))).toBe(true);
    expect(runs(ownText).some((run) => sourceRuns.has(run))).toBe(false);
  });
});
