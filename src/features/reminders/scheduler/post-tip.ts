import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Clock } from '../../../kernel/clock.js';
import { classifySlackError } from '../../../kernel/slack/classify-slack-error.js';
import { buildChannelPausedNotice } from '../blocks/build-remind-replies.js';
import type { FinishInput, ReminderRepository } from '../storage/reminder-repository.js';
import { type PauseReason, pauseReason, type Subscription } from '../subscription.js';
import type { createChannelPacer } from './channel-pacer.js';
import type { ComposedTip, createTipComposer } from './compose-tip.js';
import type { ClaimedWork, TickReport } from './tick-report.js';

export type TipPosterOptions = {
  repo: ReminderRepository;
  client: WebClient;
  clock: Clock;
  logger: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
  owner: string;
  composer: ReturnType<typeof createTipComposer>;
  pacer: ReturnType<typeof createChannelPacer>;
  /** Records an outcome (group-committed); resolves with whether the claim was still ours. */
  finish: (input: FinishInput) => Promise<boolean>;
  leaseMs: number;
  /** Longest a post may take (the WebClient's timeout): a fenced lease outlasts it. */
  postTimeoutMs: number;
  maxAttempts: number;
  backoffMs: number;
  /** How late a tip may still go out: 429s are waited out until then. */
  graceMs: number;
  sleep: (ms: number) => Promise<void>;
  stopping: () => boolean;
  /** Whether the channel may get tips now (not shared with another organisation, or allowed). */
  channelAllowed?: (sub: Subscription) => Promise<boolean>;
};

type Attempt =
  | { kind: 'posted'; ts: string | undefined; okAt: number }
  | { kind: 'lost' }
  | { kind: 'unwanted' };

/**
 * Posts one claimed occurrence, at most once. Every try is fenced: right before
 * chat.postMessage, one statement confirms the claim is still this instance's and the
 * reminder still wants the tip, and extends the lease past the post's timeout; a claim that
 * was lost is dropped, a reminder turned off or paused since is skipped. Retries: 429 after
 * Retry-After for as long as the tip is within the grace window (Slack did nothing, so waiting
 * is always safe); failures after which Slack surely did nothing, with backoff. Stopping
 * during a wait hands the claim back (its lease ends now) for another instance to post. A failure after
 * which the tip may be in the channel already (timeout, connection reset, 5xx,
 * internal_error) is not retried: a tip possibly missed is better than one posted twice.
 */
export function createTipPoster(options: TipPosterOptions) {
  const { repo, client, clock, logger, owner, composer, pacer, finish, sleep } = options;
  /** Workspaces whose token Slack refused: nothing more is sent there by this process. */
  const disabledTeams = new Set<string>();
  const fenceLeaseMs = Math.max(options.leaseMs, 2 * options.postTimeoutMs);

  const fail = async (work: ClaimedWork, error: string, report: TickReport) => {
    await finish({ key: work.key, owner, status: 'failed', error, now: clock.now() });
    report.failed++;
  };

  /** Nothing was posted and this instance is stopping: the claim's lease ends now, for another. */
  const handBack = async (work: ClaimedWork, logged: object, report: TickReport) => {
    await repo.renewLease(work.key, owner, clock.now());
    report.released++;
    logger.info(logged, 'stopping: reminder handed back for another instance to post');
  };

  /** Pauses every reminder Slack will not accept in that channel and tells its creator. */
  async function pauseForChannel(work: ClaimedWork, code: string, report: TickReport) {
    const { sub } = work;
    const reason: PauseReason = pauseReason.safeParse(code).success
      ? (code as PauseReason)
      : 'restricted_action';
    await repo.setState(sub.id, {
      status: 'paused',
      pauseReason: reason,
      nextRunAt: null,
      now: clock.now(),
    });
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

  /** Waits the channel's turn, fences, posts. */
  function attempt(work: ClaimedWork, tip: ComposedTip): Promise<Attempt> {
    const { sub, key } = work;
    return pacer.run(sub.channelId, async (): Promise<Attempt> => {
      const leaseUntil = new Date(clock.now().getTime() + fenceLeaseMs);
      const fenced = await repo.fence(key, owner, leaseUntil, tip.localDate);
      if (fenced !== 'ours') return { kind: fenced };
      const answer = await client.chat.postMessage({
        channel: sub.channelId,
        text: tip.message.text,
        blocks: tip.message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      return { kind: 'posted', ts: answer.ts, okAt: performance.now() };
    });
  }

  async function recordSent(
    work: ClaimedWork,
    tip: ComposedTip,
    posted: Extract<Attempt, { kind: 'posted' }>,
    report: TickReport,
  ) {
    const { sub, key } = work;
    const now = clock.now();
    const marked = await repo.markSent(key, owner, now, posted.ts);
    report.maxUnrecordedMs = Math.max(report.maxUnrecordedMs, performance.now() - posted.okAt);
    const endsPause =
      sub.pausedUntil && tip.localDate >= sub.pausedUntil ? sub.pausedUntil : undefined;
    const recorded = await finish({
      key,
      owner,
      status: 'sent',
      ...(posted.ts ? { messageTs: posted.ts } : {}),
      now,
      ...(endsPause ? { endsPause } : {}),
      tips: { picks: tip.picks, restarted: tip.restarted },
    });
    if (!marked || !recorded) {
      logger.error(
        { subscription: sub.id, dueAt: key.dueAt.toISOString() },
        'reminder sent, but the claim had passed to another instance',
      );
    }
    report.sent++;
  }

  return {
    async post(work: ClaimedWork, report: TickReport): Promise<void> {
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
      if (options.channelAllowed && !(await options.channelAllowed(sub))) {
        const error = 'channel shared with another organisation';
        await finish({ key, owner, status: 'skipped', error, now: clock.now() });
        report.skipped++;
        await pauseForChannel(work, 'shared_channel', report);
        return;
      }
      const seen = work.seen ?? (await repo.seenTips(sub.id));
      const tip = composer.compose(sub, key.dueAt, seen);

      let tries = 0;
      for (;;) {
        tries++;
        const context = {
          subscription: sub.id,
          channel: sub.channelId,
          team: sub.teamId,
          attempt: tries,
        };
        try {
          const result = await attempt(work, tip);
          if (result.kind === 'lost') {
            report.lost++;
            logger.warn(context, 'reminder claim lost to another instance before posting; dropped');
            return;
          }
          if (result.kind === 'unwanted') {
            const error = 'turned off or paused since it was claimed';
            await finish({ key, owner, status: 'skipped', error, now: clock.now() });
            report.skipped++;
            return;
          }
          await recordSent(work, tip, result, report);
          return;
        } catch (error) {
          const failure = classifySlackError(error);
          const logged = { ...context, code: failure.code };
          if (failure.kind === 'channel') {
            await fail(work, failure.code, report);
            await pauseForChannel(work, failure.code, report);
            return;
          }
          if (failure.kind === 'workspace') {
            disabledTeams.add(sub.teamId);
            logger.error(
              logged,
              'Slack refused the bot token: reminders for this workspace stop until restart',
            );
            await fail(work, failure.code, report);
            return;
          }
          if (failure.kind === 'transient' && failure.maybeDone) {
            report.maybeSent++;
            logger.warn(
              logged,
              'reminder may or may not be in the channel; not retried, so it is never posted twice',
            );
            await fail(work, `maybe-sent:${failure.code}`, report);
            return;
          }
          const wait =
            failure.kind === 'rate-limited'
              ? failure.retryAfterMs
              : Math.min(options.backoffMs * 2 ** (tries - 1), 30_000) * (0.5 + Math.random() / 2);
          const retryable =
            (failure.kind === 'rate-limited' &&
              clock.now().getTime() + wait <= key.dueAt.getTime() + options.graceMs) ||
            (failure.kind === 'transient' && tries < options.maxAttempts);
          if (!retryable) {
            logger.error(logged, 'reminder not sent');
            await fail(work, failure.code, report);
            return;
          }
          if (options.stopping()) {
            await handBack(work, logged, report);
            return;
          }
          // Keep the claim while waiting; the fence before the next try checks it again.
          const until = new Date(clock.now().getTime() + fenceLeaseMs + wait);
          if (!(await repo.renewLease(key, owner, until))) {
            report.lost++;
            logger.warn(
              logged,
              'reminder claim lost while waiting to retry; leaving it to its new owner',
            );
            return;
          }
          logger.debug({ ...logged, waitMs: Math.round(wait) }, 'reminder post will be retried');
          await sleep(wait);
          if (options.stopping()) {
            await handBack(work, logged, report);
            return;
          }
        }
      }
    },
    disabledTeams: (): string[] => [...disabledTeams],
  };
}
