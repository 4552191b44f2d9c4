import dotenv from 'dotenv';
import { parseConfig } from './kernel/config.js';

// `.env` fills in what the environment leaves unset; quiet keeps dotenv's banner off stdout.
dotenv.config({ quiet: true });

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  process.stderr.write(`${parsed.message}\n`);
  process.exit(1);
}
const { config } = parsed;

// Loaded only once the configuration is known to be good, so that a bad one is reported fast.
const { runHireBot } = await import('./app/run-hire-bot.js');
// Dev tooling (the loopback Slack and the sandbox) is loaded only when there are no Slack
// credentials; with them, nothing of it is imported.
const frontEnd =
  config.mode === 'sandbox'
    ? (await import('./dev/sandbox/start-sandbox.js')).sandboxFrontEnd({
        input: process.stdin,
        output: process.stdout,
      })
    : undefined;
await runHireBot(config, {
  logLevelExplicit: Boolean(process.env.LOG_LEVEL?.trim()),
  ...(frontEnd ? { frontEnd } : {}),
});
