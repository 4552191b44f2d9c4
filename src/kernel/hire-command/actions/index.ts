import { createAnotherQuestionAction } from '../../../features/lookups/another-question-action.js';
import { ACTION_PATTERNS } from '../../../slack-ids.js';
import type { AppDeps } from '../../app-deps.js';
import type { ListenerRegistry } from '../../slack/listener-router.js';
import { createOpenAction } from './open-action.js';
import { createShareAction } from './share-action.js';

/** Button handlers, one per file, each for its action_id (and its `:N` suffixes). */
export function register(registry: ListenerRegistry, deps: AppDeps): void {
  registry.action(ACTION_PATTERNS.share, createShareAction(deps));
  registry.action(ACTION_PATTERNS.open, createOpenAction(deps));
  registry.action(ACTION_PATTERNS.anotherQuestion, createAnotherQuestionAction(deps));
}
