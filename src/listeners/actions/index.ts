import type { App, BlockAction } from '@slack/bolt';
import type { AppDeps } from '../../app/app-deps.js';
import { ACTION_PATTERNS } from '../../slack-ids.js';
import { createAnotherQuestionAction } from './another-question-action.js';
import type { ButtonArgs } from './button-value.js';
import { createOpenAction } from './open-action.js';
import { createShareAction } from './share-action.js';

/** Matches every button id of ours (and their `:N` suffixes), so one Bolt listener serves all. */
const ANY_HIRE_BUTTON = new RegExp(
  Object.values(ACTION_PATTERNS)
    .map((pattern) => `(?:${pattern.source})`)
    .join('|'),
);

/**
 * Button handlers, one per file, behind a single Bolt listener that routes by action_id.
 * Bolt runs every registered listener's middleware for every request (a slash command too),
 * so one listener for the three buttons keeps that per-request cost down (measured in
 * bench/request-path.bench.ts).
 */
export function register(app: App, deps: AppDeps): void {
  const routes: Array<[RegExp, (args: ButtonArgs) => Promise<void>]> = [
    [ACTION_PATTERNS.share, createShareAction(deps)],
    [ACTION_PATTERNS.open, createOpenAction(deps)],
    [ACTION_PATTERNS.anotherQuestion, createAnotherQuestionAction(deps)],
  ];
  app.action<BlockAction>(ANY_HIRE_BUTTON, async (args) => {
    const actionId = args.action.action_id;
    const route = routes.find(([pattern]) => pattern.test(actionId));
    // ANY_HIRE_BUTTON is the union of the routes' patterns, so a route always exists.
    if (route) await route[1](args);
  });
}
