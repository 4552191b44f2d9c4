import { WebClient } from '@slack/web-api';
import type { FeatureContext } from '../../kernel/feature.js';
import { createBoltLogger } from '../../kernel/logging/bolt-logger.js';

type ClientDeps = Pick<FeatureContext, 'config' | 'logger'>;

const base = (ctx: ClientDeps) => ({
  slackApiUrl: ctx.config.slack.apiUrl,
  logger: createBoltLogger(ctx.logger.child({ component: 'home' })),
});

/**
 * For republishing a Home outside any request (home-changed): the same token and API URL as
 * the app's own client (the sandbox's config points both at its loopback), a bounded wait,
 * and few retries (the next opening publishes anyway).
 */
export function createHomeWebClient(ctx: ClientDeps): WebClient {
  return new WebClient(ctx.config.slack.botToken, {
    ...base(ctx),
    retryConfig: { retries: 2 },
    timeout: 10_000,
  });
}

/**
 * What the Home's sections ask Slack through (who is in a channel): it fails at once on a
 * 429 instead of pausing for Retry-After, which on the app's own client would hold up every
 * other call, views.publish included. A section shows what it could not check instead.
 */
export function createSectionWebClient(ctx: ClientDeps): WebClient {
  return new WebClient(ctx.config.slack.botToken, {
    ...base(ctx),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 3_000,
  });
}
