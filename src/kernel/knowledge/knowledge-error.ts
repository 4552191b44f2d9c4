/** Knowledge that cannot be used; each line names the file, the entry and the problem. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
}

/** One problem, kept with its file so that each bad file is reported once. */
export type KnowledgeProblem = { file: string; message: string };

/**
 * Where an entry was read: its file's label and its place there, e.g. `terms[2] (quokkabase)`;
 * `entry` is empty for a module that is one entry (market).
 */
export type EntryOrigin = { file: string; entry: string };

/** Entries (the parsed objects themselves) mapped to where they were read. */
export type Origins = Map<object, EntryOrigin>;

export function problemAt(origin: EntryOrigin, detail: string): KnowledgeProblem {
  const where = origin.entry === '' ? '' : `${origin.entry}: `;
  return { file: origin.file, message: `${origin.file}: ${where}${detail}` };
}

/**
 * Throws one KnowledgeError holding the first problem of each file, in the order found: one
 * clear message per bad file rather than a cascade of follow-on complaints.
 */
export function throwIfProblems(problems: readonly KnowledgeProblem[]): void {
  if (problems.length === 0) return;
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const problem of problems) {
    if (seen.has(problem.file)) continue;
    seen.add(problem.file);
    lines.push(problem.message);
  }
  throw new KnowledgeError(lines.join('\n'));
}
