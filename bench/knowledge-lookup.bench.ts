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
 *
 * A second part adds 1,000 generated team terms in a temporary team folder (the size a busy
 * team might reach) and measures the same load and the glossary lookups again, team terms
 * included.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump as dumpYaml } from 'js-yaml';
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

const TEAM_TERMS = 1_000;
const SYLLABLES = ['zor', 'vek', 'quil', 'mab', 'tren', 'jux', 'plo', 'fen', 'daz', 'kri'];
const KINDS = ['engine', 'store', 'gateway', 'pipeline', 'broker'];

/** A made-up word per index (1,000 distinct), so team labels never collide with the guide's. */
function teamWord(i: number): string {
  const at = (n: number) => SYLLABLES[n % SYLLABLES.length] ?? '';
  return `${at(i)}${at(Math.floor(i / 10))}${at(Math.floor(i / 100))}`;
}
const capitalized = (word: string) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

/** Team terms shaped like real ones: a name, two aliases, a product, related terms. */
function teamTerms(): object[] {
  return Array.from({ length: TEAM_TERMS }, (_, i) => {
    const word = teamWord(i);
    const kind = KINDS[i % KINDS.length] ?? 'engine';
    return {
      id: `team-${word}`,
      name: `${capitalized(word)} ${kind}`,
      meaning: `The team's ${kind} called ${word}, used by the ${SYLLABLES[i % 10]} services.`,
      aliases: [word, `${word} ${kind}s`],
      products: [`${capitalized(word)}Cloud`],
      productNoun: `a hosted ${kind}`,
      onResume: `Appears as ${capitalized(word)} in the skills list.`,
      probe: `What did you build on ${word}, and what broke first?`,
      related: i === 0 ? ['caching'] : ['caching', `team-${teamWord(i - 1)}`],
    };
  });
}

/** Names, aliases, products, typos and prefixes of team terms, with the guide's queries. */
function teamQueries(): string[] {
  const picks = [3, 141, 277, 502, 999];
  return [
    ...GLOSSARY_QUERIES,
    ...picks.flatMap((i) => {
      const word = teamWord(i);
      return [
        `${capitalized(word)} ${KINDS[i % KINDS.length]}`,
        word,
        `${capitalized(word)}Cloud`,
        `${word.slice(0, 2)}${word.slice(3)}`,
        word.slice(0, 5),
      ];
    }),
  ];
}

function measureTeamTerms(): void {
  const localDir = mkdtempSync(join(tmpdir(), 'hire-bench-team-'));
  try {
    writeFileSync(join(localDir, 'glossary.yml'), dumpYaml({ terms: teamTerms() }));
    const loads: number[] = [];
    let lookup: ReturnType<typeof createKnowledgeLookup> | undefined;
    let terms = 0;
    for (let i = 0; i < LOADS; i++) {
      const { value, ms: took } = time(() => {
        const k = loadKnowledge({ localDir });
        return { k, l: createKnowledgeLookup(k) };
      });
      loads.push(took);
      lookup = value.l;
      terms = value.k.glossary.terms.length;
    }
    if (lookup === undefined) throw new Error('no load ran');
    const l = lookup;
    const cold = loads[0] ?? Number.NaN;
    const warm = percentile(
      loads.slice(1).sort((a, b) => a - b),
      50,
    );
    const row = timeAll(
      'glossary lookups with team terms (names, aliases, products, typos, prefixes, misses)',
      teamQueries().map((q) => () => l.findTerm(q)),
    );
    console.log(`\n## With ${TEAM_TERMS.toLocaleString('en-US')} team terms (knowledge/local)`);
    console.log(`knowledge: ${terms} terms (guide and team)`);
    console.log(
      `load + validate + merge + index, cold: ${ms(cold)}  target < 1500 ms  ${verdict(cold, 1500)}`,
    );
    console.log(
      `load + validate + merge + index, median of ${loads.length - 1} warm loads: ${ms(warm)}  target < 1500 ms  ${verdict(warm, 1500)}`,
    );
    console.log(`${row.label}: p50 ${ms(row.p50)}  p99 ${ms(row.p99)}  (n=${row.n})`);
    console.log(
      `glossary lookup p99 with team terms: ${ms(row.p99)}  target < 0.5 ms  ${verdict(row.p99, 0.5)}`,
    );
  } finally {
    rmSync(localDir, { recursive: true, force: true });
  }
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
  if (process.argv.includes('--measure')) {
    measure();
    measureTeamTerms();
  } else await run();
}
