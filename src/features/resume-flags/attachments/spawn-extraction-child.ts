import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where scripts/build.mjs puts the child's entry, relative to dist/. */
const BUNDLED_CHILD = 'src/features/resume-flags/attachments/extraction-child.js';

/**
 * The child's entry file. From sources (vitest, tsx) it is the .ts beside this module; in
 * the esbuild bundle this module is inlined into dist/<entry>.js, so the child is found
 * from the dist/ folder, where scripts/build.mjs builds it as an entry point of its own.
 */
export function extractionChildUrl(moduleUrl: string = import.meta.url): URL {
  if (moduleUrl.endsWith('.ts')) return new URL('./extraction-child.ts', moduleUrl);
  const parts = fileURLToPath(moduleUrl).split(sep);
  const dist = parts.lastIndexOf('dist');
  if (dist < 0) throw new Error(`cannot place the extraction child from ${moduleUrl}`);
  return pathToFileURL(join(parts.slice(0, dist + 1).join(sep), BUNDLED_CHILD));
}

/** tsx's loader, to run the TypeScript entry when the bot itself runs from sources. */
function tsxLoaderUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

export type ChildLimits = { extractorHeapMb: number };

/**
 * Forks an extraction child with a bounded V8 heap and an empty environment (the parser
 * never sees the bot's tokens). Its stdout is dropped; stderr is piped for the pool to spot
 * an out-of-memory death, and never logged: a parser's output could quote the file.
 */
export function spawnExtractionChild(url: URL, limits: ChildLimits): ChildProcess {
  const heap = [
    `--max-old-space-size=${limits.extractorHeapMb}`,
    `--max-semi-space-size=${Math.max(1, Math.round(limits.extractorHeapMb / 32))}`,
  ];
  const loader = url.pathname.endsWith('.ts') ? ['--import', tsxLoaderUrl()] : [];
  return fork(fileURLToPath(url), [], {
    execArgv: [...loader, ...heap],
    env: {},
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
}
