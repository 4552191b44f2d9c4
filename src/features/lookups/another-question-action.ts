import type { AppDeps } from '../../kernel/app-deps.js';
import { createReplaceAnswerHandler } from '../../kernel/hire-command/actions/replace-answer.js';

/** "Another question" (ACTIONS.anotherQuestion): the next set of questions replaces this one. */
export const createAnotherQuestionAction = (deps: AppDeps) =>
  createReplaceAnswerHandler(deps, 'another-question-action');
