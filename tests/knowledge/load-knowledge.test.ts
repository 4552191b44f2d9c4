import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load as parseYaml, dump as stringifyYaml } from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_KNOWLEDGE_DIR,
  KnowledgeError,
  loadKnowledge,
} from '../../src/kernel/knowledge/load-knowledge.js';

const tempDirs: string[] = [];

/** A scratch copy of the real knowledge/ folder that a test may break at will. */
function copyKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hire-knowledge-'));
  tempDirs.push(dir);
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

/** Parses a YAML file of the copy, lets the test change it, and writes it back. */
function editYaml(dir: string, file: string, change: (data: Record<string, unknown>) => void) {
  const path = join(dir, file);
  const data = parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown>;
  change(data);
  writeFileSync(path, stringifyYaml(data));
}

/** Runs the loader and returns its error message, failing the test if it did not throw. */
function loadError(dir: string): string {
  try {
    loadKnowledge({ dir });
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as Error).message;
  }
  throw new Error('expected loadKnowledge to reject the knowledge folder');
}

type Term = { id: string; aliases: unknown; related: string[] };

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadKnowledge on the real knowledge/ folder', () => {
  it('loads and validates every module', () => {
    const knowledge = loadKnowledge();
    expect(knowledge.glossary.terms.length).toBeGreaterThanOrEqual(40);
    expect(knowledge.levels.levels.map((level) => level.id)).toEqual([
      'junior',
      'mid',
      'senior',
      'staff',
    ]);
    expect(knowledge.resumeFlags.flags.length).toBeGreaterThan(0);
  });
});

describe('loadKnowledge on a broken copy', () => {
  it('names the file and the path when a field has the wrong type', () => {
    const dir = copyKnowledge();
    editYaml(dir, 'glossary.yml', (data) => {
      const terms = data.terms as Term[];
      const term = terms[3];
      if (!term) throw new Error('the glossary needs at least four terms for this test');
      term.aliases = 'ORM, ORMs';
    });
    expect(loadError(dir)).toMatch(
      /^knowledge\/glossary\.yml: terms\[3\] \([a-z-]+\): aliases must be a list, not text$/m,
    );
  });

  it('names the file when the YAML itself is invalid', () => {
    const dir = copyKnowledge();
    writeFileSync(join(dir, 'levels.yml'), 'levels: [\n  { id: junior, name: "unclosed\n');
    expect(loadError(dir)).toMatch(/^knowledge\/levels\.yml: is not valid YAML/m);
  });

  it('names the file when it is missing', () => {
    const dir = copyKnowledge();
    rmSync(join(dir, 'market.yml'));
    expect(loadError(dir)).toMatch(/^knowledge\/market\.yml: cannot be read/m);
  });

  it('reports every broken file at once, not only the first', () => {
    const dir = copyKnowledge();
    rmSync(join(dir, 'market.yml'));
    editYaml(dir, 'sourcing.yml', (data) => {
      data.channels = [];
    });
    const message = loadError(dir);
    expect(message).toContain('knowledge/market.yml:');
    expect(message).toMatch(/^knowledge\/sourcing\.yml: channels needs at least one item$/m);
  });

  // Reference checks run only once every module parses, so these need the whole folder,
  // including resume-flags.yml (owned by the resume part of the project).
  it('reports a related term id that does not exist', () => {
    const dir = copyKnowledge();
    expect(existsSync(join(dir, 'resume-flags.yml'))).toBe(true);
    editYaml(dir, 'glossary.yml', (data) => {
      const first = (data.terms as Term[])[0];
      if (!first) throw new Error('the glossary is empty');
      first.related = ['no-such-term'];
    });
    expect(loadError(dir)).toContain(
      'knowledge/glossary.yml: terms[0] (api): related[0] names an unknown term id no-such-term',
    );
  });

  it('reports a core skill that points at an unknown term', () => {
    const dir = copyKnowledge();
    editYaml(dir, 'core-skills.yml', (data) => {
      const skill = (data.skills as { terms: string[] }[])[1];
      if (!skill) throw new Error('core-skills.yml needs at least two skills');
      skill.terms = [...skill.terms, 'made-up-term'];
    });
    expect(loadError(dir)).toMatch(
      /knowledge\/core-skills\.yml: skills\[1\] \([a-z-]+\): terms\[\d+\] names an unknown term id made-up-term/,
    );
  });

  it('reports a duplicate glossary id', () => {
    const dir = copyKnowledge();
    editYaml(dir, 'glossary.yml', (data) => {
      const terms = data.terms as Term[];
      const [first, second] = terms;
      if (!first || !second) throw new Error('the glossary needs two terms');
      second.id = first.id;
    });
    expect(loadError(dir)).toMatch(
      /knowledge\/glossary\.yml: terms\[1\] \(api\): id api is used twice \(also terms\[0\] \(api\)\)/,
    );
  });
});
