import type { AppDeps } from '../kernel/app-deps.js';
import { createAppEvents } from '../kernel/app-events.js';
import type { FeatureContext } from '../kernel/feature.js';
import { createLayeredKnowledgeSource } from '../kernel/knowledge/layered-knowledge-source.js';
import type { Knowledge } from '../kernel/knowledge/schemas/knowledge-modules.js';
import { createChannelAudience } from '../kernel/slack/access/channel-audience.js';
import { homeSectionsOf } from './features.js';
import { createAppHireCommand } from './hire-subcommands.js';

export type FeatureContextInput = Pick<AppDeps, 'config' | 'logger' | 'store' | 'clock'> & {
  /** The files' knowledge; the team-knowledge feature layers the Slack-added entries on it. */
  knowledge: Knowledge;
};

/**
 * What every feature receives, made the same way at boot, in the tests and in the benchmarks:
 * the knowledge as a layered source, the events bus, the /hire table, the Home sections and
 * the channel-audience cache.
 */
export function createFeatureContext(input: FeatureContextInput): FeatureContext {
  const layered = createLayeredKnowledgeSource(input.knowledge);
  return {
    config: input.config,
    logger: input.logger,
    knowledge: layered.source,
    teamLayer: layered.layer,
    store: input.store,
    clock: input.clock,
    events: createAppEvents(input.logger),
    hire: createAppHireCommand(),
    homeSections: homeSectionsOf(),
    channelAudience: createChannelAudience({ clock: input.clock }),
  };
}
