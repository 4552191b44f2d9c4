import { createApp, type HireBotApp } from '../../../src/app/create-app.js';
import type { LoopbackSlack } from '../../../src/dev/loopback-slack/loopback-slack.js';
import { createTestDeps, type TestDeps } from '../../support/app-test-deps.js';

/** The signing secret the HTTP bots of the end-to-end tests share with their loopback Slack. */
export const SIGNING_SECRET = 'c0ffee00c0ffee00c0ffee00c0ffee00';

export type HttpBot = {
  deps: TestDeps;
  bot: HireBotApp;
  /** Where Slack posts: `/slack/events` on the bot's port. */
  url: string;
  stop(): Promise<void>;
};

/** The real app in HTTP mode, talking to `slack`, on a free port. */
export async function startHttpBot(
  slack: LoopbackSlack,
  options: Parameters<typeof createTestDeps>[1] = {},
): Promise<HttpBot> {
  const { deps } = await createTestDeps(
    {
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_MODE: 'http',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
    },
    options,
  );
  const bot = createApp(deps);
  const { port } = await bot.start();
  return {
    deps,
    bot,
    url: `http://127.0.0.1:${port}/slack/events`,
    async stop() {
      await bot.stop();
      await deps.store.close();
    },
  };
}
