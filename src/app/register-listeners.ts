import type { App } from '@slack/bolt';
import { register as registerShortcuts } from '../features/resume-flags/register.js';
import { register as registerViews } from '../features/resume-flags/register-views.js';
import type { AppDeps } from '../kernel/app-deps.js';
import { register as registerActions } from '../kernel/hire-command/actions/index.js';
import { createListenerRouter, type ListenerRegistry } from '../kernel/slack/listener-router.js';
import { register as registerCommands } from './register-hire-command.js';

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
