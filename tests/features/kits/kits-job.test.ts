import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../src/dev/loopback-slack/loopback-slack.js';
import { checkMessageLimits } from '../../../src/dev/slack-limits.js';
import type { DeletedCounts } from '../../../src/features/kits/kit-records.js';
import { createKitsJob } from '../../../src/features/kits/kits-job.js';
import { planKit } from '../../../src/features/kits/plan-kit.js';
import { createLogger } from '../../../src/kernel/logging/create-logger.js';
import { fixtureKnowledge } from '../../support/fixture-knowledge.js';
import { createManualClock } from '../../support/manual-clock.js';
import { forPostgres, type TestStore } from '../../support/test-stores.js';

const knowledge = fixtureKnowledge();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = new Date('2026-03-02T09:00:00.000Z');
const PANEL = ['U0ALICE', 'U0BOB'];
const logger = createLogger({ level: 'silent' });

let slack: LoopbackSlack;
beforeEach(async () => {
  slack = await startLoopbackSlack();
  for (const id of [...PANEL, 'U0MANAGER']) {
    slack.workspace.addUser({ id, name: id.toLowerCase(), tz: 'UTC' });
  }
});
afterEach(async () => {
  await slack.close();
});

const client = () =>
  new WebClient(slack.botToken, {
    slackApiUrl: slack.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
/** Direct messages the loopback received, by recipient. */
const dmsTo = (userId: string) =>
  slack.callsTo('chat.postMessage').filter((c) => c.args.channel === userId && c.outcome === 'ok');

async function kitWithInterview(store: TestStore, interviewAt: Date, createdAt = T0) {
  const planned = planKit(
    { level: 'senior', minutes: 45, areas: [], seed: 'job', panel: PANEL },
    knowledge,
  );
  if (!planned.ok) throw new Error('no plan');
  return store.kits.saveKit({
    teamId: 'T0TEAM1',
    createdBy: 'U0MANAGER',
    candidateLabel: 'Backend #42',
    plan: planned.plan,
    destination: { kind: 'private' },
    interviewAt,
    panel: PANEL,
    createdAt,
  });
}

/** A repository that records retention runs and finds no reminders. */
function countingKits() {
  const drops: Date[] = [];
  const none: DeletedCounts = { kits: 0, scorecards: 0 };
  return {
    drops,
    kits: {
      findDueScoreReminders: async () => [],
      claimScoreReminder: async () => false,
      getKit: async () => undefined,
      dropOlderThan: async (cutoff: Date) => {
        drops.push(cutoff);
        return none;
      },
    },
  };
}

describe('kits background job', () => {
  it('drops old data on its first tick and then once a day by its clock', async () => {
    const clock = createManualClock(T0);
    const { kits, drops } = countingKits();
    const job = createKitsJob({ kits, client: client(), clock, logger, retentionDays: 180 });
    await job.tick();
    expect(drops).toEqual([new Date(T0.getTime() - 180 * DAY)]);
    clock.advance(23 * HOUR);
    expect((await job.tick()).dropped).toBeUndefined();
    clock.advance(HOUR);
    expect((await job.tick()).dropped).toEqual({ kits: 0, scorecards: 0 });
    expect(drops).toHaveLength(2);
  });

  it('ticks at once on start, then every period, and stops', async () => {
    const { kits, drops } = countingKits();
    const clock = createManualClock(T0);
    const job = createKitsJob({
      kits,
      client: client(),
      clock,
      logger,
      retentionDays: 30,
      everyMs: 20,
      retentionEveryMs: 0,
    });
    job.start();
    await new Promise((resolve) => setTimeout(resolve, 150));
    await job.stop();
    const ticks = drops.length;
    expect(ticks).toBeGreaterThanOrEqual(3);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(drops).toHaveLength(ticks);
  });

  it('waits out a 429 and sends the reminder, but does not resend one Slack may have taken', async () => {
    const { kits } = countingKits();
    const reminder = {
      kitId: '00000000-0000-4000-8000-000000000001',
      teamId: 'T0TEAM1',
      interviewer: 'U0ALICE',
      interviewEndsAt: T0,
    };
    const planned = planKit({ level: 'mid', minutes: 30, areas: [], seed: 'r' }, knowledge);
    if (!planned.ok) throw new Error('no plan');
    const kit = {
      id: reminder.kitId,
      teamId: 'T0TEAM1',
      createdBy: 'U0MANAGER',
      plan: planned.plan,
      destination: { kind: 'private' as const },
      panel: ['U0ALICE'],
      createdAt: T0,
    };
    const slept: number[] = [];
    const job = createKitsJob({
      kits: {
        ...kits,
        findDueScoreReminders: async () => [reminder],
        claimScoreReminder: async () => true,
        getKit: async () => kit,
      },
      client: client(),
      clock: createManualClock(T0),
      logger,
      retentionDays: 180,
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    slack.rateLimit('chat.postMessage', { retryAfterSeconds: 2, times: 1 });
    expect((await job.tick()).reminders).toMatchObject({ sent: 1, failed: 0 });
    expect(slept).toEqual([2000]);
    expect(dmsTo('U0ALICE')).toHaveLength(1);

    slack.failNext('chat.postMessage', 'internal_error');
    expect((await job.tick()).reminders).toMatchObject({ sent: 0, failed: 1 });
    expect(dmsTo('U0ALICE')).toHaveLength(1);
  });
});

forPostgres('kits background job, three instances on one database', (backend) => {
  it('sends each "please score" reminder exactly once, with the Score button', async () => {
    const stores = [
      await backend.store(),
      await backend.openAnother(),
      await backend.openAnother(),
    ];
    const interview = T0;
    const kit = await kitWithInterview(stores[0] as TestStore, interview);
    // Bob has scored already; Alice has not.
    await stores[0]?.kits.saveScorecard({
      kitId: kit.id,
      teamId: kit.teamId,
      interviewer: 'U0BOB',
      ratings: {},
      tickedPoints: {},
      redFlags: {},
      recommendation: 'yes',
      createdAt: interview,
    });
    // Two hours after the 45-minute interview ended, on every instance's clock.
    const clock = createManualClock(new Date(interview.getTime() + 45 * 60_000 + 2 * HOUR));
    const jobs = stores.map((store, i) =>
      createKitsJob({
        kits: store.kits,
        client: client(),
        clock,
        logger,
        retentionDays: 180,
        instanceId: `instance-${i}`,
      }),
    );
    for (let round = 0; round < 3; round++) {
      await Promise.all(jobs.map((job) => job.tick()));
      clock.advance(60_000);
    }
    const sent = dmsTo('U0ALICE');
    expect(sent).toHaveLength(1);
    expect(dmsTo('U0BOB')).toEqual([]);
    const blocks = sent[0]?.args.blocks;
    expect(Array.isArray(blocks)).toBe(true);
    expect(
      checkMessageLimits({ text: String(sent[0]?.args.text), blocks: [blocks].flat() }),
    ).toEqual([]);
    expect(JSON.stringify(blocks)).toContain(kit.id);
    expect(JSON.stringify(blocks)).toContain('kit_score');
    for (const job of jobs) await job.stop();
  });

  it('drops kits and scorecards past the retention period', async () => {
    const store = await backend.store();
    const old = await kitWithInterview(store, T0, new Date(T0.getTime() - 200 * DAY));
    const fresh = await kitWithInterview(store, T0, T0);
    const job = createKitsJob({
      kits: store.kits,
      client: client(),
      clock: createManualClock(T0),
      logger,
      retentionDays: 180,
    });
    expect((await job.tick()).dropped).toEqual({ kits: 1, scorecards: 0 });
    expect(await store.kits.getKit(old.teamId, old.id)).toBeUndefined();
    expect(await store.kits.getKit(fresh.teamId, fresh.id)).toBeDefined();
  });
});
