import { createInterface } from 'node:readline';
import { createApp, type HireBotApp } from '../../app/create-app.js';
import type { FrontEnd } from '../../app/run-hire-bot.js';
import type { Config } from '../../kernel/config.js';
import type { FeatureContext } from '../../kernel/feature.js';
import { type LoopbackSlack, startLoopbackSlack } from '../loopback-slack/loopback-slack.js';
import { DEFAULT_CHANNEL_ID, DEFAULT_USER_ID } from '../loopback-slack/workspace.js';
import { createSession } from './sandbox-session.js';
import { bannerText } from './sandbox-text.js';
import { createTranscript } from './transcript.js';

export type SandboxIo = { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };

export type RunningSandbox = {
  port: undefined;
  /** Token and Web API URL of the loopback Slack, for the bot's other clients. */
  slack: { botToken: string; apiUrl: string };
  /** The loopback Slack the bot is connected to (tests look inside). */
  loopback: LoopbackSlack;
  bot: HireBotApp;
  /** Resolves at the end of input or on /quit. */
  finished: Promise<void>;
  stop(): Promise<void>;
};

/** Longest wait for the bot's follow-ups (respond, posts) before the next line is read. */
const SETTLE_MS = 5_000;

/**
 * The local sandbox: with no Slack credentials, the same Bolt app runs over Socket Mode
 * against the project's loopback Slack, and a prompt turns typed lines into slash commands,
 * button presses, the message shortcut and modal submissions, printing what Slack would show.
 * Lines are handled one at a time, each after the previous one's follow-ups, so piped input
 * (CI, `npm start < script`) gives the same transcript as typing.
 */
export async function startSandbox(deps: FeatureContext, io: SandboxIo): Promise<RunningSandbox> {
  const slack = await startLoopbackSlack();
  const config: Config = {
    ...deps.config,
    mode: 'socket',
    slack: {
      ...deps.config.slack,
      botToken: slack.botToken,
      appToken: slack.appToken,
      apiUrl: slack.apiUrl,
    },
  };
  const bot = createApp({ ...deps, config });
  try {
    await bot.start();
  } catch (error) {
    await slack.close();
    throw error;
  }

  const write = (text: string) => {
    io.output.write(text);
  };
  const interactive = (io.input as { isTTY?: boolean }).isTTY === true;
  const transcript = createTranscript(slack, DEFAULT_USER_ID, write);
  const session = createSession({
    slack,
    transcript,
    userId: DEFAULT_USER_ID,
    channelId: DEFAULT_CHANNEL_ID,
    write,
  });
  write(bannerText(slack.baseUrl));

  const rl = createInterface({
    input: io.input,
    output: interactive ? io.output : undefined,
    terminal: interactive,
    prompt: 'hire> ',
  });
  // Ctrl-C at the prompt leaves like Ctrl-D (readline would otherwise just pause).
  rl.on('SIGINT', () => rl.close());

  let busy = false;
  // Posts can arrive between lines (a reminder, a late follow-up): show them as they come.
  const watcher = setInterval(() => {
    if (busy) return;
    if (transcript.pass() && interactive) rl.prompt(true);
  }, 200);

  const settle = async () => {
    const deadline = Date.now() + SETTLE_MS;
    while (bot.inFlight() > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    transcript.pass();
  };

  const finished = (async () => {
    if (interactive) rl.prompt();
    for await (const line of rl) {
      busy = true;
      const outcome = await session.handle(line);
      await settle();
      busy = false;
      if (outcome === 'quit') break;
      if (interactive) rl.prompt();
    }
    rl.close();
  })();

  let stopping: Promise<void> | undefined;
  return {
    port: undefined,
    slack: { botToken: slack.botToken, apiUrl: slack.apiUrl },
    loopback: slack,
    bot,
    finished,
    stop() {
      stopping ??= (async () => {
        clearInterval(watcher);
        rl.close();
        await bot.stop();
        await slack.close();
      })();
      return stopping;
    },
  };
}

/** The sandbox as the bot's front end (see FrontEnd in src/app/run-hire-bot.ts). */
export const sandboxFrontEnd =
  (io: SandboxIo): FrontEnd =>
  (ctx) =>
    startSandbox(ctx, io);
