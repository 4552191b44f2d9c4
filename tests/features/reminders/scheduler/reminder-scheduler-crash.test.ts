import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachBackend } from '../../../support/test-stores.js';
import { type ReminderHarness, startReminderHarness } from './support/reminder-harness.js';

const childScript = fileURLToPath(new URL('./fixtures/claim-then-hang.ts', import.meta.url));

forEachBackend('reminder scheduler after a crash', (backend) => {
  let h: ReminderHarness;
  beforeEach(async () => {
    h = await startReminderHarness('2026-11-30T07:00:00Z');
  });
  afterEach(() => h.close());

  /** Subscribes one channel, lets a child claim its due tip and die at `hangAt`. */
  async function dieWhileDelivering(hangAt: 'fence' | 'post') {
    const store = await backend.store();
    const [channel] = h.addChannels(1);
    const sub = await h.subscribe(store, channel as string);
    const due = '2026-11-30T08:00:10.000Z';
    h.clock.set(due);

    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        childScript,
        JSON.stringify({
          database: backend.database(),
          apiUrl: h.slack.apiUrl,
          token: h.slack.botToken,
          now: due,
          hangAt,
        }),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on('exit', (_c, signal) => done(signal)),
    );
    for await (const line of createInterface({ input: child.stdout })) {
      if (line === 'hanging') child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    return { store, channel, sub };
  }

  it('a process killed after claiming and before the fence leads, on restart, to exactly one post', async () => {
    const { store, channel, sub } = await dieWhileDelivering('fence');
    // The child claimed the occurrence and moved the schedule on, then died.
    expect(await store.reminders.listDeliveries()).toEqual([
      expect.objectContaining({ status: 'claimed', claimedBy: 'doomed' }),
    ]);
    expect((await store.reminders.get(sub.id))?.nextRunAt?.toISOString()).toBe(
      '2026-12-01T08:00:00.000Z',
    );

    const restarted = h.scheduler(await backend.openAnother(), { instanceId: 'restarted' });
    // While the dead claim's lease runs, nobody sends (the owner might still be alive).
    expect(await restarted.tick()).toMatchObject({ sent: 0 });
    h.clock.advance(61_000);
    expect(await restarted.tick()).toMatchObject({ takenOver: 1, sent: 1 });
    expect(await restarted.tick()).toMatchObject({ sent: 0 });

    expect(h.posts(channel)).toHaveLength(1);
    expect(await store.reminders.listDeliveries()).toEqual([
      expect.objectContaining({ status: 'sent', claimedBy: 'restarted', attempts: 2 }),
    ]);
  });

  it('a process killed while its post may be under way is not posted again on restart', async () => {
    const { store, channel } = await dieWhileDelivering('post');
    expect(await store.reminders.listDeliveries()).toEqual([
      expect.objectContaining({ status: 'posting', claimedBy: 'doomed' }),
    ]);
    const restarted = h.scheduler(await backend.openAnother(), { instanceId: 'restarted' });
    h.clock.advance(61_000);
    expect(await restarted.tick()).toMatchObject({ sent: 0, maybeSent: 1 });
    expect(await restarted.tick()).toMatchObject({ sent: 0, maybeSent: 0 });
    expect(h.posts(channel)).toHaveLength(0);
    expect(await store.reminders.listDeliveries()).toEqual([
      expect.objectContaining({
        status: 'failed',
        claimedBy: 'restarted',
        error: 'maybe-sent:owner stopped while posting',
      }),
    ]);
  });
});
