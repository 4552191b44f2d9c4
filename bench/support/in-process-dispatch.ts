/**
 * The request path without the network: Slack's request handed straight to `processEvent`,
 * the ack serialized as the HTTP receiver would serialize it. The machine's noise (other
 * processes, the load generator, TCP) stays out, so this is the steadiest comparison of
 * what hire-bot's own code adds to Bolt's: the app is built by `createApp` exactly as in
 * production (only its receiver is a no-op), the floor is a default Bolt App with one listener
 * that acks a constant string.
 */

import { App, LogLevel, type Receiver, type ReceiverEvent } from '@slack/bolt';
import pino from 'pino';
import { createApp } from '../../src/app/create-app.js';
import { createFeatureContext } from '../../src/app/feature-context.js';
import { allMigrations } from '../../src/app/features.js';
import { startLoopbackSlack } from '../../src/dev/loopback-slack/loopback-slack.js';
import { lookupRecorderOf } from '../../src/features/lookup-stats/lookup-recorder.js';
import { systemClock } from '../../src/kernel/clock.js';
import { parseConfig } from '../../src/kernel/config.js';
import { openStore } from '../../src/kernel/database/open-store.js';
import { SLASH_COMMAND } from '../../src/kernel/hire-command/hire-command-ids.js';
import { loadKnowledge } from '../../src/kernel/knowledge/load-knowledge.js';
import type { AckResponse } from '../../src/kernel/slack/receivers/ack-once.js';
import { ackBody } from '../../src/kernel/slack/receivers/http-ack-receiver.js';

const noReceiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
const IDS = { token: 'xoxb-0000-dispatch', botId: 'B0BENCH', botUserId: 'U0BENCH' };

/** How HttpAckReceiver writes a reply (src/app/http-ack-receiver.ts). */
const appReply = (reply: unknown): string => ackBody(reply as AckResponse).body;
/** How Bolt's HTTPReceiver writes one (buildContentResponse). */
const boltReply = (reply: unknown): string =>
  typeof reply === 'string' ? reply : reply ? JSON.stringify(reply) : '';

export type DispatchFigures = { app: number[]; floor: number[] };

/** µs per request over `count` requests of `bodies`, cycled. */
async function timeDispatch(
  app: App,
  serialize: (reply: unknown) => string,
  bodies: readonly Record<string, string>[],
  count: number,
): Promise<number> {
  let bytes = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const event: ReceiverEvent = {
      body: { ...bodies[i % bodies.length] },
      // As the receivers write a reply: a string as is, a message as JSON (hire-bot's receivers
      // reuse a memoized answer's JSON; Bolt's serialize every reply).
      ack: async (reply?: unknown) => {
        bytes += serialize(reply).length;
      },
    };
    await app.processEvent(event);
  }
  const us = Number(process.hrtime.bigint() - start) / 1_000 / count;
  if (bytes === 0) throw new Error('no reply was acked');
  return us;
}

/** Alternating rounds of app and floor; each figure is µs per request for one round. */
export async function measureDispatch(
  texts: readonly string[],
  rounds = 3,
  count = 10_000,
): Promise<DispatchFigures> {
  // auth.test (run once by app.init()) answers from a loopback Slack; nothing else is called.
  const slack = await startLoopbackSlack({ botToken: IDS.token, recordCalls: false });
  const parsed = parseConfig({
    SLACK_BOT_TOKEN: IDS.token,
    SLACK_SIGNING_SECRET: 'a'.repeat(32),
    SLACK_API_URL: slack.apiUrl,
  });
  if (!parsed.ok) throw new Error(parsed.message);
  const knowledge = loadKnowledge();
  const store = await openStore('sqlite::memory:', { migrations: allMigrations() });
  const ctx = createFeatureContext({
    config: parsed.config,
    logger: pino({ level: 'warn' }),
    knowledge,
    store,
    clock: systemClock,
  });
  const { events } = ctx;
  const hireBot = createApp(ctx, { receiver: noReceiver }).app;
  await hireBot.init();
  const floor = new App({ ...IDS, receiver: noReceiver, logLevel: LogLevel.WARN });
  floor.command(SLASH_COMMAND, async ({ ack }) => {
    await ack('constant');
  });

  // The loopback's own payload factory: the same fields Slack sends with a slash command.
  const bodies = texts.map((text) => slack.payloads.slashCommand({ text }));
  const figures: DispatchFigures = { app: [], floor: [] };
  try {
    // Warm-up: JIT and the app's recent answers, as under load.
    await timeDispatch(hireBot, appReply, bodies, count / 4);
    await timeDispatch(floor, boltReply, bodies, count / 4);
    for (let round = 0; round < rounds; round++) {
      figures.app.push(await timeDispatch(hireBot, appReply, bodies, count));
      figures.floor.push(await timeDispatch(floor, boltReply, bodies, count));
    }
  } finally {
    // The lookup recorder writes what it counted before the store goes (as the app's stop does).
    await events.idle();
    await lookupRecorderOf(events)?.stop();
    await store.close();
    await slack.close();
  }
  return figures;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** The section for the report: µs per request, each round, and the app/floor ratios. */
export function renderDispatch(
  rows: Array<{ label: string; figures: DispatchFigures }>,
  markdownTable: (header: string[], body: string[][]) => string,
): string {
  const body = rows.map(({ label, figures }) => {
    const app = median(figures.app);
    const floor = median(figures.floor);
    return [
      label,
      app.toFixed(1),
      floor.toFixed(1),
      (floor / app).toFixed(2),
      figures.app.map((us) => us.toFixed(0)).join(', '),
      figures.floor.map((us) => us.toFixed(0)).join(', '),
    ];
  });
  return [
    '### In-process dispatch (no network)',
    "Slack's request handed to `processEvent` directly, the reply serialized as the HTTP receiver does; median of alternating rounds of 10,000 requests. Throughput ratio = floor µs / app µs.",
    '',
    markdownTable(
      [
        'load',
        'hire-bot µs/req',
        'floor µs/req',
        'throughput ratio',
        'hire-bot rounds',
        'floor rounds',
      ],
      body,
    ),
  ].join('\n');
}
