import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Clock } from '../../../kernel/clock.js';
import type { KnowledgeSource } from '../../../kernel/knowledge/knowledge-source.js';
import { nextRunAfter } from '../schedule/next-run.js';
import {
  type ClaimInput,
  claimKey,
  type Delivery,
  type FinishInput,
  type ReminderRepository,
} from '../storage/reminder-repository.js';
import type { Subscription } from '../subscription.js';
import { createChannelPacer } from './channel-pacer.js';
import { createTipComposer } from './compose-tip.js';
import { createGroupCommitter } from './group-committer.js';
import { createTipPoster } from './post-tip.js';
import { DEFAULT_POST_TIMEOUT_MS } from './reminder-web-client.js';
import { runBounded } from './run-bounded.js';
import { type ClaimedWork, emptyReport, type TickReport } from './tick-report.js';

export type { TickReport } from './tick-report.js';

export type SchedulerLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

export type ReminderSchedulerOptions = {
  reminders: ReminderRepository;
  /** Best made by createReminderWebClient (throws on 429, no retries of its own). */
  client: WebClient;
  /** Read at each post, so that the team's new entries reach the tips. */
  knowledge: KnowledgeSource;
  clock: Clock;
  logger: SchedulerLogger;
  /** A reminder later than this is skipped (and logged), never sent stale. */
  graceMs: number;
  /** Posts in flight at once, across channels (default 16). */
  concurrency?: number;
  /** How long a claim stays ours without renewal (REMINDER_LEASE, default 5 minutes). */
  leaseMs?: number;
  /** The client's timeout for one post (default that of createReminderWebClient). */
  postTimeoutMs?: number;
  /** Most due subscriptions read and claimed at once (default 500). */
  batchSize?: number;
  /** Gap between two posts to one channel (default 1100 ms, Slack allows about 1/s). */
  channelSpacingMs?: number;
  /** Tries for failures after which Slack surely did nothing (default 4), with backoff. */
  maxAttempts?: number;
  backoffMs?: number;
  /** Names this instance in claims (default a random id). */
  instanceId?: string;
  /** Waiting, injectable so tests need not wait out Retry-After for real. */
  sleep?: (ms: number) => Promise<void>;
  /** Whether a channel may get tips now (see post-tip.ts); default: every channel. */
  channelAllowed?: (sub: Subscription) => Promise<boolean>;
};

export type ReminderScheduler = {
  /** Ticks now (catching up after downtime), then at the start of every minute. */
  start(): void;
  tick(): Promise<TickReport>;
  /** Stops ticking and waits for posts in flight. */
  stop(): Promise<void>;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const MAX_BATCHES_PER_TICK = 1000;

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Sends due reminders exactly once across any number of instances sharing the database.
 *
 * An occurrence (subscription, due instant) is claimed by inserting its delivery row: the
 * primary key lets one instance win. The claim carries a lease; an instance that dies after
 * claiming leaves the row `claimed` with a lease that runs out, and the next tick anywhere
 * takes it over (compare-and-set on the lease). Every post is fenced (post-tip.ts): the fence
 * marks the claim `posting`, so a claim that passed to another instance is never posted by the
 * old owner, and a claim whose owner died while posting is never posted again (Slack may have
 * it already; chat.postMessage has no idempotency key). So a tip goes out at most once; the
 * price is that one whose owner died between the fence and Slack is missed, counted as
 * `maybeSent`. The report also measures how long a post stays unrecorded after Slack's ok
 * (`maxUnrecordedMs`).
 */
export function createReminderScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  const repo = options.reminders;
  const { client, knowledge, clock, logger, graceMs } = options;
  const concurrency = options.concurrency ?? 16;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const batchSize = options.batchSize ?? 500;
  const owner = options.instanceId ?? `scheduler-${randomUUID()}`;
  const sleep = options.sleep ?? realSleep;
  let task: ScheduledTask | undefined;
  let running: Promise<TickReport> | undefined;
  let stopping = false;

  // Outcomes of posts are written in groups: one transaction per group, not per post.
  const committer = createGroupCommitter((items: FinishInput[]) => repo.finishMany(items), {
    onRetry: (error) => logger.warn({ err: error }, 'recording reminder outcomes failed; retrying'),
  });
  const pacer = createChannelPacer({
    spacingMs: options.channelSpacingMs ?? 1100,
    sleep,
    now: () => clock.now().getTime(),
  });
  const poster = createTipPoster({
    repo,
    client,
    clock,
    logger,
    owner,
    composer: createTipComposer(knowledge),
    pacer,
    finish: (input) => committer.add(input),
    leaseMs,
    postTimeoutMs: options.postTimeoutMs ?? DEFAULT_POST_TIMEOUT_MS,
    maxAttempts: options.maxAttempts ?? 4,
    backoffMs: options.backoffMs ?? 500,
    graceMs,
    sleep,
    stopping: () => stopping,
    ...(options.channelAllowed ? { channelAllowed: options.channelAllowed } : {}),
  });

  /**
   * How many occurrences to claim at once: what `concurrency` posts can send within half a
   * lease at the pace posts have been taking, so that claims are not left waiting until their
   * lease runs out (the fence would drop them, but the work would be wasted).
   */
  let postMs = 1000;
  const claimLimit = () =>
    Math.min(batchSize, concurrency * Math.max(1, Math.floor(leaseMs / 2 / postMs)));
  const post = async (work: ClaimedWork, report: TickReport) => {
    const started = performance.now();
    await poster.post(work, report);
    postMs = 0.8 * postMs + 0.2 * Math.max(1, performance.now() - started);
  };

  // Time zone arithmetic is costly (Intl) and a busy minute repeats the same few schedules.
  const nextCache = new Map<string, Date>();

  /** Where the schedule goes after `due`: never into the past beyond the grace window. */
  function nextAfter(sub: Subscription, due: Date, now: Date): Date {
    const floor = Math.max(due.getTime(), now.getTime() - graceMs);
    const key = `${sub.localTime}|${sub.timeZone}|${sub.days.join()}|${floor}`;
    let next = nextCache.get(key);
    if (!next) {
      next = nextRunAfter(sub, new Date(floor));
      if (nextCache.size > 10_000) nextCache.clear();
      nextCache.set(key, next);
    }
    return next;
  }

  const isStale = (due: Date, now: Date) => now.getTime() - due.getTime() > graceMs;
  const leaseFrom = (now: Date) => new Date(now.getTime() + leaseMs);

  /** Claims a batch of due subscriptions; returns the occurrences this instance won. */
  async function claimBatch(
    due: readonly Subscription[],
    report: TickReport,
  ): Promise<ClaimedWork[]> {
    const now = clock.now();
    const claims: ClaimInput[] = [];
    const claimable: Subscription[] = [];
    for (const sub of due) {
      if (!sub.nextRunAt) continue;
      const stale = isStale(sub.nextRunAt, now);
      let nextRunAt: Date;
      try {
        nextRunAt = nextAfter(sub, sub.nextRunAt, now);
      } catch (error) {
        // A schedule that cannot be computed must not hold up every other reminder.
        logger.error(
          { err: error, subscription: sub.id },
          'reminder schedule is broken; pausing it',
        );
        await repo.setState(sub.id, {
          status: 'paused',
          pauseReason: 'requested',
          nextRunAt: null,
          now,
        });
        continue;
      }
      claimable.push(sub);
      claims.push({
        key: { subscriptionId: sub.id, dueAt: sub.nextRunAt },
        owner,
        leaseUntil: stale ? now : leaseFrom(now),
        status: stale ? 'skipped' : 'claimed',
        ...(stale ? { error: 'beyond grace window' } : {}),
        nextRunAt,
        now,
      });
    }
    const won = await repo.claimMany(claims);
    const work: ClaimedWork[] = [];
    for (const sub of claimable) {
      const due = sub.nextRunAt;
      if (!due) continue;
      const key = { subscriptionId: sub.id, dueAt: due };
      if (!won.has(claimKey(key))) {
        report.lost++;
      } else if (isStale(due, now)) {
        report.skipped++;
        logger.warn(
          {
            subscription: sub.id,
            channel: sub.channelId,
            dueAt: due.toISOString(),
            lateMs: now.getTime() - due.getTime(),
          },
          'reminder skipped: missed by more than the grace window',
        );
      } else {
        report.claimed++;
        work.push({ sub, key });
      }
    }
    if (work.length > 0) {
      const seen = await repo.seenTipsMany(work.map((w) => w.sub.id));
      for (const w of work) w.seen = seen.get(w.sub.id) ?? {};
    }
    return work;
  }

  async function takeOver(
    delivery: Delivery,
    now: Date,
    report: TickReport,
  ): Promise<ClaimedWork | undefined> {
    if (!(await repo.takeOver(delivery, owner, leaseFrom(now)))) return undefined;
    const key = { subscriptionId: delivery.subscriptionId, dueAt: delivery.dueAt };
    const finish = (error: string) => committer.add({ key, owner, status: 'skipped', error, now });
    if (delivery.status === 'posting') {
      // Its owner stopped with a request to Slack possibly under way: the tip may be in the
      // channel already, and posting it again could make it twice. At most once, as always.
      await committer.add({
        key,
        owner,
        status: 'failed',
        error: 'maybe-sent:owner stopped while posting',
        now,
      });
      report.maybeSent++;
      logger.warn(
        { subscription: delivery.subscriptionId, previousOwner: delivery.claimedBy },
        'an instance stopped while posting a reminder; not posted again, so it is never twice',
      );
      return undefined;
    }
    const sub = await repo.get(delivery.subscriptionId);
    if (!sub) {
      await finish('subscription removed');
      return undefined;
    }
    if (isStale(delivery.dueAt, now)) {
      await finish('beyond grace window');
      report.skipped++;
      logger.warn(
        { subscription: sub.id, channel: sub.channelId, dueAt: delivery.dueAt.toISOString() },
        'abandoned reminder skipped: its owner stopped and it is now beyond the grace window',
      );
      return undefined;
    }
    report.takenOver++;
    report.claimed++;
    logger.info(
      {
        subscription: sub.id,
        channel: sub.channelId,
        dueAt: delivery.dueAt.toISOString(),
        previousOwner: delivery.claimedBy,
      },
      'took over an abandoned reminder claim',
    );
    return { sub, key };
  }

  async function takeOverExpired(report: TickReport): Promise<ClaimedWork[]> {
    const now = clock.now();
    const expired = await repo.findExpiredClaims(now, claimLimit());
    const work: ClaimedWork[] = [];
    for (const delivery of shuffled(expired)) {
      const taken = await takeOver(delivery, now, report);
      if (taken) work.push(taken);
    }
    return work;
  }

  async function runTick(): Promise<TickReport> {
    const report = emptyReport();
    const onError = (work: ClaimedWork, error: unknown) => {
      report.failed++;
      logger.error({ err: error, subscription: work.sub.id }, 'reminder delivery crashed');
    };
    const send = (work: readonly ClaimedWork[]) =>
      runBounded(work, concurrency, (w) => post(w, report), onError);
    await send(await takeOverExpired(report));

    // Claiming the next batch overlaps with sending this one; never more than one batch is
    // sending, so at most `concurrency` posts are in flight and claims run one batch ahead.
    let sending: Promise<void> = Promise.resolve();
    for (let batch = 0; batch < MAX_BATCHES_PER_TICK && !stopping; batch++) {
      const due = await repo.findDue(clock.now(), claimLimit(), poster.disabledTeams());
      if (due.length === 0) break;
      const work = await claimBatch(due, report);
      await sending;
      sending = send(work);
    }
    await sending;
    await committer.idle();
    pacer.prune();
    if (report.claimed + report.skipped + report.paused > 0) logger.info(report, 'reminder tick');
    return report;
  }

  function tick(): Promise<TickReport> {
    if (stopping) return Promise.resolve(emptyReport());
    // One tick at a time per instance; an overlapping call shares the one in flight.
    running ??= runTick().finally(() => {
      running = undefined;
    });
    return running;
  }

  const tickSafely = () => {
    tick().catch((error: unknown) => logger.error({ err: error }, 'reminder tick failed'));
  };

  return {
    start() {
      if (task || stopping) return;
      tickSafely();
      task = cron.schedule('* * * * *', tickSafely, {
        name: `reminders-${owner}`,
        noOverlap: true,
      });
    },
    tick,
    async stop() {
      stopping = true;
      await task?.stop();
      await task?.destroy();
      task = undefined;
      await running?.catch(() => undefined);
    },
  };
}
