import type { Feature } from '../../kernel/feature.js';
import { HIRE_ACTION_PATTERNS } from '../../kernel/hire-command/hire-command-ids.js';
import { createAddToGlossaryAction } from './add-to-glossary-action.js';
import { createEntrySubmission } from './entry-submission.js';
import { pendingHomeSection } from './pending-home-section.js';
import { createReviewAction } from './review-action.js';
import * as teamEntryTables from './storage/migrations/009-team-entries.js';
import {
  GLOSSARY_ENTRY_VIEW,
  QUESTION_ENTRY_VIEW,
  TEAM_ENTRY_ACTION_PATTERNS,
} from './team-knowledge-ids.js';
import { startTeamLayerJob } from './team-layer-job.js';

/**
 * Team knowledge: terms and questions the team adds in Slack (`/hire glossary add`, `/hire
 * questions add`, the "Add to the glossary" button), approved by an admin when HIRE_ADMINS is
 * set, edited or removed by their author or an admin, and answered from on every instance
 * sharing the database within a poll (the layer of `knowledge`).
 */
export const teamKnowledgeFeature: Feature = {
  name: 'team-knowledge',
  migrations: { '009-team-entries': teamEntryTables },
  homeSections: [pendingHomeSection],
  register(registry, ctx) {
    registry.action(HIRE_ACTION_PATTERNS.addToGlossary, createAddToGlossaryAction(ctx));
    registry.viewSubmission(GLOSSARY_ENTRY_VIEW, createEntrySubmission('glossary', ctx));
    registry.viewSubmission(QUESTION_ENTRY_VIEW, createEntrySubmission('questions', ctx));
    registry.action(TEAM_ENTRY_ACTION_PATTERNS.approve, createReviewAction('approve', ctx));
    registry.action(TEAM_ENTRY_ACTION_PATTERNS.reject, createReviewAction('reject', ctx));
  },
  start: (ctx) => startTeamLayerJob(ctx),
};
