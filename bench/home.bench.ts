/**
 * Home tab figures: building one person's whole Home (every section read from the store, the
 * results area from /hire, Block Kit, the budget and the size checks) for a heavy user with
 * 200 reminders and 100 resume flags. Runnable alone: `npx tsx bench/home.bench.ts`.
 *
 * The store is a SQLite file, as the app's default, migrated by the app's own migrations; the
 * knowledge is the real one. Each case is timed call by call with process.hrtime.bigint()
 * after warm-up rounds, with the process's CPU time for the same call beside the wall time
 * (on a busy host the two part ways). The target is the Home build's p99 for the heavy user
 * whatever the Home shows; views.publish itself is Slack's time, not measured here.
 *
 * A last case adds five channels with other people's reminders that the heavy user is in:
 * then the Home asks Slack (here the loopback, over HTTP on this machine) who is in each.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LogLevel, WebClient } from '@slack/web-api';
import { pino } from 'pino';
import { createFeatureContext } from '../src/app/feature-context.js';
import { allMigrations } from '../src/app/features.js';
import { startLoopbackSlack } from '../src/dev/loopback-slack/loopback-slack.js';
import { checkViewLimits, viewBytes } from '../src/dev/slack-limits.js';
import { assembleHome, type HomeDeps } from '../src/features/home/assemble-home.js';
import { EMPTY_HOME_STATE, type HomeState, withPage } from '../src/features/home/home-state.js';
import { createReminderRepository } from '../src/features/reminders/storage/reminder-repository.js';
import { createFlagRepository } from '../src/features/resume-flags/storage/flag-repository.js';
import { systemClock } from '../src/kernel/clock.js';
import { parseConfig } from '../src/kernel/config.js';
import { openStore } from '../src/kernel/database/open-store.js';
import { loadKnowledge } from '../src/kernel/knowledge/load-knowledge.js';
import { HEAVY_TEAM, HEAVY_USER, seedHeavyUser } from '../tests/support/heavy-home-user.js';

const CALLS = 300;
const WARM_UP_CALLS = 200;
/** Rounds of CALLS each; the median round is reported, every round's p99 beside it. */
const ROUNDS = 3;
const TARGET_MS = 20;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const ms = (n: number) => `${n.toFixed(2)} ms`;
const verdict = (value: number, target: number) => (value < target ? 'ok' : 'OVER TARGET');

type Row = { p50: number; p99: number; cpuP50: number; cpuP99: number; n: number };
type Rows = { median: Row; p99s: number[] };

async function timeRound(fn: () => Promise<unknown>): Promise<Row> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let call = 0; call < CALLS; call++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    await fn();
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: percentile(wall, 50),
    p99: percentile(wall, 99),
    cpuP50: percentile(cpu, 50),
    cpuP99: percentile(cpu, 99),
    n: wall.length,
  };
}

/**
 * Rounds of timed calls after a warm-up. On a shared host another process can hold the cores
 * for a while; the median round (by p99) shows the usual case and the rounds show the spread.
 */
async function timeAll(fn: () => Promise<unknown>): Promise<Rows> {
  for (let call = 0; call < WARM_UP_CALLS; call++) await fn();
  const rounds: Row[] = [];
  for (let round = 0; round < ROUNDS; round++) rounds.push(await timeRound(fn));
  const byP99 = [...rounds].sort((a, b) => a.p99 - b.p99);
  return {
    median: byP99[Math.floor(ROUNDS / 2)] as Row,
    p99s: rounds.map((r) => r.p99),
  };
}

const describeRow = (label: string, { median: row, p99s }: Rows, target?: number) =>
  `${label}: p50 ${ms(row.p50)}  p99 ${ms(row.p99)}  (median of ${ROUNDS} rounds of ${row.n}; p99 per round ${p99s.map(ms).join(', ')})${target === undefined ? '' : `  target p99 < ${target} ms  ${verdict(row.p99, target)}`}\n  CPU time per build: p50 ${ms(row.cpuP50)}  p99 ${ms(row.cpuP99)}`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hire-home-bench-'));
  const slack = await startLoopbackSlack({ pingIntervalMs: 0, recordCalls: false });
  const parsed = parseConfig({});
  if (!parsed.ok) throw new Error(parsed.message);
  const logger = pino({ level: 'silent' });
  const store = await openStore(`sqlite:${join(dir, 'home.db')}`, {
    logger,
    migrations: allMigrations(),
  });
  try {
    const reminders = createReminderRepository(store);
    await seedHeavyUser({ reminders, flags: createFlagRepository(store) });
    const deps: HomeDeps = createFeatureContext({
      config: parsed.config,
      logger,
      knowledge: loadKnowledge(),
      store,
      clock: systemClock,
    });
    const client = new WebClient(slack.botToken, {
      slackApiUrl: slack.apiUrl,
      logLevel: LogLevel.ERROR,
    });
    const viewer = { teamId: HEAVY_TEAM, userId: HEAVY_USER, isAdmin: false };
    const build = (state: HomeState) => () => assembleHome({ viewer, state, client }, deps);

    const deep = withPage(withPage(EMPTY_HOME_STATE, 'reminders', 20), 'resume-flags', 10);
    const cases: Array<[string, HomeState]> = [
      ['Home as opened (first page of each section)', EMPTY_HOME_STATE],
      ['last pages (reminders page 20, flags page 10)', deep],
      [
        'with search results open ("search kafka")',
        { ...EMPTY_HOME_STATE, results: { kind: 'command', command: 'search kafka' } },
      ],
      [
        'with the longest answer open ("glossary")',
        { ...EMPTY_HOME_STATE, results: { kind: 'command', command: 'glossary' } },
      ],
    ];

    console.log('\n## Home tab: build for a heavy user (200 reminders, 100 flags)');
    console.log(
      `host load average (1 min): ${loadavg()[0]?.toFixed(2)} on ${cpus().length} cores; SQLite file store, real knowledge`,
    );
    for (const [label, state] of cases) {
      const { view } = await build(state)();
      const problems = checkViewLimits(view);
      if (problems.length > 0) throw new Error(`${label}: ${problems.join('; ')}`);
      const row = await timeAll(build(state));
      console.log(describeRow(label, row, TARGET_MS));
      console.log(
        `  view: ${view.blocks.length} blocks, ${(viewBytes(view) / 1000).toFixed(1)} kB`,
      );
    }

    // Five channels with someone else's reminders, the heavy user a member of each.
    slack.workspace.addUser({ id: HEAVY_USER, name: 'heavy', tz: 'UTC' });
    for (let i = 0; i < 5; i++) {
      const channelId = `C0TEAM${i}`;
      slack.workspace.addChannel({
        id: channelId,
        name: `team-${i}`,
        botIsMember: true,
        members: [HEAVY_USER, 'U0LOOPBACK'],
      });
      await reminders.upsert({
        teamId: HEAVY_TEAM,
        channelId,
        createdBy: 'U0LOOPBACK',
        settings: {
          localTime: '09:00',
          timeZone: 'UTC',
          days: [1, 2, 3, 4, 5],
          topics: ['questions'],
        },
        nextRunAt: new Date('2026-06-01T09:00:00Z'),
        now: new Date('2026-06-01T08:00:00Z'),
      });
    }
    const checked = await timeAll(build(EMPTY_HOME_STATE));
    console.log(
      describeRow(
        'Home as opened, plus 5 channels of others’ reminders asked of Slack (loopback)',
        checked,
      ),
    );
  } finally {
    await store.close();
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await run();
}
