import type { Logger } from 'pino';
import { systemClock } from '../kernel/clock.js';
import type { Config } from '../kernel/config.js';
import { openStore, StoreError } from '../kernel/database/open-store.js';
import type { Store } from '../kernel/database/store.js';
import type { BackgroundJob, FeatureContext } from '../kernel/feature.js';
import { KnowledgeError, loadKnowledge } from '../kernel/knowledge/load-knowledge.js';
import type { Knowledge } from '../kernel/knowledge/schemas/knowledge-modules.js';
import { createLogger } from '../kernel/logging/create-logger.js';
import { createApp, DEFAULT_GRACE_MS } from './create-app.js';
import { createFeatureContext } from './feature-context.js';
import { allMigrations, FEATURES } from './features.js';
import { createShutdown, onShutdownSignals } from './shutdown.js';

/** What runs until shutdown: the Slack app, or the sandbox (which may end by itself). */
export type Running = {
  port: number | undefined;
  /** The Slack the bot really talks to (the sandbox substitutes its loopback's). */
  slack: { botToken: string; apiUrl: string };
  stop(): Promise<void>;
  finished?: Promise<void>;
};

/**
 * Starts what serves Slack's traffic: the Slack app by default; main.ts passes the sandbox's
 * starter instead when there are no credentials, so that dev tooling is loaded only then.
 */
export type FrontEnd = (ctx: FeatureContext) => Promise<Running>;

export type RunOptions = {
  /** Whether LOG_LEVEL was set: the sandbox is quiet (warn) unless asked otherwise. */
  logLevelExplicit: boolean;
  frontEnd?: FrontEnd;
};

/** A start-up failure with a message meant for the person starting the bot. */
class StartupError extends Error {}

/**
 * Boots the bot: logger, knowledge, store, the Bolt app (or the local sandbox when no Slack
 * credentials are set), then waits for SIGTERM / SIGINT (or the sandbox's end of input) and
 * stops gracefully. Start-up problems print one clear message on stderr and exit 1.
 */
export async function runHireBot(config: Config, options: RunOptions): Promise<void> {
  const sandbox = config.mode === 'sandbox';
  const logger = createLogger({
    level: sandbox && !options.logLevelExplicit ? 'warn' : config.logLevel,
    // The sandbox owns stdout for its prompt; its log lines go to stderr.
    fd: sandbox ? 2 : 1,
    secrets: [config.slack.botToken, config.slack.appToken, config.slack.signingSecret],
  });
  process.on('unhandledRejection', (reason) => {
    // A stray rejection must not take down a bot serving everyone else.
    logger.error({ err: reason }, 'unhandled promise rejection');
  });

  // Signals are routed from the start: a SIGTERM during start-up stops what has started.
  const parts: { running?: Running; jobs?: BackgroundJob[]; store?: Store } = {};
  const shutdown = createShutdown({
    logger,
    deadlineMs: DEFAULT_GRACE_MS + 5_000,
    stop: async () => {
      // All drain their work in flight; the store closes only after all are done.
      await Promise.all([...(parts.jobs ?? []).map((job) => job.stop()), parts.running?.stop()]);
      await parts.store?.close();
    },
  });
  onShutdownSignals(shutdown);

  try {
    const knowledge = loadKnowledgeOrExplain(config.knowledgeLocalDir);
    const store = await openStoreOrExplain(config, logger);
    parts.store = store;
    const ctx = createFeatureContext({ config, logger, knowledge, store, clock: systemClock });

    const running = await (options.frontEnd ?? startSlackApp)(ctx);
    parts.running = running;
    parts.jobs = FEATURES.flatMap((feature) =>
      feature.start ? [feature.start({ ...ctx, slack: running.slack })] : [],
    );

    void running.finished?.then(() => shutdown.run('end of input'));
    logger.info({ mode: config.mode, port: running.port }, 'ready');
  } catch (error) {
    await parts.store?.close().catch(() => undefined);
    if (!(error instanceof StartupError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

function loadKnowledgeOrExplain(localDir: string): Knowledge {
  try {
    return loadKnowledge({ localDir });
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    throw new StartupError(
      `hire-bot cannot start: the knowledge files are not valid.\n${error.message}`,
    );
  }
}

async function openStoreOrExplain(config: Config, logger: Logger): Promise<Store> {
  try {
    return await openStore(config.databaseUrl, { logger, migrations: allMigrations() });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    throw new StartupError(
      `hire-bot cannot start: ${error.message}\nCheck DATABASE_URL (see .env.example).`,
    );
  }
}

async function startSlackApp(deps: FeatureContext): Promise<Running> {
  const bot = createApp(deps);
  const { botToken, apiUrl } = deps.config.slack;
  try {
    const { port } = await bot.start();
    return { port, slack: { botToken: botToken ?? '', apiUrl }, stop: () => bot.stop() };
  } catch (error) {
    throw new StartupError(`hire-bot cannot start: ${describeStartError(error)}`);
  }
}

/** Slack's answer to auth.test or the listen error, in words a person can act on. */
function describeStartError(error: unknown): string {
  const code = (error as { code?: string; data?: { error?: string } }).data?.error;
  if (code === 'invalid_auth' || code === 'not_authed' || code === 'token_revoked') {
    return `Slack refused the token (${code}). Check SLACK_BOT_TOKEN (api.slack.com/apps → your app → OAuth & Permissions).`;
  }
  const errno = (error as { code?: string }).code;
  if (errno === 'EADDRINUSE') return 'the port is already in use. Set PORT to a free port.';
  return (error as Error).message ?? String(error);
}
