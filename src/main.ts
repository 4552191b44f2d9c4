import dotenv from 'dotenv';
import { parseConfig } from './kernel/config.js';

// `.env` fills in what the environment leaves unset; quiet keeps dotenv's banner off stdout.
dotenv.config({ quiet: true });

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  process.stderr.write(`${parsed.message}\n`);
  process.exit(1);
}

// Loaded only once the configuration is known to be good, so that a bad one is reported fast.
const { runHireBot } = await import('./app/run-hire-bot.js');
await runHireBot(parsed.config, {
  logLevelExplicit: Boolean(process.env.LOG_LEVEL?.trim()),
  stdin: process.stdin,
  stdout: process.stdout,
});
