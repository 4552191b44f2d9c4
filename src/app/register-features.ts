import type { App } from '@slack/bolt';
import type { Feature, FeatureContext } from '../kernel/feature.js';
import { SLASH_COMMAND } from '../kernel/hire-command/hire-command-ids.js';
import { registerHireCommand } from '../kernel/hire-command/register-hire-command.js';
import { createAccessGate } from '../kernel/slack/access/access-gate.js';
import { createMembership } from '../kernel/slack/access/membership.js';
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
  const hireText = (body: unknown) => {
    const { command, text } = body as { command?: unknown; text?: unknown };
    return command === SLASH_COMMAND ? String(text ?? '') : undefined;
  };
  const router = createListenerRouter({
    firstDelivery: events.firstDelivery,
    logger: ctx.logger.child({ component: 'router' }),
    gate: createAccessGate({
      membership: createMembership({ clock: ctx.clock }),
      allowGuests: ctx.config.allowGuests,
      logger: ctx.logger.child({ component: 'access' }),
      // `/hire help` is open to anyone: it says what the caller may use.
      isOpen: (body) => {
        const text = hireText(body);
        return text !== undefined && 'help' in ctx.hire.route(text);
      },
    }),
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
