import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as parseYaml, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import { KNOWLEDGE_MODULES, type Knowledge } from './schemas/knowledge-modules.js';

/** A knowledge file that cannot be used; the message names the file, the path and the problem. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
}

/**
 * The project's knowledge/ folder, wherever the process was started from: found by walking up
 * from this module to the folder holding package.json, so that it is the same from the
 * TypeScript sources (src/knowledge/) and from the bundle (dist/src/…).
 */
export const DEFAULT_KNOWLEDGE_DIR = join(findProjectRoot(), 'knowledge');

function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new KnowledgeError('cannot find the project folder (package.json)');
    dir = parent;
  }
  return dir;
}

/** Formats a zod issue path the way the YAML reads: `terms[3].aliases`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function parseModule<S extends z.ZodType>(dir: string, file: string, schema: S): z.infer<S> {
  const label = `knowledge/${file}`;
  let raw: string;
  try {
    raw = readFileSync(join(dir, file), 'utf8');
  } catch (error) {
    throw new KnowledgeError(`${label}: cannot be read (${(error as Error).message})`);
  }
  let data: unknown;
  try {
    // js-yaml rather than `yaml`: it parses the whole knowledge base several times faster,
    // which is most of the start-up budget (see bench/knowledge-lookup.bench.ts).
    data = parseYaml(raw, { filename: file });
  } catch (error) {
    const detail = error instanceof YAMLException ? error.message : String(error);
    throw new KnowledgeError(`${label}: is not valid YAML: ${detail}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${label}: ${formatPath(issue.path) || '(top level)'}: ${issue.message}`,
    );
    throw new KnowledgeError(problems.join('\n'));
  }
  return result.data;
}

/** Cross-module checks that a schema alone cannot express (unique ids, known references). */
function checkReferences(knowledge: Knowledge): string[] {
  const problems: string[] = [];
  const termIds = new Set<string>();
  knowledge.glossary.terms.forEach((term, i) => {
    if (termIds.has(term.id))
      problems.push(`knowledge/glossary.yml: terms[${i}].id: duplicate id ${term.id}`);
    termIds.add(term.id);
  });
  knowledge.glossary.terms.forEach((term, i) => {
    term.related.forEach((ref, j) => {
      if (!termIds.has(ref))
        problems.push(`knowledge/glossary.yml: terms[${i}].related[${j}]: unknown term id ${ref}`);
    });
  });
  knowledge.skills.skills.forEach((skill, i) => {
    skill.terms.forEach((ref, j) => {
      if (!termIds.has(ref))
        problems.push(
          `knowledge/core-skills.yml: skills[${i}].terms[${j}]: unknown term id ${ref}`,
        );
    });
  });
  const questionIds = new Set<string>();
  knowledge.questions.questions.forEach((q, i) => {
    if (questionIds.has(q.id))
      problems.push(`knowledge/interview-questions.yml: questions[${i}].id: duplicate id ${q.id}`);
    questionIds.add(q.id);
  });
  return problems;
}

/**
 * Reads and validates every knowledge module. Throws a KnowledgeError listing every problem
 * found, so that a broken file stops start-up with a message that says where to look.
 */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Knowledge {
  const loaded: Partial<Record<string, unknown>> = {};
  const problems: string[] = [];
  for (const [key, { file, schema }] of Object.entries(KNOWLEDGE_MODULES)) {
    try {
      loaded[key] = parseModule(dir, file, schema);
    } catch (error) {
      if (!(error instanceof KnowledgeError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new KnowledgeError(problems.join('\n'));
  const knowledge = loaded as Knowledge;
  const referenceProblems = checkReferences(knowledge);
  if (referenceProblems.length > 0) throw new KnowledgeError(referenceProblems.join('\n'));
  return knowledge;
}
