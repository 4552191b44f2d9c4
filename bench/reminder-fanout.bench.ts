/**
 * Reminder fan-out: 10,000 subscriptions due in the same minute, delivered through the
 * scheduler to the loopback Slack (no rate limit). Reports the time to deliver them all,
 * deliveries per second, duplicates and missing posts (both must be 0) for SQLite, for
 * PostgreSQL, and for three scheduler instances (each with its own store) sharing PostgreSQL.
 *
 *   npx tsx bench/reminder-fanout.bench.ts
 *
 * PostgreSQL: HIRE_BENCH_DATABASE_URL or HIRE_TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test (a fresh schema per run, dropped afterwards).
 *
 * The loopback Slack runs in a child process (this file with `--loopback-child`), as Slack
 * would be elsewhere: the figures are the scheduler's and the database's, not the cost of
 * the stand-in sharing their CPU. The child counts the posts per channel itself.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pino } from 'pino';
import { allMigrations } from '../src/app/features.js';
import { startLoopbackSlack } from '../src/dev/loopback-slack/loopback-slack.js';
import {
  createReminderScheduler,
  type TickReport,
} from '../src/features/reminders/scheduler/reminder-scheduler.js';
import { createReminderWebClient } from '../src/features/reminders/scheduler/reminder-web-client.js';
import { createReminderRepository } from '../src/features/reminders/storage/reminder-repository.js';
import type { ReminderTables } from '../src/features/reminders/storage/reminder-tables.js';
import { type OpenStoreOptions, openStore } from '../src/kernel/database/open-store.js';
import type { Store } from '../src/kernel/database/store.js';
import { staticKnowledgeSource } from '../src/kernel/knowledge/knowledge-source.js';
import { loadKnowledge } from '../src/kernel/knowledge/load-knowledge.js';
import { createManualClock } from '../tests/support/manual-clock.js';

const SUBSCRIPTIONS = 10_000;
/** Posts in flight per scheduler instance. */
const CONCURRENCY = Number(process.env.FANOUT_CONCURRENCY ?? 64);
const DUE = new Date('2026-11-30T08:00:00.000Z');
const POSTGRES_URL =
  process.env.HIRE_BENCH_DATABASE_URL ??
  process.env.HIRE_TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

type Database = { url: string; options: OpenStoreOptions; cleanup: () => Promise<void> };

function sqliteDatabase(): Database {
  const dir = mkdtempSync(join(tmpdir(), 'hire-fanout-'));
  return {
    url: `sqlite:${join(dir, 'fanout.db')}`,
    options: {},
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresDatabase(): Database {
  const schema = `hire_bench_${randomBytes(5).toString('hex')}`;
  return {
    url: POSTGRES_URL,
    options: { schema, poolSize: 10 },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

async function postgresAnswers(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Inserts the subscriptions directly, in chunks: the set-up is not what is measured. */
async function seed(store: Store, channels: readonly string[], teamId: string): Promise<void> {
  const now = DUE.toISOString();
  const rows = channels.map((channel) => ({
    id: randomUUID(),
    team_id: teamId,
    channel_id: channel,
    created_by: 'U0LOOPBACK',
    local_time: '09:00',
    time_zone: 'Europe/Berlin',
    days: '[1,2,3,4,5]',
    level: null,
    topics: '["questions","glossary","mistakes","expectations"]',
    status: 'active',
    paused_until: null,
    pause_reason: null,
    next_run_at: now,
    last_sent_at: null,
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await store.db
      .withTables<ReminderTables>()
      .insertInto('reminder_subscriptions')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

const CHANNELS = Array.from(
  { length: SUBSCRIPTIONS },
  (_, i) => `CFAN${String(i).padStart(6, '0')}`,
);

type ChildSlack = { apiUrl: string; botToken: string; teamId: string };
type Counts = { posts: number; duplicates: number; missing: number };

/** Child mode: a loopback Slack with the bench's channels, counting posts on request. */
async function serveLoopbackChild(): Promise<void> {
  const slack = await startLoopbackSlack({ recordCalls: false });
  for (const id of CHANNELS) {
    slack.workspace.addChannel({ id, name: id.toLowerCase(), botIsMember: true, members: [] });
  }
  process.on('message', (message) => {
    if (message !== 'count') return;
    const perChannel = new Map<string, number>();
    for (const m of slack.messages) {
      if (!m.ephemeral) perChannel.set(m.channel, (perChannel.get(m.channel) ?? 0) + 1);
    }
    const counts: Counts = {
      posts: [...perChannel.values()].reduce((n, c) => n + c, 0),
      duplicates: [...perChannel.values()].reduce((n, c) => n + c - 1, 0),
      missing: CHANNELS.filter((c) => !perChannel.has(c)).length,
    };
    process.send?.(counts);
  });
  process.on('disconnect', () => void slack.close().then(() => process.exit(0)));
  const ready: ChildSlack = {
    apiUrl: slack.apiUrl,
    botToken: slack.botToken,
    teamId: slack.teamId,
  };
  process.send?.(ready);
}

/** Starts a fresh loopback Slack child for one scenario. */
async function startChildSlack(): Promise<{
  slack: ChildSlack;
  count(): Promise<Counts>;
  stop(): void;
}> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--loopback-child'],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const slack = await new Promise<ChildSlack>((resolve, reject) => {
    child.once('message', (m) => resolve(m as ChildSlack));
    child.once('exit', (code) => reject(new Error(`loopback child exited (${code})`)));
  });
  return {
    slack,
    count: () =>
      new Promise<Counts>((resolve) => {
        child.once('message', (m) => resolve(m as Counts));
        child.send('count');
      }),
    stop: () => child.disconnect(),
  };
}

type Figures = {
  label: string;
  seconds: number;
  perSecond: number;
  sent: number;
  duplicates: number;
  missing: number;
  reports: TickReport[];
};

async function scenario(label: string, database: Database, instances: number): Promise<Figures> {
  const knowledge = loadKnowledge();
  const child = await startChildSlack();
  const { slack } = child;
  const stores: Store[] = [];
  try {
    for (let i = 0; i < instances; i++)
      stores.push(
        await openStore(database.url, { ...database.options, migrations: allMigrations() }),
      );
    await seed(stores[0] as Store, CHANNELS, slack.teamId);
    const clock = createManualClock(new Date(DUE.getTime() + 30_000));
    const schedulers = stores.map((store, i) =>
      createReminderScheduler({
        reminders: createReminderRepository(store),
        client: createReminderWebClient({ token: slack.botToken, slackApiUrl: slack.apiUrl }),
        knowledge: staticKnowledgeSource(knowledge),
        clock,
        logger: pino({ level: 'silent' }),
        graceMs: 2 * 3_600_000,
        concurrency: CONCURRENCY,
        instanceId: `bench-${i}`,
      }),
    );
    const started = performance.now();
    const reports = await Promise.all(schedulers.map((s) => s.tick()));
    const seconds = (performance.now() - started) / 1000;
    const counts = await child.count();
    return {
      label,
      seconds,
      perSecond: counts.posts / seconds,
      sent: counts.posts,
      duplicates: counts.duplicates,
      missing: counts.missing,
      reports,
    };
  } finally {
    child.stop();
    await Promise.all(stores.map((s) => s.close()));
    await database.cleanup();
  }
}

function print(f: Figures): void {
  const perInstance = f.reports.map((r) => r.sent).join(' + ');
  const lost = f.reports.reduce((n, r) => n + r.lost, 0);
  process.stdout.write(
    `${f.label.padEnd(34)} ${f.seconds.toFixed(2).padStart(7)} s  ${Math.round(f.perSecond)
      .toString()
      .padStart(
        6,
      )}/s  sent ${f.sent} (${perInstance})  duplicates ${f.duplicates}  missing ${f.missing}  lost races ${lost}\n`,
  );
  if (f.duplicates !== 0 || f.missing !== 0) {
    throw new Error(
      `${f.label}: ${f.duplicates} duplicates and ${f.missing} missing (both must be 0)`,
    );
  }
}

export async function run(): Promise<void> {
  process.stdout.write(
    `${SUBSCRIPTIONS} subscriptions due in the same minute → loopback Slack in a child process (no rate limit), concurrency ${CONCURRENCY} per instance\n`,
  );
  print(await scenario('SQLite, 1 instance', sqliteDatabase(), 1));
  const why = await postgresAnswers();
  if (why) {
    process.stdout.write(
      `PostgreSQL scenarios skipped: ${POSTGRES_URL} does not answer (${why})\n`,
    );
    return;
  }
  print(await scenario('PostgreSQL, 1 instance', postgresDatabase(), 1));
  print(await scenario('PostgreSQL, 3 instances sharing it', postgresDatabase(), 3));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--loopback-child')) await serveLoopbackChild();
  else await run();
}
