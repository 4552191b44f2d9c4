import type { App, BlockAction } from '@slack/bolt';
import type { AppDeps } from '../../app/app-deps.js';
import { ACTION_PATTERNS } from '../../slack-ids.js';
import { createAnotherQuestionAction } from './another-question-action.js';
import { createOpenAction } from './open-action.js';
import { createShareAction } from './share-action.js';

/** Button handlers; patterns because repeated buttons in one block carry `:N` suffixes. */
export function register(app: App, deps: AppDeps): void {
  app.action<BlockAction>(ACTION_PATTERNS.share, createShareAction(deps));
  app.action<BlockAction>(ACTION_PATTERNS.open, createOpenAction(deps));
  app.action<BlockAction>(ACTION_PATTERNS.anotherQuestion, createAnotherQuestionAction(deps));
}
