import { LogLevel, WebClient } from '@slack/web-api';
import type { Feature } from '../../kernel/feature.js';
import { HIRE_ACTION_PATTERNS } from '../../kernel/hire-command/hire-command-ids.js';
import { createAgainAction } from './again-action.js';
import { createBuildKitButton } from './build-kit-button.js';
import { createBuildKitShortcut } from './build-kit-shortcut.js';
import { createKitRequestSubmission } from './kit-request-submission.js';
import { kitsHomeSection } from './kits-home-section.js';
import {
  BUILD_KIT_SHORTCUT,
  KIT_ACTION_PATTERNS,
  KIT_REQUEST_VIEW,
  KIT_SCORECARD_VIEW,
} from './kits-ids.js';
import { createKitsJob } from './kits-job.js';
import { createScoreAction } from './score-action.js';
import { createScorecardSubmission } from './scorecard-submission.js';
import { createKitRepository } from './storage/kit-repository.js';
import * as kitsTables from './storage/migrations/006-kits-scorecards.js';

/**
 * Interview kits and scorecards: `/hire kit` and `/hire scorecards` (in the /hire table), the
 * "Build interview kit" shortcut (and the Home's button) and its modal, the Score and Again buttons, the scorecard
 * modal, the Home's "Interviews to score", and the background job that sends each "please
 * score" reminder once (every instance runs it; the store's claims decide) and drops kits and
 * scorecards past HIRE_RETENTION_DAYS.
 */
export const kitsFeature: Feature = {
  name: 'kits',
  migrations: { '006-kits-scorecards': kitsTables },
  register(registry, ctx) {
    registry.globalShortcut(BUILD_KIT_SHORTCUT, createBuildKitShortcut(ctx));
    registry.action(HIRE_ACTION_PATTERNS.buildKit, createBuildKitButton(ctx));
    registry.viewSubmission(KIT_REQUEST_VIEW, createKitRequestSubmission(ctx));
    registry.action(KIT_ACTION_PATTERNS.score, createScoreAction(ctx));
    registry.action(KIT_ACTION_PATTERNS.again, createAgainAction(ctx));
    registry.viewSubmission(KIT_SCORECARD_VIEW, createScorecardSubmission(ctx));
  },
  homeSections: [kitsHomeSection],
  start(ctx) {
    const job = createKitsJob({
      kits: createKitRepository(ctx.store),
      // Reminders are claimed before they are sent, so the client must not resend on its own.
      client: new WebClient(ctx.slack.botToken, {
        slackApiUrl: ctx.slack.apiUrl,
        rejectRateLimitedCalls: true,
        retryConfig: { retries: 0 },
        timeout: 15_000,
        logLevel: LogLevel.ERROR,
      }),
      clock: ctx.clock,
      logger: ctx.logger.child({ component: 'kits' }),
      retentionDays: ctx.config.retentionDays,
    });
    job.start();
    return job;
  },
};
