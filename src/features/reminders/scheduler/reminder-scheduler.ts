import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import { DateTime } from 'luxon';
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Clock } from '../../../kernel/clock.js';
import type { KnowledgeSource } from '../../../kernel/knowledge/knowledge-source.js';
import { classifySlackError } from '../../../kernel/slack/classify-slack-error.js';
import { buildChannelPausedNotice } from '../blocks/build-remind-replies.js';
import { buildTipMessage } from '../blocks/build-tip-message.js';
import { nextRunAfter } from '../schedule/next-run.js';
import {
  type ClaimInput,
  claimKey,
  type Delivery,
  type DeliveryKey,
  type FinishInput,
  type ReminderRepository,
  type SeenTips,
} from '../storage/reminder-repository.js';
import { type PauseReason, pauseReason, type Subscription } from '../subscription.js';
import { pickTip } from '../tips/pick-tip.js';
import { createChannelPacer } from './channel-pacer.js';
import { createGroupCommitter } from './group-committer.js';
import { runBounded } from './run-bounded.js';

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
  /** How long a claim stays ours without renewal (default 5 minutes). */
  leaseMs?: number;
  /** Due subscriptions read per query (default 500). */
  batchSize?: number;
  /** Gap between two posts to one channel (default 1100 ms, Slack allows about 1/s). */
  channelSpacingMs?: number;
  /** Tries for transient failures (default 4), with exponential backoff from `backoffMs`. */
  maxAttempts?: number;
  backoffMs?: number;
  /** How many 429s one post may wait out before giving up (default 10). */
  maxRateLimitWaits?: number;
  /** Names this instance in claims (default a random id). */
  instanceId?: string;
  /** Waiting, injectable so tests need not wait out Retry-After for real. */
  sleep?: (ms: number) => Promise<void>;
};

export type TickReport = {
  /** Occurrences this instance won and tried to send. */
  claimed: number;
  sent: number;
  /** Too late (beyond the grace window) or workspace disabled. */
  skipped: number;
  failed: number;
  /** Subscriptions paused because their channel refused posts. */
  paused: number;
  /** Abandoned claims (owner died) this instance took over. */
  takenOver: number;
  /** Due occurrences another instance had already claimed. */
  lost: number;
};

export type ReminderScheduler = {
  /** Ticks now (catching up after downtime), then at the start of every minute. */
  start(): void;
  tick(): Promise<TickReport>;
  /** Stops ticking and waits for posts in flight. */
  stop(): Promise<void>;
};

type Work = { sub: Subscription; key: DeliveryKey; seen?: SeenTips };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const MAX_BATCHES_PER_TICK = 1000;

function emptyReport(): TickReport {
  return { claimed: 0, sent: 0, skipped: 0, failed: 0, paused: 0, takenOver: 0, lost: 0 };
}

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
 * takes it over (compare-and-set on the lease) and sends it, so a kill between claim and
 * send still ends in one post. The remaining window: killed after Slack answered `ok` and
 * before the row says `sent` (one event-loop turn plus one group-commit transaction, a few
 * milliseconds) — then the takeover, after the lease, posts that tip a second time. Slack's
 * chat.postMessage has no idempotency key to close it.
 */
export function createReminderScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  const repo = options.reminders;
  const { client, knowledge, clock, logger, graceMs } = options;
  const concurrency = options.concurrency ?? 16;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const batchSize = options.batchSize ?? 500;
  const maxAttempts = options.maxAttempts ?? 4;
  const backoffMs = options.backoffMs ?? 500;
  const maxRateLimitWaits = options.maxRateLimitWaits ?? 10;
  const owner = options.instanceId ?? `scheduler-${randomUUID()}`;
  const sleep = options.sleep ?? realSleep;
  const pacer = createChannelPacer({
    spacingMs: options.channelSpacingMs ?? 1100,
    sleep,
    now: () => clock.now().getTime(),
  });
  /** Workspaces whose token Slack refused: nothing more is sent there by this process. */
  const disabledTeams = new Set<string>();

  let task: ScheduledTask | undefined;
  let running: Promise<TickReport> | undefined;
  let stopping = false;

  const leaseFrom = (now: Date) => new Date(now.getTime() + leaseMs);
  // Outcomes of posts are written in groups: one transaction per group, not per post.
  const committer = createGroupCommitter((items: FinishInput[]) => repo.finishMany(items), {
    onRetry: (error) => logger.warn({ err: error }, 'recording reminder outcomes failed; retrying'),
  });
  const finish = (input: FinishInput) => committer.add(input);

  // Time zone arithmetic is costly (Intl) and a busy minute repeats the same few schedules.
  const nextCache = new Map<string, Date>();
  const labelCache = new Map<string, string>();

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

  /** "Monday 30 November" in the subscription's zone, for the tip's heading. */
  function dateLabel(due: Date, timeZone: string): { label: string; isoDate: string } {
    const key = `${due.getTime()}|${timeZone}`;
    let cached = labelCache.get(key);
    if (!cached) {
      const local = DateTime.fromJSDate(due, { zone: timeZone });
      cached = `${local.toFormat('cccc d LLLL')}|${local.toISODate() ?? ''}`;
      if (labelCache.size > 10_000) labelCache.clear();
      labelCache.set(key, cached);
    }
    const [label = '', isoDate = ''] = cached.split('|');
    return { label, isoDate };
  }

  function isStale(due: Date, now: Date): boolean {
    return now.getTime() - due.getTime() > graceMs;
  }

  /** Claims a batch of due subscriptions; returns the occurrences this instance won. */
  async function claimBatch(due: readonly Subscription[], report: TickReport): Promise<Work[]> {
    const now = clock.now();
    const claims: ClaimInput[] = [];
    const claimable: Subscription[] = [];
    for (const sub of due) {
      if (!sub.nextRunAt) continue;
      const key = { subscriptionId: sub.id, dueAt: sub.nextRunAt };
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
        key,
        owner,
        leaseUntil: stale ? now : leaseFrom(now),
        status: stale ? 'skipped' : 'claimed',
        ...(stale ? { error: 'beyond grace window' } : {}),
        nextRunAt,
        now,
      });
    }
    const won = await repo.claimMany(claims);
    const work: Work[] = [];
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

  async function takeOverExpired(report: TickReport): Promise<Work[]> {
    const now = clock.now();
    const expired = await repo.findExpiredClaims(now, batchSize);
    const work: Work[] = [];
    for (const delivery of shuffled(expired)) {
      const taken = await takeOver(delivery, now, report);
      if (taken) work.push(taken);
    }
    return work;
  }

  async function takeOver(
    delivery: Delivery,
    now: Date,
    report: TickReport,
  ): Promise<Work | undefined> {
    if (!(await repo.takeOver(delivery, owner, leaseFrom(now)))) return undefined;
    const key = { subscriptionId: delivery.subscriptionId, dueAt: delivery.dueAt };
    const sub = await repo.get(delivery.subscriptionId);
    if (!sub) {
      await finish({ key, owner, status: 'skipped', error: 'subscription removed', now });
      return undefined;
    }
    if (isStale(delivery.dueAt, now)) {
      await finish({ key, owner, status: 'skipped', error: 'beyond grace window', now });
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

  /** Pauses every reminder Slack will not accept in that channel and tells its creator. */
  async function pauseForChannel(work: Work, code: string, report: TickReport): Promise<void> {
    const { sub } = work;
    const reason: PauseReason = pauseReason.safeParse(code).success
      ? (code as PauseReason)
      : 'restricted_action';
    const now = clock.now();
    await repo.setState(sub.id, { status: 'paused', pauseReason: reason, nextRunAt: null, now });
    report.paused++;
    logger.warn(
      { subscription: sub.id, channel: sub.channelId, team: sub.teamId, code },
      'reminder paused: Slack refused posts in its channel',
    );
    const notice = buildChannelPausedNotice(sub, code);
    try {
      await client.chat.postMessage({
        channel: sub.createdBy,
        text: notice.text,
        blocks: notice.blocks,
      });
    } catch (error) {
      logger.warn(
        { subscription: sub.id, user: sub.createdBy, code: classifySlackError(error).code },
        'could not tell the reminder creator that it was paused',
      );
    }
  }

  async function deliver(work: Work, report: TickReport): Promise<void> {
    const { sub, key } = work;
    if (disabledTeams.has(sub.teamId)) {
      await finish({
        key,
        owner,
        status: 'skipped',
        error: 'workspace disabled',
        now: clock.now(),
      });
      report.skipped++;
      return;
    }
    const seen = work.seen ?? (await repo.seenTips(sub.id));
    const picked = pickTip({
      knowledge: knowledge.current().knowledge,
      level: sub.level,
      topics: sub.topics,
      seen,
      seed: sub.id,
    });
    const local = dateLabel(key.dueAt, sub.timeZone);
    const message = buildTipMessage(picked.tip, {
      dateLabel: local.label,
      createdBy: sub.createdBy,
    });

    let attempt = 0;
    let rateLimitWaits = 0;
    for (;;) {
      attempt++;
      try {
        const answer = await pacer.run(sub.channelId, () =>
          client.chat.postMessage({
            channel: sub.channelId,
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            unfurl_media: false,
          }),
        );
        const now = clock.now();
        const endsPause =
          sub.pausedUntil && local.isoDate >= sub.pausedUntil ? sub.pausedUntil : undefined;
        const recorded = await finish({
          key,
          owner,
          status: 'sent',
          ...(answer.ts ? { messageTs: answer.ts } : {}),
          now,
          ...(endsPause ? { endsPause } : {}),
          tips: { picks: picked.picks, restarted: picked.restarted },
        });
        if (!recorded) {
          logger.error(
            { subscription: sub.id, dueAt: key.dueAt.toISOString() },
            'reminder sent, but the claim had passed to another instance (lease too short?)',
          );
        }
        report.sent++;
        return;
      } catch (error) {
        const failure = classifySlackError(error);
        const context = {
          subscription: sub.id,
          channel: sub.channelId,
          team: sub.teamId,
          code: failure.code,
          attempt,
        };
        if (failure.kind === 'channel') {
          await finish({ key, owner, status: 'failed', error: failure.code, now: clock.now() });
          report.failed++;
          await pauseForChannel(work, failure.code, report);
          return;
        }
        if (failure.kind === 'workspace') {
          disabledTeams.add(sub.teamId);
          logger.error(
            context,
            'Slack refused the bot token: reminders for this workspace stop until restart',
          );
          await finish({ key, owner, status: 'failed', error: failure.code, now: clock.now() });
          report.failed++;
          return;
        }
        const retryable =
          (failure.kind === 'rate-limited' && rateLimitWaits < maxRateLimitWaits) ||
          (failure.kind === 'transient' && attempt < maxAttempts);
        if (!retryable || stopping) {
          logger.error(context, 'reminder not sent');
          await finish({ key, owner, status: 'failed', error: failure.code, now: clock.now() });
          report.failed++;
          return;
        }
        const wait =
          failure.kind === 'rate-limited'
            ? failure.retryAfterMs
            : Math.min(backoffMs * 2 ** (attempt - 1), 30_000) * (0.5 + Math.random() / 2);
        if (failure.kind === 'rate-limited') rateLimitWaits++;
        // Keep the claim ours while we wait, or stop if another instance has taken it.
        const renewed = await repo.renewLease(
          key,
          owner,
          new Date(clock.now().getTime() + leaseMs + wait),
        );
        if (!renewed) {
          logger.warn(context, 'reminder claim lost while retrying; leaving it to its new owner');
          return;
        }
        logger.debug({ ...context, waitMs: Math.round(wait) }, 'reminder post will be retried');
        await sleep(wait);
      }
    }
  }

  async function runTick(): Promise<TickReport> {
    const report = emptyReport();
    const onError = (work: Work, error: unknown) => {
      report.failed++;
      logger.error({ err: error, subscription: work.sub.id }, 'reminder delivery crashed');
    };
    const recovered = await takeOverExpired(report);
    await runBounded(recovered, concurrency, (w) => deliver(w, report), onError);

    // Claiming the next batch overlaps with sending this one; never more than one batch is
    // sending, so at most `concurrency` posts are in flight and claims run one batch ahead.
    let sending: Promise<void> = Promise.resolve();
    for (let batch = 0; batch < MAX_BATCHES_PER_TICK && !stopping; batch++) {
      const due = await repo.findDue(clock.now(), batchSize, [...disabledTeams]);
      if (due.length === 0) break;
      const work = await claimBatch(due, report);
      await sending;
      sending = runBounded(work, concurrency, (w) => deliver(w, report), onError);
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
