/**
 * `npm run bench`: every benchmark, in order, in one process, with the machine described first.
 * A bench file that does not exist (yet) is skipped with a line saying so.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeMachine, loadAverage } from './support/machine.js';

const BENCHES = [
  'knowledge-lookup.bench.ts',
  'reminder-fanout.bench.ts',
  'request-path.bench.ts',
  'resume-attachments.bench.ts',
  'kits.bench.ts',
  'home.bench.ts',
  'lookup-stats.bench.ts',
  'team-entries.bench.ts',
] as const;

type BenchModule = { run?: () => Promise<void> };

async function main(): Promise<void> {
  const started = Date.now();
  process.stdout.write(`# hire-bot benchmarks\n\n${describeMachine()}\n`);
  const failed: string[] = [];
  for (const file of BENCHES) {
    const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
    process.stdout.write(`\n==== ${file} ====\n`);
    if (!existsSync(path)) {
      process.stdout.write(`skipped: bench/${file} does not exist\n`);
      continue;
    }
    const benchStarted = Date.now();
    try {
      const module = (await import(pathToFileURL(path).href)) as BenchModule;
      if (typeof module.run !== 'function') throw new Error('it does not export run()');
      await module.run();
    } catch (error) {
      failed.push(file);
      process.stdout.write(
        `FAILED bench/${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.stdout.write(`(${file}: ${Math.round((Date.now() - benchStarted) / 1000)} s)\n`);
  }
  process.stdout.write(
    `\nAll benchmarks took ${Math.round((Date.now() - started) / 1000)} s; load average now ${loadAverage()}\n`,
  );
  if (failed.length > 0) {
    process.stdout.write(`Failed: ${failed.join(', ')}\n`);
    process.exitCode = 1;
  }
}

await main();
