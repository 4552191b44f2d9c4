import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump as dumpYaml } from 'js-yaml';
import { afterEach } from 'vitest';
import {
  DEFAULT_KNOWLEDGE_DIR,
  KnowledgeError,
  loadKnowledge,
} from '../../src/kernel/knowledge/load-knowledge.js';
import type { Knowledge } from '../../src/kernel/knowledge/schemas/knowledge-modules.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A scratch project: a copy of the guide's modules in `<tmp>/knowledge` and an empty team
 * folder `<tmp>/knowledge/local`, so messages read `knowledge/local/glossary.yml` exactly as
 * they do in the real project. Removed after each test.
 */
export function scratchProject(): { dir: string; localDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'hire-team-'));
  made.push(root);
  const dir = join(root, 'knowledge');
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  const localDir = join(dir, 'local');
  rmSync(localDir, { recursive: true, force: true });
  mkdirSync(localDir);
  return { dir, localDir };
}

/** Writes one team file: YAML text as it is, or data dumped as YAML. */
export function writeTeamFile(localDir: string, file: string, content: string | object): void {
  writeFileSync(join(localDir, file), typeof content === 'string' ? content : dumpYaml(content));
}

/** A team glossary term with every required field. */
export function teamTerm(id: string, fields: Record<string, unknown> = {}) {
  return {
    id,
    name: id.replace(/-/g, ' '),
    meaning: `What ${id} means for our team.`,
    onResume: `Mentions of ${id} on a resume.`,
    probe: `How did you use ${id}?`,
    ...fields,
  };
}

export function loadProject(project: { dir: string; localDir: string }): Knowledge {
  return loadKnowledge(project);
}

/** The loader's message for a project that must not load. */
export function loadError(project: { dir: string; localDir: string }): string {
  try {
    loadKnowledge(project);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    return error.message;
  }
  throw new Error('expected the knowledge to be rejected');
}
