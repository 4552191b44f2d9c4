import type { Feature } from '../../kernel/feature.js';
import { createAnotherQuestionAction } from './another-question-action.js';
import { LOOKUP_ACTION_PATTERNS } from './lookups-ids.js';

/**
 * Lookups: the guide's answers (`/hire glossary`, `questions`, `levels` …). Their subcommands
 * are in the /hire table (src/app/hire-subcommands.ts); this wires their own buttons.
 */
export const lookupsFeature: Feature = {
  name: 'lookups',
  register(registry, ctx) {
    registry.action(LOOKUP_ACTION_PATTERNS.anotherQuestion, createAnotherQuestionAction(ctx));
  },
};
