import type { TestStore } from './test-stores.js';

export const HEAVY_TEAM = 'T0LOOPBACK';
export const HEAVY_USER = 'U0HEAVY';

/** Channel of the heavy user's i-th reminder (the i-th made, so the newest has the largest i). */
export const heavyChannel = (i: number) => `C${String(i).padStart(4, '0')}X`;

/**
 * A heavy Home: 200 reminders (one channel each, set up a minute apart) and 100 flags (private
 * and in threads, a minute apart) of one person, and a flag of someone else's. For the Home's
 * tests and its benchmark.
 */
export async function seedHeavyUser(
  store: Pick<TestStore, 'reminders' | 'flags'>,
  options: { reminders?: number; flags?: number } = {},
): Promise<void> {
  const start = Date.UTC(2026, 0, 5, 8);
  for (let i = 0; i < (options.reminders ?? 200); i++) {
    await store.reminders.upsert({
      teamId: HEAVY_TEAM,
      channelId: heavyChannel(i),
      createdBy: HEAVY_USER,
      settings: {
        localTime: `${String(6 + (i % 14)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
        timeZone: i % 2 ? 'Europe/Berlin' : 'America/New_York',
        days: i % 3 ? [1, 2, 3, 4, 5] : [1, 3, 5],
        topics: ['questions', 'glossary', 'mistakes', 'expectations'],
        ...(i % 4 ? { level: 'senior' as const } : {}),
      },
      nextRunAt: new Date(start + 86_400_000),
      now: new Date(start + i * 60_000),
    });
  }
  for (let i = 0; i < (options.flags ?? 100); i++) {
    await store.flags.save({
      teamId: HEAVY_TEAM,
      channelId: 'C0HIRING',
      messageTs: `1767600000.${String(i).padStart(6, '0')}`,
      permalink: `https://loopback.slack/archives/C0HIRING/p1767600000${String(i).padStart(6, '0')}`,
      flaggedBy: HEAVY_USER,
      concerns: [],
      note: `Ask about the gap in year ${2000 + (i % 20)} & the on-call load`,
      deliveredTo: i % 2 ? 'private' : 'thread',
      createdAt: new Date(start + i * 60_000),
    });
  }
  await store.flags.save({
    teamId: HEAVY_TEAM,
    channelId: 'C0HIRING',
    messageTs: '1767600000.999999',
    flaggedBy: 'U0SOMEONE',
    concerns: [],
    note: 'not yours',
    deliveredTo: 'private',
    createdAt: new Date(start + 500 * 60_000),
  });
}
