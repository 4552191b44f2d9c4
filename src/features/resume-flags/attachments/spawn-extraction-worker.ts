import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Where scripts/build.mjs puts the worker, relative to dist/. */
const BUNDLED_WORKER = 'src/features/resume-flags/attachments/extraction-worker.js';

/**
 * The worker's entry file. From sources (vitest, tsx) it is the .ts beside this module; in
 * the esbuild bundle this module is inlined into dist/<entry>.js, so the worker is found
 * from the dist/ folder, where scripts/build.mjs builds it as an entry point of its own.
 */
export function extractionWorkerUrl(moduleUrl: string = import.meta.url): URL {
  if (moduleUrl.endsWith('.ts')) return new URL('./extraction-worker.ts', moduleUrl);
  const parts = fileURLToPath(moduleUrl).split(sep);
  const dist = parts.lastIndexOf('dist');
  if (dist < 0) throw new Error(`cannot place the extraction worker from ${moduleUrl}`);
  return pathToFileURL(join(parts.slice(0, dist + 1).join(sep), BUNDLED_WORKER));
}

/** tsx's ESM API, to load a TypeScript worker: loader flags do not reach workers on Node 20. */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('tsx/package.json');
  const exports = JSON.parse(readFileSync(packageJson, 'utf8')).exports as Record<
    string,
    { import?: { default?: string } }
  >;
  const api = exports['./esm/api']?.import?.default;
  if (api === undefined) throw new Error('tsx has no ESM API to load the TypeScript worker');
  return pathToFileURL(join(dirname(packageJson), api)).href;
}

export type WorkerLimits = { workerHeapMb: number };

/**
 * Starts an extraction worker with a bounded heap. Its stdout and stderr are drained and
 * dropped: a parser's console output could quote the file.
 */
export function spawnExtractionWorker(url: URL, limits: WorkerLimits): Worker {
  const options = {
    resourceLimits: {
      maxOldGenerationSizeMb: limits.workerHeapMb,
      maxYoungGenerationSizeMb: Math.max(4, Math.round(limits.workerHeapMb / 8)),
      stackSizeMb: 4,
    },
    stdout: true,
    stderr: true,
  };
  const worker = url.pathname.endsWith('.ts')
    ? new Worker(
        `import(${JSON.stringify(tsxApiUrl())}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`,
        { ...options, eval: true },
      )
    : new Worker(url, options);
  worker.stdout.resume();
  worker.stderr.resume();
  return worker;
}
