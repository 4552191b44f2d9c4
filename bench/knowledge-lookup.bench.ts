/**
 * Knowledge and lookup figures: load + validation + index build time, lookup latency and RSS.
 * Runnable alone: `npx tsx bench/knowledge-lookup.bench.ts`.
 *
 * Load time is measured in this process over several fresh loads (each re-reads and re-parses
 * every YAML file, re-validates with zod and rebuilds every index). The first load also pays for
 * JIT warm-up of yaml/zod/minisearch, so it is reported separately as "cold"; the target applies
 * to the cold figure too, since that is what start-up pays. Lookups are timed one by one with
 * process.hrtime.bigint() after a warm-up pass.
 *
 * The figures come from a child process running the bundled bench on plain node (as
 * `npm start` runs the bot), so RSS is the bot's own and not a TypeScript loader's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createAppHireCommand } from '../src/app/hire-subcommands.js';
import { loadKnowledge } from '../src/kernel/knowledge/load-knowledge.js';
import { createKnowledgeLookup } from '../src/kernel/knowledge/search/knowledge-lookup.js';

const LOADS = 9;
const ROUNDS = 200;

/** Names, aliases, products, typos, misses, searches and question sets. */
const GLOSSARY_QUERIES = [
  'Latency',
  'message-queue',
  'API',
  'load balancer',
  'k8s',
  'cache',
  'Kafka',
  'Redis',
  'Docker',
  'RabbitMQ',
  'latancy',
  'kafak',
  'microservise',
  'obserability',
  'lo',
  'queues',
  'zzzqqq',
  'what is a cdn?',
  'not a real term at all',
];
const SEARCHES = [
  'database',
  'outage',
  'salary',
  'on-call runbook',
  'trade-offs consistency',
  'xyzzy',
];
const COMMANDS = [
  'questions senior',
  'questions jr databases #2',
  'glossary kafka',
  'search outage',
  'levels staff+',
  'flags',
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const ms = (n: number) => `${n.toFixed(3)} ms`;
const verdict = (value: number, target: number) => (value < target ? 'ok' : 'OVER TARGET');

function time<T>(fn: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

function timeAll(
  label: string,
  fns: (() => unknown)[],
): { label: string; p50: number; p99: number; n: number } {
  for (const fn of fns) fn(); // warm-up
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) for (const fn of fns) samples.push(time(fn).ms);
  samples.sort((a, b) => a - b);
  return { label, p50: percentile(samples, 50), p99: percentile(samples, 99), n: samples.length };
}

function measure(): void {
  const rssBefore = process.memoryUsage().rss / 1024 / 1024;
  const indexTimes: number[] = [];
  const loads: number[] = [];
  let rssAfterFirst = Number.NaN;
  let lookup: ReturnType<typeof createKnowledgeLookup> | undefined;
  let knowledge: ReturnType<typeof loadKnowledge> | undefined;
  for (let i = 0; i < LOADS; i++) {
    const { value, ms: took } = time(() => {
      const k = loadKnowledge();
      const index = time(() => createKnowledgeLookup(k));
      indexTimes.push(index.ms);
      return { k, l: index.value };
    });
    loads.push(took);
    if (i === 0) rssAfterFirst = process.memoryUsage().rss / 1024 / 1024;
    knowledge = value.k;
    lookup = value.l;
  }
  if (lookup === undefined || knowledge === undefined) throw new Error('no load ran');
  const cold = loads[0] ?? Number.NaN;
  const warm = loads.slice(1).sort((a, b) => a - b);
  const ctx = { version: 1, knowledge, lookup };
  const hire = createAppHireCommand();
  const l = lookup;

  const rows = [
    timeAll(
      'glossary lookups (names, aliases, products, typos, misses)',
      GLOSSARY_QUERIES.map((q) => () => l.findTerm(q)),
    ),
    timeAll(
      'cross-module search',
      SEARCHES.map((q) => () => l.search(q)),
    ),
    timeAll(
      'parse /hire text',
      COMMANDS.map((c) => () => hire.parse(c)),
    ),
    timeAll(
      'full answer (parse + lookup + Block Kit)',
      COMMANDS.map((c) => () => hire.answer(c, ctx)),
    ),
  ];
  const lookupP99 = Math.max(...rows.slice(0, 2).map((r) => r.p99));

  console.log('\n## Knowledge and lookups');
  console.log(
    `host load average (1 min): ${loadavg()[0]?.toFixed(2)}; figures above 1 per core include contention`,
  );
  console.log(
    `knowledge: ${knowledge.glossary.terms.length} terms, ${knowledge.questions.questions.length} questions`,
  );
  console.log(
    `load + validate + index, cold (first in process): ${ms(cold)}  target < 150 ms  ${verdict(cold, 150)}`,
  );
  console.log(
    `load + validate + index, median of ${warm.length} warm loads: ${ms(percentile(warm, 50))}  target < 150 ms  ${verdict(percentile(warm, 50), 150)}`,
  );
  console.log(
    `  of which index build (median): ${ms(
      percentile(
        [...indexTimes].sort((a, b) => a - b),
        50,
      ),
    )}`,
  );
  for (const r of rows) console.log(`${r.label}: p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  (n=${r.n})`);
  console.log(
    `lookup p99 (worst of glossary and search): ${ms(lookupP99)}  target < 0.5 ms  ${verdict(lookupP99, 0.5)}`,
  );
  console.log(
    `RSS after the first load (plain node, whole process): ${rssAfterFirst.toFixed(1)} MB  target < 80 MB  ${verdict(rssAfterFirst, 80)}`,
  );
  console.log(`  RSS before the first load (Node and modules): ${rssBefore.toFixed(1)} MB`);
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Bundles this file and measures in a fresh plain-node process (see the header). */
export async function run(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs', 'bench/knowledge-lookup.bench.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const child = spawnSync(process.execPath, ['dist/bench/knowledge-lookup.bench.js', '--measure'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (child.status !== 0) throw new Error(`knowledge bench child failed (status ${child.status})`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--measure')) measure();
  else await run();
}
