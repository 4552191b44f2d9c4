import type { App } from '@slack/bolt';
import { register as registerActions } from '../listeners/actions/index.js';
import { register as registerCommands } from '../listeners/commands/index.js';
import { register as registerShortcuts } from '../listeners/shortcuts/index.js';
import { register as registerViews } from '../listeners/views/index.js';
import type { AppDeps } from './app-deps.js';

/** Every listener kind, each from its src/listeners/<kind>/index.ts. */
export function registerListeners(app: App, deps: AppDeps): void {
  registerCommands(app, deps);
  registerActions(app, deps);
  registerShortcuts(app, deps);
  registerViews(app, deps);
}
