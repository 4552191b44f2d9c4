import type { App } from '@slack/bolt';
import type { Feature, FeatureContext } from '../kernel/feature.js';
import { registerHireCommand } from '../kernel/hire-command/register-hire-command.js';
import { createEventDeliveryLog } from '../kernel/slack/event-deliveries.js';
import { createListenerRouter, type ListenerRegistry } from '../kernel/slack/listener-router.js';
import { FEATURES } from './features.js';

/**
 * Every feature's listeners and `/hire`, behind one Bolt middleware that runs only the
 * listener a request is for (see kernel/slack/listener-router.ts for why).
 */
export function registerFeatures(
  app: App,
  ctx: FeatureContext,
  features: readonly Feature[] = FEATURES,
): void {
  const events = createEventDeliveryLog(ctx.store, ctx.clock);
  const router = createListenerRouter({
    firstDelivery: events.firstDelivery,
    logger: ctx.logger.child({ component: 'router' }),
  });
  registerAllListeners(router, ctx, features);
  app.use(router.middleware);
}

/** The registrations themselves; the manifest test reads them through a recording registry. */
export function registerAllListeners(
  registry: ListenerRegistry,
  ctx: FeatureContext,
  features: readonly Feature[] = FEATURES,
): void {
  registerHireCommand(registry, ctx.hire, ctx);
  for (const feature of features) feature.register?.(registry, ctx);
}
