import type { AppDeps } from '../../kernel/app-deps.js';
import type { ListenerRegistry } from '../../kernel/slack/listener-router.js';
import { SHORTCUTS } from '../../slack-ids.js';
import { createFlagResumeShortcut } from './flag-resume-shortcut.js';

/** Message shortcuts. */
export function register(
  registry: ListenerRegistry,
  deps: Pick<AppDeps, 'knowledge' | 'logger' | 'clock'>,
): void {
  registry.messageShortcut(SHORTCUTS.flagResume, createFlagResumeShortcut(deps));
}
