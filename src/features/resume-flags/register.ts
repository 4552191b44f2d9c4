import type { Feature } from '../../kernel/feature.js';
import { fileDownloadOrigins } from './attachments/download-origins.js';
import { drainBeforeClose } from './attachments/drain-before-close.js';
import {
  type AttachmentReader,
  createAttachmentReader,
} from './attachments/read-resume-attachments.js';
import { createFlagResumeShortcut } from './flag-resume-shortcut.js';
import { createFlagResumeSubmission } from './flag-resume-submission.js';
import { resumeFlagsHomeSection } from './home-section.js';
import { FLAG_RESUME_SHORTCUT, FLAG_RESUME_VIEW } from './resume-flags-ids.js';
import * as resumeFlagsTable from './storage/migrations/001-resume-flags.js';
import * as resumeFlagsByTeam from './storage/migrations/007-resume-flags-by-team.js';

/**
 * Resume flags: the "Flag resume concerns" message shortcut, its review modal, and the flags it
 * stores (`/hire flags recent` is in the /hire table).
 *
 * The shortcut reads attached files through an attachment reader, which owns child processes.
 * `register` makes one for the app it registers on (an app per process in production, so one
 * reader per process), allowed to download from Slack's file host only, plus a loopback Web API
 * URL's own origin (tests, sandbox). `start` returns the job that closes them at shutdown,
 * after the reads in flight end.
 */
export function createResumeFlagsFeature(): Feature {
  const readers = new Set<AttachmentReader>();
  return {
    name: 'resume-flags',
    migrations: {
      '001-resume-flags': resumeFlagsTable,
      '007-resume-flags-by-team': resumeFlagsByTeam,
    },
    homeSections: [resumeFlagsHomeSection],
    register(registry, ctx) {
      const reader = drainBeforeClose(
        createAttachmentReader({
          logger: ctx.logger.child({ component: 'resume-attachments' }),
          downloadOrigins: fileDownloadOrigins(ctx.config.slack.apiUrl),
        }),
      );
      readers.add(reader);
      registry.messageShortcut(FLAG_RESUME_SHORTCUT, createFlagResumeShortcut({ ...ctx, reader }));
      registry.viewSubmission(FLAG_RESUME_VIEW, createFlagResumeSubmission(ctx));
    },
    start() {
      return {
        async stop() {
          const open = [...readers];
          readers.clear();
          await Promise.all(open.map((reader) => reader.close()));
        },
      };
    },
  };
}

export const resumeFlagsFeature: Feature = createResumeFlagsFeature();
