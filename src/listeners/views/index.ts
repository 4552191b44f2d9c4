import type { App, ViewSubmitAction } from '@slack/bolt';
import type { AppDeps } from '../../app/app-deps.js';
import { VIEWS } from '../../slack-ids.js';
import { createFlagResumeSubmission } from './flag-resume-submission.js';

/** Modal submissions. */
export function register(
  app: App,
  deps: Pick<AppDeps, 'knowledge' | 'logger' | 'clock' | 'store'>,
): void {
  app.view<ViewSubmitAction>(
    { callback_id: VIEWS.flagResume, type: 'view_submission' },
    createFlagResumeSubmission(deps),
  );
}
