import { readFileSync } from 'node:fs';
import { load as parseYaml, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import { describeIssue, entryLabel } from './describe-issue.js';
import type { KnowledgeProblem, Origins } from './knowledge-error.js';
import { sourcedEntries, withTeamSource } from './sourced-entries.js';

export type FileRead<T> = { data?: T; problem?: KnowledgeProblem };

export type ReadOptions = {
  /** The label messages use for the file (`knowledge/local/glossary.yml`). */
  label: string;
  /** A file of the team's: `source` may be left out (it becomes team) and must be team. */
  team: boolean;
  /** The module is one entry (market): a team file gives it `source: team` as a whole. */
  wholeModule: boolean;
  /** Where each entry was read, filled in for later cross-file messages. */
  origins: Origins;
};

/**
 * Reads, parses and validates one knowledge file. A team file that is empty (or only
 * comments) adds nothing. At most one problem comes back: the first one, in the reader's terms.
 */
export function readKnowledgeFile<S extends z.ZodType>(
  path: string,
  schema: S,
  options: ReadOptions,
): FileRead<z.infer<S>> {
  const { label } = options;
  const fail = (detail: string) => ({ problem: { file: label, message: `${label}: ${detail}` } });
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    return fail(`cannot be read (${(error as Error).message})`);
  }
  let data: unknown;
  try {
    // js-yaml rather than `yaml`: it parses the whole knowledge base several times faster,
    // which is most of the start-up budget (see bench/knowledge-lookup.bench.ts).
    data = parseYaml(raw);
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const where = error.mark
      ? ` (line ${error.mark.line + 1}, column ${error.mark.column + 1})`
      : '';
    return fail(`is not valid YAML: ${error.reason}${where}`);
  }
  if (options.team) {
    if (data === undefined || data === null) return {};
    data = withTeamSource(data, options.wholeModule);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const [issue] = result.error.issues;
    if (issue === undefined) return fail('is not valid');
    return { problem: { file: label, message: describeIssue(label, issue, data) } };
  }
  for (const { list, index, entry } of sourcedEntries(result.data)) {
    const where = list === undefined || index === undefined ? '' : entryLabel(list, index, entry);
    options.origins.set(entry, { file: label, entry: where });
    const prefix = where === '' ? '' : `${where}: `;
    if (options.team && entry.source !== 'team')
      return fail(
        `${prefix}source must be team (or left out) in the team's files, not ${entry.source}`,
      );
    if (!options.team && entry.source === 'team')
      return fail(`${prefix}source team is only for the team's own files (knowledge/local)`);
  }
  return { data: result.data };
}
