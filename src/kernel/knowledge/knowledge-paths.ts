import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder (the one holding package.json), found by walking up from this module so
 * that it is the same from the TypeScript sources and from the bundle (dist/src/…).
 */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the project folder (package.json)');
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot();

/** The guide's knowledge modules. */
export const DEFAULT_KNOWLEDGE_DIR = join(PROJECT_ROOT, 'knowledge');

/** The team's own files, relative to the project folder (git-ignored). */
export const DEFAULT_LOCAL_KNOWLEDGE_DIR = 'knowledge/local';
