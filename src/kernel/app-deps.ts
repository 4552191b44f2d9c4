import type { Logger } from 'pino';
import type { AppEvents } from './app-events.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Store } from './database/store.js';
import type { KnowledgeSource } from './knowledge/knowledge-source.js';
import type { TeamKnowledgeLayer } from './knowledge/layered-knowledge-source.js';

/**
 * Everything a feature may use, built once at boot (src/app/run-hire-bot.ts) or by a test and
 * passed down. Features take what they need from here as parameters; none reads process.env
 * or a module singleton.
 */
export type AppDeps = {
  config: Config;
  logger: Logger;
  knowledge: KnowledgeSource;
  /** Where the team's Slack-added entries are put in place; `knowledge` answers with them. */
  teamLayer: TeamKnowledgeLayer;
  store: Store;
  clock: Clock;
  events: AppEvents;
};
