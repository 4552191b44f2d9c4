import { existsSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { checkKnowledge } from './check-knowledge.js';
import { type KnowledgeProblem, type Origins, throwIfProblems } from './knowledge-error.js';
import { DEFAULT_KNOWLEDGE_DIR } from './knowledge-paths.js';
import { mergeTeamEntries } from './merge-team-entries.js';
import { readKnowledgeFile } from './read-knowledge-file.js';
import {
  KNOWLEDGE_MODULE_KEYS,
  KNOWLEDGE_MODULES,
  type Knowledge,
  type KnowledgeModuleKey,
  type TeamEntries,
} from './schemas/knowledge-modules.js';

export { KnowledgeError } from './knowledge-error.js';
export { DEFAULT_KNOWLEDGE_DIR } from './knowledge-paths.js';

export type LoadKnowledgeOptions = {
  /** The guide's modules; default: the project's knowledge/ folder. */
  dir?: string;
  /**
   * The team's own files (glossary.yml, interview-questions.yml… each optional). Absent: no
   * team entries. A folder that does not exist holds none; that is not an error.
   */
  localDir?: string;
};

const MODULE_FILES = new Map<string, KnowledgeModuleKey>(
  KNOWLEDGE_MODULE_KEYS.map((key) => [KNOWLEDGE_MODULES[key].file, key]),
);

/**
 * How messages name a team file: relative to the folder holding the guide's folder (the
 * project, so `knowledge/local/glossary.yml`), or by its full path when it lives elsewhere.
 */
function teamFileLabel(dir: string, localDir: string, file: string): string {
  const path = resolve(localDir, file);
  const rel = relative(dirname(resolve(dir)), path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
}

function readGuide(dir: string, origins: Origins, problems: KnowledgeProblem[]) {
  const guide: Partial<Record<KnowledgeModuleKey, unknown>> = {};
  for (const key of KNOWLEDGE_MODULE_KEYS) {
    const { file, schema, lists } = KNOWLEDGE_MODULES[key];
    const read = readKnowledgeFile(join(dir, file), schema, {
      label: `knowledge/${file}`,
      team: false,
      wholeModule: lists === undefined,
      origins,
    });
    if (read.problem) problems.push(read.problem);
    else guide[key] = read.data;
  }
  return guide as Knowledge;
}

function readTeam(
  dir: string,
  localDir: string,
  origins: Origins,
  problems: KnowledgeProblem[],
): TeamEntries {
  const team: Partial<Record<KnowledgeModuleKey, unknown>> = {};
  if (!existsSync(localDir)) return {};
  const files = readdirSync(localDir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort();
  for (const file of files) {
    const label = teamFileLabel(dir, localDir, file);
    const key = MODULE_FILES.get(file);
    if (key === undefined) {
      const names = [...MODULE_FILES.keys()].join(', ');
      problems.push({
        file: label,
        message: `${label}: is not a knowledge file; use one of ${names}`,
      });
      continue;
    }
    const { local, lists } = KNOWLEDGE_MODULES[key];
    const read = readKnowledgeFile(join(localDir, file), local, {
      label,
      team: true,
      wholeModule: lists === undefined,
      origins,
    });
    if (read.problem) problems.push(read.problem);
    else if (read.data !== undefined) team[key] = read.data;
  }
  // Each value went through its module's local schema just above.
  return team as TeamEntries;
}

/**
 * Reads and validates every module of the guide, then the team's files, and merges them: a
 * team entry with a guide entry's id replaces it, any other is added. Cross-references and
 * label collisions are checked on the merged whole. Throws a KnowledgeError with one line per
 * bad file (the file, the entry, the field), so a broken file stops start-up with a message
 * that says where to look. Reads no environment: the caller passes the folders.
 */
export function loadKnowledge(options: LoadKnowledgeOptions = {}): Knowledge {
  const { dir = DEFAULT_KNOWLEDGE_DIR, localDir } = options;
  const origins: Origins = new Map();
  const problems: KnowledgeProblem[] = [];
  const guide = readGuide(dir, origins, problems);
  const team = localDir === undefined ? {} : readTeam(dir, localDir, origins, problems);
  throwIfProblems(problems);
  const knowledge = mergeTeamEntries(guide, team, origins, problems);
  problems.push(...checkKnowledge(knowledge, origins));
  throwIfProblems(problems);
  return knowledge;
}
