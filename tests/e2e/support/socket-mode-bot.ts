import { createApp, type HireBotApp } from '../../../src/app/create-app.js';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../src/dev/loopback-slack/loopback-slack.js';
import {
  createTestDeps,
  type LogCapture,
  type TestDeps,
  type TestDepsOptions,
} from '../../support/app-test-deps.js';

export type SocketModeBot = {
  slack: LoopbackSlack;
  deps: TestDeps;
  logs: LogCapture;
  bot: HireBotApp;
  /** The health port when HEALTH_PORT was set. */
  port: number | undefined;
  /** Stops the app, then closes the loopback Slack and the store. */
  stop(): Promise<void>;
};

/** The real app over Socket Mode against a fresh loopback Slack, connected and ready. */
export async function startSocketModeBot(
  options: TestDepsOptions = {},
  env: Record<string, string> = {},
): Promise<SocketModeBot> {
  const slack = await startLoopbackSlack();
  const { deps, logs } = await createTestDeps(
    {
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_APP_TOKEN: slack.appToken,
      SLACK_API_URL: slack.apiUrl,
      ...env,
    },
    options,
  );
  const bot = createApp(deps);
  const stop = async (): Promise<void> => {
    await bot.stop();
    await slack.close();
    await deps.store.close();
  };
  let port: number | undefined;
  try {
    ({ port } = await bot.start());
    await slack.socket.waitForConnection();
  } catch (error) {
    await stop();
    throw error;
  }
  return { slack, deps, logs, bot, port, stop };
}
