import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackSlack } from '../../src/dev/loopback-slack/loopback-slack.js';
import { type SpawnedBot, spawnBot } from './support/spawn-bot.js';

const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5'.replace(/[yz]/g, 'f');

describe('start-up (npm start as a separate process)', () => {
  const spawned: SpawnedBot[] = [];
  const start = (env: Record<string, string>) => {
    const bot = spawnBot(env);
    spawned.push(bot);
    return bot;
  };
  afterEach(async () => {
    await Promise.all(spawned.splice(0).map((bot) => bot.cleanup()));
  });

  it('missing configuration: exits non-zero naming the variable and where to find it', async () => {
    // A bot token without an app token means HTTP mode, which needs the signing secret.
    const bot = start({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain('SLACK_SIGNING_SECRET');
    expect(bot.stderr()).toContain('Signing Secret');
    expect(bot.stderr()).not.toMatch(/\n\s+at /); // one message, no stack trace
    expect(bot.stdout()).toBe('');
  });

  it('malformed configuration: exits non-zero naming each bad variable', async () => {
    const bot = start({
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      SLACK_APP_TOKEN: 'xapp-1-A1-abc',
      PORT: 'eighty',
    });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/SLACK_BOT_TOKEN: must start with xoxb-/);
    expect(bot.stderr()).toMatch(/PORT: must be a port number/);
  });

  it('the sandbox starts with no credentials, answers piped lines and exits 0 at end of input', async () => {
    const bot = start({});
    bot.child.stdin?.end('/hire glossary Kafka\n');
    expect(await bot.exited).toBe(0);
    expect(bot.stdout()).toContain('local sandbox: nothing reaches Slack');
    expect(bot.stdout()).toContain('SLACK_BOT_TOKEN');
    expect(bot.stdout()).toContain('Message Queue');
    expect(bot.stdout()).toContain('[ Share in channel ]');
  });

  it('the sandbox exits 0 on SIGTERM while waiting for input', async () => {
    const bot = start({});
    await bot.waitForOutput('local sandbox');
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });

  it('HTTP mode: logs ready with its port, serves /health, and exits 0 on SIGTERM', async () => {
    const slack = await startLoopbackSlack();
    try {
      const bot = start({
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_MODE: 'http',
        SLACK_API_URL: slack.apiUrl,
        PORT: '0',
      });
      await bot.waitForOutput('"msg":"ready"');
      const ready = bot
        .stdout()
        .split('\n')
        .map((line) => (line.startsWith('{') ? JSON.parse(line) : {}))
        .find((line) => line.msg === 'ready');
      expect(ready).toMatchObject({ mode: 'http' });
      expect(ready.port).toBeGreaterThan(0);
      const health = await fetch(`http://127.0.0.1:${ready.port}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true, database: true });
      expect(bot.stdout()).not.toContain(slack.botToken);

      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(bot.stdout()).toContain('"msg":"stopped"');
    } finally {
      await slack.close();
    }
  });
});
