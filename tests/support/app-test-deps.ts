import { Writable } from 'node:stream';
import type { AppDeps } from '../../src/kernel/app-deps.js';
import { createManualClock } from '../../src/kernel/clock.js';
import { type Config, parseConfig } from '../../src/kernel/config.js';
import { openStore } from '../../src/kernel/database/open-store.js';
import type { Knowledge } from '../../src/kernel/knowledge/schemas/knowledge-modules.js';
import { createKnowledgeLookup } from '../../src/kernel/knowledge/search/knowledge-lookup.js';
import { createLogger } from '../../src/kernel/logging/create-logger.js';
import { fixtureKnowledge } from './fixture-knowledge.js';

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
 * AppDeps for in-process tests: fixture knowledge, an in-memory SQLite store (close it with
 * `deps.store.close()`), a manual clock and a logger whose JSON lines land in `logs`.
 */
export async function createTestDeps(
  env: Record<string, string | undefined> = {},
  options: TestDepsOptions = {},
): Promise<{ deps: AppDeps; logs: LogCapture }> {
  const config = testConfig(env);
  const { capture, stream } = captureLogs();
  const logger = createLogger({
    level: 'debug',
    destination: stream,
    secrets: [config.slack.botToken, config.slack.appToken, config.slack.signingSecret],
  });
  const knowledge = options.knowledge ?? fixtureKnowledge();
  const store = await openStore(options.databaseUrl ?? 'sqlite::memory:', { logger });
  return {
    deps: {
      config,
      logger,
      knowledge,
      lookup: createKnowledgeLookup(knowledge),
      store,
      clock: createManualClock('2026-03-02T09:00:00Z'),
    },
    logs: capture,
  };
}
