import type { Knowledge } from '../../src/kernel/knowledge/schemas/knowledge-modules.js';

/** Swaps two letters in the middle of a word, the commonest typo (`kafka` → `kakfa`). */
export function transpose(word: string): string {
  if (word.length < 5) return word;
  const i = Math.floor(word.length / 2) - 1;
  return `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
}

/**
 * Many different /hire commands drawn from the knowledge: every glossary label spelled right,
 * with a typo and as a search, and every level × area of questions. Cycled through, far more
 * of them than the app keeps recent answers for, so every request is answered from scratch:
 * the cost of a command nobody asked for lately.
 */
export function distinctCommands(knowledge: Knowledge): string[] {
  const labels = knowledge.glossary.terms.flatMap((t) => [t.name, ...t.aliases, ...t.products]);
  const texts = [
    ...labels.map((label) => `glossary ${label}`),
    ...labels.map((label) => `glossary ${transpose(label)}`),
    ...labels.map((label) => `search ${label}`),
    ...knowledge.levels.levels.flatMap((level) =>
      knowledge.questions.areas.map((area) => `questions ${level.id} ${area.id}`),
    ),
  ];
  return [...new Set(texts)];
}
