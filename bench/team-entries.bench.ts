/**
 * Team entries added in Slack: 1,000 glossary terms stored in the database (SQLite file) as
 * the team-knowledge feature stores them, then
 * - start-up with them: load the files' knowledge, read the live entries, merge, check their
 *   labels and build the index (what a booting instance does before answering), cold and warm;
 * - a glossary lookup p99 over the merged knowledge (names, aliases, typos, prefixes, misses);
 * - one reload after a change (what every instance does when the revision moves) and the cost
 *   of the revision poll itself.
 * Runnable alone: `npx tsx bench/team-entries.bench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allMigrations } from '../src/app/features.js';
import { createTeamEntryRepository } from '../src/features/team-knowledge/storage/team-entry-repository.js';
import { syncTeamLayer } from '../src/features/team-knowledge/sync-team-layer.js';
import { openStore } from '../src/kernel/database/open-store.js';
import { createLayeredKnowledgeSource } from '../src/kernel/knowledge/layered-knowledge-source.js';
import { loadKnowledge } from '../src/kernel/knowledge/load-knowledge.js';
import type { GlossaryTerm } from '../src/kernel/knowledge/schemas/glossary-schema.js';

const TEAM = 'T0BENCH';
const TERMS = 1_000;
const LOADS = 7;
const ROUNDS = 200;
const SYLLABLES = ['zor', 'vek', 'quil', 'mab', 'tren', 'jux', 'plo', 'fen', 'daz', 'kri'];
const KINDS = ['engine', 'store', 'gateway', 'pipeline', 'broker'];
const quiet = { warn: () => undefined };

/** A made-up word per index (1,000 distinct), so labels never collide with the guide's. */
function word(i: number): string {
  const at = (n: number) => SYLLABLES[n % SYLLABLES.length] ?? '';
  return `${at(i)}${at(Math.floor(i / 10))}${at(Math.floor(i / 100))}`;
}
const capitalized = (w: string) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`;

/** A term as the glossary modal makes it: name, meaning, aliases, resume line, probe. */
function term(i: number): GlossaryTerm {
  const w = word(i);
  const kind = KINDS[i % KINDS.length] ?? 'engine';
  return {
    id: `slack-${w}`,
    name: `${capitalized(w)} ${kind}`,
    meaning: `The team's ${kind} called ${w}.`,
    aliases: [w, `${w} ${kind}s`],
    products: [],
    onResume: `Appears as ${capitalized(w)} in the skills list.`,
    probe: `What did you build on ${w}, and what broke first?`,
    related: [],
    source: 'team',
  };
}

function queries(): string[] {
  const picks = [3, 141, 277, 502, 999];
  return [
    'Latency',
    'kafka',
    'k8s',
    'latancy',
    'zzzqqq',
    'not a real term at all',
    ...picks.flatMap((i) => {
      const w = word(i);
      return [
        `${capitalized(w)} ${KINDS[i % KINDS.length]}`,
        w,
        `${w.slice(0, 2)}${w.slice(3)}`,
        w.slice(0, 5),
      ];
    }),
  ];
}

const ms = (n: number) => `${n.toFixed(3)} ms`;
const verdict = (value: number, target: number) => (value < target ? 'ok' : 'OVER TARGET');
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function time<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hire-bench-entries-'));
  const store = await openStore(`sqlite:${join(dir, 'bench.db')}`, { migrations: allMigrations() });
  try {
    const entries = createTeamEntryRepository(store);
    const now = new Date('2026-03-02T09:00:00Z');
    for (let i = 0; i < TERMS; i++)
      await entries.add({
        module: 'glossary',
        entry: term(i),
        teamId: TEAM,
        status: 'live',
        addedBy: 'U0BENCH',
        now,
      });

    // Start-up: files' knowledge, the live entries read, merged, checked and indexed.
    const loads: number[] = [];
    let source: ReturnType<typeof createLayeredKnowledgeSource> | undefined;
    for (let i = 0; i < LOADS; i++) {
      const { value, ms: took } = await time(async () => {
        const layered = createLayeredKnowledgeSource(loadKnowledge());
        await syncTeamLayer({ entries, layer: layered.layer, logger: quiet }, TEAM);
        return layered;
      });
      loads.push(took);
      source = value;
    }
    if (source === undefined) throw new Error('no load ran');
    const snapshot = source.source.current();
    const terms = snapshot.knowledge.glossary.terms.length;
    const cold = loads[0] ?? Number.NaN;
    const warm = percentile(
      loads.slice(1).sort((a, b) => a - b),
      50,
    );

    // Lookups over the merged knowledge, timed one by one after a warm-up pass.
    const fns = queries().map((q) => () => snapshot.lookup.findTerm(q));
    for (const fn of fns) fn();
    const samples: number[] = [];
    for (let round = 0; round < ROUNDS; round++)
      for (const fn of fns) samples.push((await time(fn)).ms);
    samples.sort((a, b) => a - b);

    // One change: the reload every instance does when it sees the revision move.
    const reloads: number[] = [];
    for (let i = 0; i < 5; i++) {
      await entries.add({
        module: 'glossary',
        entry: { ...term(0), id: `slack-extra-${i}`, name: `Extra ${i}`, aliases: [] },
        teamId: TEAM,
        status: 'live',
        addedBy: 'U0BENCH',
        now,
      });
      const sync = { entries, layer: source.layer, logger: quiet };
      reloads.push((await time(() => syncTeamLayer(sync, TEAM))).ms);
    }
    reloads.sort((a, b) => a - b);
    const polls: number[] = [];
    for (let i = 0; i < 500; i++) polls.push((await time(() => entries.revision(TEAM))).ms);
    polls.sort((a, b) => a - b);

    console.log(`## ${TERMS.toLocaleString('en-US')} glossary terms added in Slack (SQLite)`);
    console.log(`knowledge: ${terms} terms (the guide, the team folder if any, and Slack)`);
    console.log(
      `start-up (load + read entries + merge + check + index), cold: ${ms(cold)}  target < 1500 ms  ${verdict(cold, 1500)}`,
    );
    console.log(
      `start-up, median of ${loads.length - 1} warm: ${ms(warm)}  target < 1500 ms  ${verdict(warm, 1500)}`,
    );
    console.log(
      `glossary lookup with Slack terms: p50 ${ms(percentile(samples, 50))}  p99 ${ms(percentile(samples, 99))}  (n=${samples.length})  target p99 < 0.5 ms  ${verdict(percentile(samples, 99), 0.5)}`,
    );
    console.log(
      `reload after one change (read + merge + check + index): median ${ms(percentile(reloads, 50))}, max ${ms(reloads.at(-1) ?? Number.NaN)}`,
    );
    console.log(
      `revision poll (one row): p50 ${ms(percentile(polls, 50))}  p99 ${ms(percentile(polls, 99))}`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await run();
}
