import type { AppDeps } from '../../app-deps.js';
import { createReplaceAnswerHandler } from './replace-answer.js';

/** Pick-list entries, related terms and pages (ACTIONS.open): open the chosen answer in place. */
export const createOpenAction = (deps: AppDeps) => createReplaceAnswerHandler(deps, 'open-action');
