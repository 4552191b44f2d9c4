import type { AppDeps } from '../../app/app-deps.js';
import { ACTION_PATTERNS } from '../../slack-ids.js';
import type { ListenerRegistry } from '../listener-router.js';
import { createAnotherQuestionAction } from './another-question-action.js';
import { createOpenAction } from './open-action.js';
import { createShareAction } from './share-action.js';

/** Button handlers, one per file, each for its action_id (and its `:N` suffixes). */
export function register(registry: ListenerRegistry, deps: AppDeps): void {
  registry.action(ACTION_PATTERNS.share, createShareAction(deps));
  registry.action(ACTION_PATTERNS.open, createOpenAction(deps));
  registry.action(ACTION_PATTERNS.anotherQuestion, createAnotherQuestionAction(deps));
}
