import { pino } from 'pino';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../../../src/dev/loopback-slack/loopback-slack.js';
import type { ReminderSettings } from '../../../../../src/features/reminders/reminder-settings.js';
import { nextRunAfter } from '../../../../../src/features/reminders/schedule/next-run.js';
import {
  createReminderScheduler,
  type ReminderSchedulerOptions,
} from '../../../../../src/features/reminders/scheduler/reminder-scheduler.js';
import { createReminderWebClient } from '../../../../../src/features/reminders/scheduler/reminder-web-client.js';
import { staticKnowledgeSource } from '../../../../../src/kernel/knowledge/knowledge-source.js';
import { fixtureKnowledge } from '../../../../support/fixture-knowledge.js';
import { createManualClock } from '../../../../support/manual-clock.js';
import type { TestStore } from '../../../../support/test-stores.js';

export const HOUR = 3_600_000;
export const CREATOR = 'U0LOOPBACK';

export type LogLine = { level: number; msg: string; [key: string]: unknown };

const knowledge = staticKnowledgeSource(fixtureKnowledge());

/**
 * A loopback Slack whose clock is the test's manual clock, a capturing logger, and helpers to
 * subscribe channels and build schedulers on a given store. `waits` records every pause a
 * scheduler asked for (Retry-After, backoff, channel spacing) instead of sleeping.
 */
export async function startReminderHarness(start: string) {
  const clock = createManualClock(start);
  const slack: LoopbackSlack = await startLoopbackSlack({ now: () => clock.now().getTime() });
  const logs: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const waits: number[] = [];

  function addChannels(count: number, prefix = 'CHIRE'): string[] {
    return Array.from({ length: count }, (_, i) => {
      const id = `${prefix}${String(i).padStart(5, '0')}`;
      slack.workspace.addChannel({ id, name: id.toLowerCase(), botIsMember: true });
      return id;
    });
  }

  async function subscribe(
    store: TestStore,
    channelId: string,
    settings: Partial<ReminderSettings> = {},
  ) {
    const full: ReminderSettings = {
      localTime: '09:00',
      timeZone: 'Europe/Berlin',
      days: [1, 2, 3, 4, 5],
      topics: ['questions', 'glossary', 'mistakes', 'expectations'],
      ...settings,
    };
    const { sub } = await store.reminders.upsert({
      teamId: slack.teamId,
      channelId,
      createdBy: CREATOR,
      settings: full,
      nextRunAt: nextRunAfter(full, clock.now()),
      now: clock.now(),
    });
    return sub;
  }

  function scheduler(store: TestStore, options: Partial<ReminderSchedulerOptions> = {}) {
    return createReminderScheduler({
      reminders: store.reminders,
      client: createReminderWebClient({ token: slack.botToken, slackApiUrl: slack.apiUrl }),
      knowledge,
      clock,
      logger,
      graceMs: 2 * HOUR,
      sleep: async (ms) => {
        waits.push(ms);
      },
      ...options,
    });
  }

  /** Successful chat.postMessage calls, optionally to one channel. */
  function posts(channel?: string) {
    return slack
      .callsTo('chat.postMessage')
      .filter((c) => c.outcome === 'ok' && (channel === undefined || c.args.channel === channel));
  }

  return {
    clock,
    slack,
    logs,
    logger,
    waits,
    addChannels,
    subscribe,
    scheduler,
    posts,
    close: () => slack.close(),
  };
}

export type ReminderHarness = Awaited<ReturnType<typeof startReminderHarness>>;
