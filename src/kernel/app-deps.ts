import type { Logger } from 'pino';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Store } from './database/store.js';
import type { Knowledge } from './knowledge/schemas/knowledge-modules.js';
import type { KnowledgeLookup } from './knowledge/search/knowledge-lookup.js';

/**
 * Everything a listener may use, built once in main.ts (or a test) and passed down. Features
 * take what they need from here as parameters; none reads process.env or a module singleton.
 */
export type AppDeps = {
  config: Config;
  logger: Logger;
  knowledge: Knowledge;
  lookup: KnowledgeLookup;
  store: Store;
  clock: Clock;
};
