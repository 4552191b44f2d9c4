/**
 * The reminder fault run: many reminders due in the same minute, several scheduler instances
 * (child processes) sharing one PostgreSQL database, a loopback Slack that answers slowly and
 * in 429 storms, a short lease, and one instance killed with SIGKILL in the middle of the
 * fan-out. Counts what reached Slack: duplicates and misses, and explains each duplicate by
 * the one window the design leaves open (a process dying between Slack's ok and the database
 * saying `sent`). Used by the test (a small run) and by `npm run bench` (a large one).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { allMigrations } from '../../src/app/features.js';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../src/dev/loopback-slack/loopback-slack.js';
import { createReminderRepository } from '../../src/features/reminders/storage/reminder-repository.js';
import { type OpenStoreOptions, openStore } from '../../src/kernel/database/open-store.js';

export type FaultRunOptions = {
  database: { url: string; options: OpenStoreOptions };
  subscriptions: number;
  instances: number;
  leaseMs: number;
  /** How long the loopback Slack takes to answer each chat.postMessage. */
  slowMs: number;
  /**
   * A storm of this many 429s (Retry-After 1 s) every `stormEveryMs`, from the start until two
   * storms after the kill: endless storms would starve the last few posts (each retry lands in
   * the next storm), which measures the storm, not the scheduler.
   */
  stormSize: number;
  stormEveryMs: number;
  concurrency: number;
  /** The first instance is killed once this share of the posts has reached Slack. */
  killAt: number;
  timeoutMs: number;
};

export type FaultRunFigures = {
  subscriptions: number;
  /** Successful chat.postMessage calls. */
  posts: number;
  /** Channels that got their tip more than once (extra posts). */
  duplicates: number;
  /** Channels that never got their tip. */
  misses: number;
  /** Posts Slack accepted from the killed instance that its database row does not show as sent. */
  unrecordedAtDeath: number;
  /** Failures after which a tip may or may not have been posted (recorded, not retried). */
  maybeSent: number;
  /** Claims still open when the run ended (0 unless it ran out of time). */
  unsettled: number;
  /** Every claim's end, counted by status and error. */
  outcomes: Record<string, number>;
  ratelimited: number;
  killed: boolean;
  /** Longest time any instance reported between Slack's ok and its `sent` record. */
  maxUnrecordedMs: number;
  durationMs: number;
};

const childScript = fileURLToPath(new URL('./reminder-fault-child.ts', import.meta.url));

async function seed(
  slack: LoopbackSlack,
  database: FaultRunOptions['database'],
  count: number,
): Promise<Map<string, string>> {
  const store = await openStore(database.url, { ...database.options, migrations: allMigrations() });
  const reminders = createReminderRepository(store);
  const channelOfSub = new Map<string, string>();
  const now = new Date();
  try {
    for (let i = 0; i < count; i++) {
      const channelId = `CFAULT${String(i).padStart(5, '0')}`;
      slack.workspace.addChannel({
        id: channelId,
        name: channelId.toLowerCase(),
        botIsMember: true,
      });
      const { sub } = await reminders.upsert({
        teamId: slack.teamId,
        channelId,
        createdBy: 'U0LOOPBACK',
        settings: {
          localTime: '09:00',
          timeZone: 'UTC',
          days: [1, 2, 3, 4, 5, 6, 7],
          topics: ['questions', 'glossary', 'mistakes', 'expectations'],
        },
        // Due a few seconds ago: every instance finds all of them due at once.
        nextRunAt: new Date(now.getTime() - 5_000),
        now,
      });
      channelOfSub.set(sub.id, channelId);
    }
  } finally {
    await store.close();
  }
  return channelOfSub;
}

/** How the claims ended, by status and error (`failed: ratelimited`), to explain any miss. */
function countOutcomes(
  settled: { status: string; error?: string | null }[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of settled) {
    const key = d.error ? `${d.status}: ${d.error}` : d.status;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export async function runReminderFaults(options: FaultRunOptions): Promise<FaultRunFigures> {
  const tokens = Array.from(
    { length: options.instances },
    (_, i) => `xoxb-fault-${i}-${randomUUID()}`,
  );
  const slack = await startLoopbackSlack({ extraBotTokens: tokens });
  const children: ChildProcess[] = [];
  let maxUnrecordedMs = 0;
  const started = performance.now();
  try {
    const channelOfSub = await seed(slack, options.database, options.subscriptions);
    slack.delay('chat.postMessage', options.slowMs);
    const storm = () =>
      slack.rateLimit('chat.postMessage', { times: options.stormSize, retryAfterSeconds: 1 });
    storm();
    const storms = setInterval(storm, options.stormEveryMs);

    for (const [i, token] of tokens.entries()) {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          childScript,
          JSON.stringify({
            database: options.database,
            apiUrl: slack.apiUrl,
            token,
            instanceId: `instance-${i}`,
            leaseMs: options.leaseMs,
            concurrency: options.concurrency,
          }),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      children.push(child);
      void (async () => {
        for await (const line of createInterface({
          input: child.stdout as NodeJS.ReadableStream,
        })) {
          if (!line.startsWith('tick ')) continue;
          const report = JSON.parse(line.slice(5)) as { maxUnrecordedMs: number };
          maxUnrecordedMs = Math.max(maxUnrecordedMs, report.maxUnrecordedMs);
        }
      })();
    }

    const okPosts = () => slack.callsTo('chat.postMessage').filter((c) => c.outcome === 'ok');
    const victim = children[0];
    const victimToken = tokens[0];
    let killed = false;
    const store = await openStore(options.database.url, {
      ...options.database.options,
      migrations: allMigrations(),
    });
    const reminders = createReminderRepository(store);
    try {
      const deadline = Date.now() + options.timeoutMs;
      for (;;) {
        if (!killed && okPosts().length >= options.subscriptions * options.killAt) {
          victim?.kill('SIGKILL');
          killed = true;
          setTimeout(() => clearInterval(storms), 2 * options.stormEveryMs).unref();
        }
        const deliveries = await reminders.listDeliveries();
        const done =
          deliveries.length === options.subscriptions &&
          deliveries.every((d) => d.status !== 'claimed' && d.status !== 'posting');
        if ((done && killed) || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      clearInterval(storms);

      const settled = await reminders.listDeliveries();
      const deliveries = new Map(settled.map((d) => [channelOfSub.get(d.subscriptionId), d]));
      const perChannel = new Map<string, number>();
      for (const call of okPosts()) {
        const channel = String(call.args.channel);
        perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
      }
      const unrecorded = okPosts().filter((call) => {
        if (call.token !== victimToken) return false;
        const delivery = deliveries.get(String(call.args.channel));
        return !(delivery?.status === 'sent' && delivery.claimedBy === 'instance-0');
      });
      return {
        subscriptions: options.subscriptions,
        posts: okPosts().length,
        duplicates: [...perChannel.values()].reduce((n, count) => n + Math.max(0, count - 1), 0),
        misses: [...channelOfSub.values()].filter((c) => !perChannel.has(c)).length,
        unrecordedAtDeath: unrecorded.length,
        // Read from the rows, which every instance wrote: the authoritative count.
        maybeSent: settled.filter((d) => d.error?.startsWith('maybe-sent')).length,
        unsettled: settled.filter((d) => d.status === 'claimed' || d.status === 'posting').length,
        outcomes: countOutcomes(settled),
        ratelimited: slack.callsTo('chat.postMessage').filter((c) => c.outcome === 'ratelimited')
          .length,
        killed,
        maxUnrecordedMs,
        durationMs: performance.now() - started,
      };
    } finally {
      await store.close();
    }
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await slack.close();
  }
}
