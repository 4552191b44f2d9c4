import type { AppDeps } from '../../app-deps.js';
import type { HireCommand } from '../hire-command.js';
import { createReplaceAnswerHandler } from './replace-answer.js';

/** Pick-list entries, related terms and pages (HIRE_ACTIONS.open): open the chosen answer in place. */
export const createOpenAction = (hire: HireCommand, deps: Pick<AppDeps, 'knowledge' | 'logger'>) =>
  createReplaceAnswerHandler(hire, deps, 'open-action');
