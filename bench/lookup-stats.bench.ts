/**
 * Lookup-stats figures: what recording a lookup adds to a /hire answer, how fast recorded
 * lookups are written, and how long `/hire stats` takes to read and build over 100,000
 * records. Runnable alone: `npx tsx bench/lookup-stats.bench.ts`.
 *
 * The store is a SQLite file migrated by the app's own migrations; the knowledge is the real
 * one. Answer-path times are per /hire call through the real listener (ack included), with and
 * without the recorder subscribed; the stats time is the whole follow-up minus respond().
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createFeatureContext } from '../src/app/feature-context.js';
import { allMigrations } from '../src/app/features.js';
import { buildStatsMessage } from '../src/features/lookup-stats/blocks/build-stats-message.js';
import type { LookupRecord } from '../src/features/lookup-stats/lookup-record.js';
import {
  attachLookupRecorder,
  createLookupRecorder,
} from '../src/features/lookup-stats/lookup-recorder.js';
import { summarizeStats } from '../src/features/lookup-stats/show-stats.js';
import { createLookupRepository } from '../src/features/lookup-stats/storage/lookup-repository.js';
import { createAppEvents } from '../src/kernel/app-events.js';
import { systemClock } from '../src/kernel/clock.js';
import { parseConfig } from '../src/kernel/config.js';
import { openStore } from '../src/kernel/database/open-store.js';
import { createHireCommandListener } from '../src/kernel/hire-command/hire-command-listener.js';
import { loadKnowledge } from '../src/kernel/knowledge/load-knowledge.js';
import type { CommandArgs } from '../src/kernel/slack/listener-router.js';

const ANSWER_CALLS = 20_000;
const STATS_CALLS = 40;
const RECORDS = 100_000;
const STATS_TARGET_MS = 500;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const fmt = (n: number, unit = 'ms') => `${n < 0.1 ? n.toFixed(4) : n.toFixed(2)} ${unit}`;

async function time(calls: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(calls, 500); i++) await fn(i);
  const wall: number[] = [];
  for (let i = 0; i < calls; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  wall.sort((a, b) => a - b);
  return { p50: percentile(wall, 50), p99: percentile(wall, 99), n: wall.length };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hire-bench-lookups-'));
  const logger = pino({ level: 'silent' });
  const store = await openStore(`sqlite:${join(dir, 'bench.db')}`, {
    logger,
    migrations: allMigrations(),
  });
  try {
    const parsed = parseConfig({});
    if (!parsed.ok) throw new Error(parsed.message);
    const lookups = createLookupRepository(store);
    const base = createFeatureContext({
      config: parsed.config,
      logger,
      knowledge: loadKnowledge(),
      store,
      clock: systemClock,
    });
    const { hire } = base;
    let acked = 0n;
    const args = (text: string) =>
      ({
        command: { text, user_id: 'U1', channel_id: 'C1', team_id: 'T1', command: '/hire' },
        ack: async () => {
          acked = process.hrtime.bigint();
        },
        respond: async () => undefined,
        client: {},
      }) as unknown as CommandArgs;

    // 1. The answer path: the same miss, answered from the listener's memo, with and without
    // the recorder listening. Distinct misses would measure the search, not the recording.
    process.stdout.write(`\n/hire glossary <miss> through the listener, ${ANSWER_CALLS} calls\n`);
    const bare = createHireCommandListener(hire, { ...base, events: createAppEvents(logger) });
    const recordingEvents = createAppEvents(logger);
    const recorder = attachLookupRecorder(recordingEvents, () =>
      createLookupRecorder({ lookups, clock: systemClock, logger }),
    );
    const recording = createHireCommandListener(hire, { ...base, events: recordingEvents });
    // Time to the ack (the answer leaving) and to the listener's end; the recorder's batch
    // writes run on the same thread, so they show in the second figure when one falls in a call.
    const toAck = async (listener: typeof bare, samples: number[]) => {
      const start = process.hrtime.bigint();
      await listener(args('glossary quokkabase'));
      samples.push(Number(acked - start) / 1e6);
    };
    const ackWithout: number[] = [];
    const ackWith: number[] = [];
    const without = await time(ANSWER_CALLS, () => toAck(bare, ackWithout));
    const withRec = await time(ANSWER_CALLS, () => toAck(recording, ackWith));
    await recordingEvents.idle();
    await recorder.flush();
    const p = (samples: number[], at: number) =>
      percentile(
        samples.slice(-ANSWER_CALLS).sort((a, b) => a - b),
        at,
      );
    process.stdout.write(
      `  to the ack, without recording   p50 ${fmt(p(ackWithout, 50))}  p99 ${fmt(p(ackWithout, 99))}\n` +
        `  to the ack, with recording      p50 ${fmt(p(ackWith, 50))}  p99 ${fmt(p(ackWith, 99))}\n` +
        `  whole call, without recording   p50 ${fmt(without.p50)}  p99 ${fmt(without.p99)}\n` +
        `  whole call, with recording      p50 ${fmt(withRec.p50)}  p99 ${fmt(withRec.p99)}\n`,
    );

    // 2. Writing: records taken one by one, then flushed in batches.
    const writer = createLookupRecorder({ lookups, clock: systemClock, logger });
    const taken = process.hrtime.bigint();
    for (let i = 0; i < 10_000; i++)
      writer.record({
        teamId: 'T9',
        subcommand: 'glossary',
        module: 'glossary',
        query: `w${i % 300}`,
        hit: false,
      });
    const takenMs = Number(process.hrtime.bigint() - taken) / 1e6;
    const flushStart = process.hrtime.bigint();
    await writer.flush();
    const flushMs = Number(process.hrtime.bigint() - flushStart) / 1e6;
    process.stdout.write(
      `record(): ${fmt((takenMs / 10_000) * 1000, 'µs')} each; writing 10,000 in batches: ${fmt(flushMs)} (${Math.round(10_000 / (flushMs / 1000))} rows/s)\n`,
    );

    // 3. /hire stats over 100,000 records of one workspace across 30 days.
    const now = Date.now();
    const rows: LookupRecord[] = [];
    for (let i = 0; i < RECORDS; i++) {
      // A few terms looked up often, a long tail rarely, as lookups go.
      const rank = Math.floor(1000 * ((i % 997) / 997) ** 3);
      const hit = rank % 4 !== 0;
      rows.push({
        teamId: 'T1',
        subcommand: ['glossary', 'search', 'questions', 'skills'][rank % 4] as string,
        module: 'glossary',
        query: `term ${rank}`,
        ...(hit ? { entry: `entry-${rank}` } : {}),
        hit,
        lookedUpAt: new Date(now - (i % (30 * 24)) * 3_600_000),
      });
    }
    const seeded = process.hrtime.bigint();
    await lookups.save(rows);
    process.stdout.write(
      `seeded ${RECORDS.toLocaleString('en')} records in ${fmt(Number(process.hrtime.bigint() - seeded) / 1e6)}\n`,
    );
    for (const days of [7, 30]) {
      const stats = await time(STATS_CALLS, async () =>
        buildStatsMessage(
          await summarizeStats('T1', days, {
            lookups,
            clock: systemClock,
            knowledge: base.knowledge.current(),
          }),
        ),
      );
      process.stdout.write(
        `/hire stats ${days}d over ${RECORDS.toLocaleString('en')} records: p50 ${fmt(stats.p50)}  p99 ${fmt(stats.p99)}  (${STATS_CALLS} calls; target p99 < ${STATS_TARGET_MS} ms: ${stats.p99 < STATS_TARGET_MS ? 'ok' : 'OVER TARGET'})\n`,
      );
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
