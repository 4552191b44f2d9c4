import type { Feature } from '../../kernel/feature.js';
import { createFlagResumeShortcut } from './flag-resume-shortcut.js';
import { createFlagResumeSubmission } from './flag-resume-submission.js';
import { resumeFlagsHomeSection } from './home-section.js';
import { FLAG_RESUME_SHORTCUT, FLAG_RESUME_VIEW } from './resume-flags-ids.js';
import * as resumeFlagsTable from './storage/migrations/001-resume-flags.js';

/**
 * Resume flags: the "Flag resume concerns" message shortcut, its review modal, and the flags it
 * stores (`/hire flags recent` is in the /hire table).
 */
export const resumeFlagsFeature: Feature = {
  name: 'resume-flags',
  migrations: { '001-resume-flags': resumeFlagsTable },
  homeSections: [resumeFlagsHomeSection],
  register(registry, ctx) {
    registry.messageShortcut(FLAG_RESUME_SHORTCUT, createFlagResumeShortcut(ctx));
    registry.viewSubmission(FLAG_RESUME_VIEW, createFlagResumeSubmission(ctx));
  },
};
