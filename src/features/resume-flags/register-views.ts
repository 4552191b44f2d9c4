import type { AppDeps } from '../../kernel/app-deps.js';
import type { ListenerRegistry } from '../../kernel/slack/listener-router.js';
import { VIEWS } from '../../slack-ids.js';
import { createFlagResumeSubmission } from './flag-resume-submission.js';

/** Modal submissions. */
export function register(
  registry: ListenerRegistry,
  deps: Pick<AppDeps, 'knowledge' | 'logger' | 'clock' | 'store'>,
): void {
  registry.viewSubmission(VIEWS.flagResume, createFlagResumeSubmission(deps));
}
