/**
 * One scheduler instance of the reminder fault run (reminder-fault-run.ts): ticks every
 * 100 ms against the shared database and the parent's loopback Slack, with its own bot token
 * (so that the parent can tell whose post is whose), and prints each tick's report as a line
 * `tick {…}`. It runs until killed.
 * Argument: JSON { database: { url, options }, apiUrl, token, instanceId, leaseMs, concurrency }.
 */
import { pino } from 'pino';
import { allMigrations } from '../../src/app/features.js';
import { createReminderScheduler } from '../../src/features/reminders/scheduler/reminder-scheduler.js';
import { createReminderWebClient } from '../../src/features/reminders/scheduler/reminder-web-client.js';
import { createReminderRepository } from '../../src/features/reminders/storage/reminder-repository.js';
import { systemClock } from '../../src/kernel/clock.js';
import { openStore } from '../../src/kernel/database/open-store.js';
import { staticKnowledgeSource } from '../../src/kernel/knowledge/knowledge-source.js';
import { loadKnowledge } from '../../src/kernel/knowledge/load-knowledge.js';

const input = JSON.parse(process.argv[2] ?? '{}');
const store = await openStore(input.database.url, {
  ...input.database.options,
  migrations: allMigrations(),
});
const postTimeoutMs = 5_000;
const scheduler = createReminderScheduler({
  reminders: createReminderRepository(store),
  client: createReminderWebClient({
    token: input.token,
    slackApiUrl: input.apiUrl,
    timeoutMs: postTimeoutMs,
  }),
  knowledge: staticKnowledgeSource(loadKnowledge()),
  clock: systemClock,
  logger: pino({ level: 'silent' }),
  graceMs: 2 * 3_600_000,
  leaseMs: input.leaseMs,
  postTimeoutMs,
  concurrency: input.concurrency,
  instanceId: input.instanceId,
});
for (;;) {
  const report = await scheduler.tick();
  process.stdout.write(`tick ${JSON.stringify(report)}\n`);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
