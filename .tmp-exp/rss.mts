import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startLoopbackSlack } from '../src/loopback-slack/loopback-slack.ts';
import { freePort, spawnNodeChild } from '../bench/support/node-child.ts';
import { runHttpLoad } from '../bench/support/http-load.ts';
import { signedSlashCommandRequests } from '../bench/support/slash-command-requests.ts';
const SECRET = '8f3c5e0a9b7d41e2a6c0f5b3d9e7a1c4';
const slack = await startLoopbackSlack({ botToken: 'xoxb-1', recordCalls: false });
const port = await freePort();
const child = spawnNodeChild({ name: 'app', script: 'dist/src/main.js', nodeFlags: ['--enable-source-maps'], cwd: process.cwd(), cpus: '1',
  env: { PATH: process.env.PATH!, HOME: tmpdir(), NODE_ENV: 'production', LOG_LEVEL: 'warn', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_MODE: 'http', PORT: String(port), SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, DATABASE_URL: `sqlite:${join(tmpdir(), `rss-${Date.now()}.db`)}` } });
await child.waitForHttpOk(`http://127.0.0.1:${port}/health`, 30000);
const payloads = ['glossary Kafka','questions senior','search idempotency','help','glosary kafak'].map((text) => slack.payloads.slashCommand({ text }));
await runHttpLoad({ url: `http://127.0.0.1:${port}`, makeRequests: () => signedSlashCommandRequests(payloads, SECRET), connections: 32, durationS: 10 });
for (let round = 0; round < 5; round++) {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(Math.round(child.rssBytes() / 1048576)), 100);
  const f = await runHttpLoad({ url: `http://127.0.0.1:${port}`, makeRequests: () => signedSlashCommandRequests(payloads, SECRET), connections: 32, amount: 25000 });
  clearInterval(timer);
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(`seg ${round}: n=${samples.length} min ${sorted[0]} median ${sorted[Math.floor(sorted.length/2)]} max ${sorted.at(-1)} | ${samples.filter((_, i) => i % 5 === 0).join(' ')}`);
}
await child.stop(); await slack.close(); process.exit(0);
