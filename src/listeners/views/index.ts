import type { AppDeps } from '../../app/app-deps.js';
import { VIEWS } from '../../slack-ids.js';
import type { ListenerRegistry } from '../listener-router.js';
import { createFlagResumeSubmission } from './flag-resume-submission.js';

/** Modal submissions. */
export function register(
  registry: ListenerRegistry,
  deps: Pick<AppDeps, 'knowledge' | 'logger' | 'clock' | 'store'>,
): void {
  registry.viewSubmission(VIEWS.flagResume, createFlagResumeSubmission(deps));
}
