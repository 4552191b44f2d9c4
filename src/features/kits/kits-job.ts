import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Clock } from '../../kernel/clock.js';
import type { BackgroundJob } from '../../kernel/feature.js';
import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import { classifySlackError } from '../../kernel/slack/classify-slack-error.js';
import type { DeletedCounts } from './kit-records.js';
import {
  retentionCutoff,
  type ScoreReminderSweep,
  sweepScoreReminders,
} from './score-reminder-sweep.js';
import type { KitRepository } from './storage/kit-repository.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** Tries of one reminder when Slack says it did nothing (429, unavailable, refused). */
const SEND_ATTEMPTS = 3;

export type KitsJobOptions = {
  kits: Pick<
    KitRepository,
    'findDueScoreReminders' | 'claimScoreReminder' | 'getKit' | 'dropOlderThan'
  >;
  /** Sends the reminders; best without retries of its own (see createKitsWebClient). */
  client: WebClient;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** HIRE_RETENTION_DAYS: kits and scorecards older than this are dropped. */
  retentionDays: number;
  /** How often reminders are looked for (default every minute). */
  everyMs?: number;
  /** How often old data is dropped (default once a day; the first tick drops at once). */
  retentionEveryMs?: number;
  /** Names this instance in reminder claims (default a random id). */
  instanceId?: string;
  /** Waiting before a retry, injectable so that tests need not wait out Retry-After. */
  sleep?: (ms: number) => Promise<void>;
};

export type KitsTick = { reminders: ScoreReminderSweep; dropped?: DeletedCounts };

export type KitsJob = BackgroundJob & {
  /** Ticks now, then every `everyMs`. */
  start(): void;
  /** One pass: due reminders, and retention when its day has come. Never overlaps itself. */
  tick(): Promise<KitsTick>;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The kits feature's background work, run by every instance: each "please score" reminder
 * that has come due is claimed in the database (one instance wins each) and sent once as a
 * direct message with the Score button; once a day, kits and scorecards past the retention
 * period are dropped. A reminder whose send fails after Slack may have taken it is not sent
 * again: a missed nudge is better than two.
 */
export function createKitsJob(options: KitsJobOptions): KitsJob {
  const { kits, client, clock, logger } = options;
  const everyMs = options.everyMs ?? MINUTE_MS;
  const retentionEveryMs = options.retentionEveryMs ?? DAY_MS;
  const owner = options.instanceId ?? `kits-${randomUUID()}`;
  const sleep = options.sleep ?? realSleep;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<KitsTick> | undefined;
  let lastDrop: number | undefined;

  async function send(channel: string, message: SlackMessage) {
    for (let attempt = 1; ; attempt++) {
      try {
        // A user id as the channel lands in the app's direct messages with that person.
        await client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
        });
        return;
      } catch (error) {
        const failure = classifySlackError(error);
        const untouched =
          failure.kind === 'rate-limited' || (failure.kind === 'transient' && !failure.maybeDone);
        if (!untouched || attempt >= SEND_ATTEMPTS) throw error;
        await sleep(failure.kind === 'rate-limited' ? failure.retryAfterMs : 1000 * attempt);
      }
    }
  }

  async function runTick(): Promise<KitsTick> {
    const now = clock.now();
    const reminders = await sweepScoreReminders({
      kits,
      now,
      owner,
      send: (reminder, message) => send(reminder.interviewer, message),
      onError: (error, reminder) =>
        logger.warn(
          { err: error, kit: reminder.kitId, interviewer: reminder.interviewer },
          'score reminder not sent',
        ),
    });
    if (reminders.due > 0) logger.info({ ...reminders }, 'score reminders swept');
    const tick: KitsTick = { reminders };
    if (lastDrop === undefined || now.getTime() - lastDrop >= retentionEveryMs) {
      tick.dropped = await kits.dropOlderThan(retentionCutoff(now, options.retentionDays));
      lastDrop = now.getTime();
      if (tick.dropped.kits + tick.dropped.scorecards > 0) {
        logger.info({ ...tick.dropped, days: options.retentionDays }, 'old kits dropped');
      }
    }
    return tick;
  }

  const tick = (): Promise<KitsTick> => {
    running ??= runTick().finally(() => {
      running = undefined;
    });
    return running;
  };
  const tickLogged = () => {
    tick().catch((error: unknown) => logger.error({ err: error }, 'kits background tick failed'));
  };

  return {
    start() {
      if (timer !== undefined) return;
      tickLogged();
      timer = setInterval(tickLogged, everyMs);
      // The app's server keeps the process alive; this timer alone should not.
      timer.unref();
    },
    tick,
    async stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
