import { Writable } from 'node:stream';
import { createFeatureContext } from '../../src/app/feature-context.js';
import { type Config, parseConfig } from '../../src/kernel/config.js';
import type { FeatureContext } from '../../src/kernel/feature.js';
import type { Knowledge } from '../../src/kernel/knowledge/schemas/knowledge-modules.js';
import { createLogger } from '../../src/kernel/logging/create-logger.js';
import { fixtureKnowledge } from './fixture-knowledge.js';
import { createManualClock } from './manual-clock.js';
import { openTestStore, type TestStore } from './test-stores.js';

/** What features get at boot, with the test store's repositories at hand. */
export type TestDeps = FeatureContext & { store: TestStore };

/** Log lines a test can read back (JSON objects, already redacted). */
export type LogCapture = { lines: Array<Record<string, unknown>>; raw: () => string };

export function captureLogs(): { capture: LogCapture; stream: Writable } {
  const chunks: string[] = [];
  const capture: LogCapture = {
    lines: [],
    raw: () => chunks.join(''),
  };
  const stream = new Writable({
    write(chunk, _encoding, done) {
      const text = chunk.toString();
      chunks.push(text);
      for (const line of text.split('\n').filter(Boolean)) capture.lines.push(JSON.parse(line));
      done();
    },
  });
  return { capture, stream };
}

/** A Config as parseConfig builds it from `env` (throws on an invalid env). */
export function testConfig(env: Record<string, string | undefined>): Config {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.config;
}

/** What a test may choose instead of the defaults of createTestDeps. */
export type TestDepsOptions = {
  /** Default: the small fixture knowledge. */
  knowledge?: Knowledge;
  /** Default: an in-memory SQLite store. */
  databaseUrl?: string;
};

/**
 * The app's dependencies for in-process tests: fixture knowledge, an in-memory SQLite store
 * (close it with `deps.store.close()`), a manual clock, the /hire table, and a logger whose
 * JSON lines land in `logs`.
 */
export async function createTestDeps(
  env: Record<string, string | undefined> = {},
  options: TestDepsOptions = {},
): Promise<{ deps: TestDeps; logs: LogCapture }> {
  const config = testConfig(env);
  const { capture, stream } = captureLogs();
  const logger = createLogger({
    level: 'debug',
    destination: stream,
    secrets: [config.slack.botToken, config.slack.appToken, config.slack.signingSecret],
  });
  const knowledge = options.knowledge ?? fixtureKnowledge();
  const clock = createManualClock('2026-03-02T09:00:00Z');
  const store = await openTestStore(options.databaseUrl ?? 'sqlite::memory:', { logger });
  return {
    deps: { ...createFeatureContext({ config, logger, knowledge, store, clock }), store, clock },
    logs: capture,
  };
}
