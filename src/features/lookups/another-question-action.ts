import type { FeatureContext } from '../../kernel/feature.js';
import { createReplaceAnswerHandler } from '../../kernel/hire-command/actions/replace-answer.js';

/** "Another question" (LOOKUP_ACTIONS.anotherQuestion): the next set replaces this one. */
export const createAnotherQuestionAction = (ctx: FeatureContext) =>
  createReplaceAnswerHandler(ctx.hire, ctx, 'another-question-action');
