import type { App, MessageShortcut } from '@slack/bolt';
import type { AppDeps } from '../../app/app-deps.js';
import { SHORTCUTS } from '../../slack-ids.js';
import { createFlagResumeShortcut } from './flag-resume-shortcut.js';

/** Message and global shortcuts. */
export function register(app: App, deps: Pick<AppDeps, 'knowledge' | 'logger' | 'clock'>): void {
  app.shortcut<MessageShortcut>(
    { callback_id: SHORTCUTS.flagResume, type: 'message_action' },
    createFlagResumeShortcut(deps),
  );
}
