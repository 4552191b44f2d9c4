import type { AppDeps } from '../../app/app-deps.js';
import { SHORTCUTS } from '../../slack-ids.js';
import type { ListenerRegistry } from '../listener-router.js';
import { createFlagResumeShortcut } from './flag-resume-shortcut.js';

/** Message shortcuts. */
export function register(
  registry: ListenerRegistry,
  deps: Pick<AppDeps, 'knowledge' | 'logger' | 'clock'>,
): void {
  registry.messageShortcut(SHORTCUTS.flagResume, createFlagResumeShortcut(deps));
}
