/**
 * The floor: the smallest Bolt app that answers `/hire`. It acks a constant string, so its
 * figures are what Bolt, Node and the receiver cost on this machine with nothing of ours in
 * the way. Started as a child process by bench/request-path.bench.ts with the same Node flags
 * and the same kind of environment as the real app (it reads the same variable names).
 */
import { App, LogLevel } from '@slack/bolt';
import { SLASH_COMMAND } from '../../src/kernel/hire-command/hire-command-ids.js';

const env = process.env;
const mode = env.SLACK_MODE === 'socket' ? 'socket' : 'http';
const slackApiUrl = env.SLACK_API_URL;
const clientOptions = slackApiUrl ? { slackApiUrl } : {};

const app =
  mode === 'socket'
    ? new App({
        token: env.SLACK_BOT_TOKEN,
        appToken: env.SLACK_APP_TOKEN,
        socketMode: true,
        clientOptions,
        logLevel: LogLevel.WARN,
      })
    : new App({
        token: env.SLACK_BOT_TOKEN,
        signingSecret: env.SLACK_SIGNING_SECRET ?? '',
        clientOptions,
        logLevel: LogLevel.WARN,
        // Same readiness probe as the real app, so start-up is measured the same way.
        customRoutes: [
          {
            path: '/health',
            method: ['GET'],
            handler: (_req, res) => {
              res.writeHead(200, { 'content-type': 'text/plain' });
              res.end('ok');
            },
          },
        ],
      });

app.command(SLASH_COMMAND, async ({ ack }) => {
  await ack('constant');
});

async function main(): Promise<void> {
  if (mode === 'socket') await app.start();
  else await app.start(Number(env.PORT ?? 3000));
  // The parent waits for this line in Socket Mode (there is no /health to poll there).
  process.stdout.write('floor ready\n');
}

function stop(): void {
  app.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}

process.once('SIGTERM', stop);
process.once('SIGINT', stop);

main().catch((error: unknown) => {
  process.stderr.write(`floor app failed to start: ${String(error)}\n`);
  process.exit(1);
});
