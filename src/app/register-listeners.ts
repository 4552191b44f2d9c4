import type { App } from '@slack/bolt';
import { register as registerActions } from '../listeners/actions/index.js';
import { register as registerCommands } from '../listeners/commands/index.js';
import { createListenerRouter, type ListenerRegistry } from '../listeners/listener-router.js';
import { register as registerShortcuts } from '../listeners/shortcuts/index.js';
import { register as registerViews } from '../listeners/views/index.js';
import type { AppDeps } from './app-deps.js';

/**
 * Every listener kind, each from its src/listeners/<kind>/index.ts, behind one Bolt middleware
 * that runs only the listener a request is for (see listener-router.ts for why).
 */
export function registerListeners(app: App, deps: AppDeps): void {
  const router = createListenerRouter();
  registerAllListeners(router, deps);
  app.use(router.middleware);
}

/** The registrations themselves; the manifest test reads them through a recording registry. */
export function registerAllListeners(registry: ListenerRegistry, deps: AppDeps): void {
  registerCommands(registry, deps);
  registerActions(registry, deps);
  registerShortcuts(registry, deps);
  registerViews(registry, deps);
}
