import { WebClient } from '@slack/web-api';
import type { FeatureContext } from '../../kernel/feature.js';
import { createBoltLogger } from '../../kernel/logging/bolt-logger.js';

/**
 * The Web API client for republishing a Home outside any request (home-changed): the same
 * token and API URL as the app's own client (the sandbox's config points both at its
 * loopback), a bounded wait, and few retries (the next opening publishes anyway).
 */
export function createHomeWebClient(ctx: Pick<FeatureContext, 'config' | 'logger'>): WebClient {
  return new WebClient(ctx.config.slack.botToken, {
    slackApiUrl: ctx.config.slack.apiUrl,
    logger: createBoltLogger(ctx.logger.child({ component: 'home' })),
    retryConfig: { retries: 2 },
    timeout: 10_000,
  });
}
