import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, RESTARTING_TEXT } from '../../src/app/create-app.js';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../src/dev/loopback-slack/loopback-slack.js';
import { DEFAULT_CHANNEL_ID, DEFAULT_USER_ID } from '../../src/dev/loopback-slack/workspace.js';
import { LOOKUP_ACTIONS } from '../../src/features/lookups/lookups-ids.js';
import { HIRE_ACTIONS } from '../../src/kernel/hire-command/hire-command-ids.js';
import { createTestDeps, type LogCapture } from '../support/app-test-deps.js';
import { type SocketModeBot, startSocketModeBot } from './support/socket-mode-bot.js';
import { waitFor } from './support/wait-for.js';

type Button = { action_id: string; value: string; text: { text: string } };

function buttonsIn(blocks: unknown[] | undefined): Button[] {
  return (blocks ?? []).flatMap((block) => {
    const b = block as { type: string; elements?: Button[] };
    return b.type === 'actions' ? (b.elements ?? []) : [];
  });
}

describe('Socket Mode end to end (real Bolt, real WebSocket, loopback Slack)', () => {
  let slack: LoopbackSlack;
  let logs: LogCapture;
  let running: SocketModeBot | undefined;

  beforeAll(async () => {
    running = await startSocketModeBot();
    ({ slack, logs } = running);
  });
  afterAll(async () => {
    await running?.stop();
  });

  const runCommand = (text: string) =>
    slack.socket.send('slash_commands', slack.payloads.slashCommand({ text }));

  /** The private message a command's ack created, as the caller sees it. */
  const latestPrivate = () =>
    slack
      .messagesIn(DEFAULT_CHANNEL_ID, { visibleTo: DEFAULT_USER_ID })
      .filter((m) => m.ephemeral)
      .at(-1);

  const press = (messageTs: string, button: Button) =>
    slack.socket.send(
      'interactive',
      slack.payloads.blockAction({ actionId: button.action_id, value: button.value, messageTs }),
    );

  it('answers a slash command inside the ack, well under 3 seconds', async () => {
    const started = performance.now();
    const ack = await runCommand('glossary Kafka');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(3000); // Slack's own deadline
    expect(ack.response_type).toBe('ephemeral');
    expect(String(ack.text)).toContain('Message Queue');
    const labels = buttonsIn(ack.blocks as unknown[]).map((b) => b.text.text);
    expect(labels).toContain('Share in channel');
    // No Web API call was needed to answer: the reply travelled in the ack.
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(slack.responses).toHaveLength(0);
  });

  it('"Share in channel" posts the answer for everyone and removes the private copy', async () => {
    await runCommand('glossary Kafka');
    const original = latestPrivate();
    if (!original) throw new Error('no private reply');
    const share = buttonsIn(original.blocks).find((b) => b.action_id === HIRE_ACTIONS.share);
    if (!share) throw new Error('no share button');

    await press(original.ts, share);
    const posted = await waitFor(
      () => slack.messagesIn(DEFAULT_CHANNEL_ID).find((m) => !m.ephemeral),
      'the in-channel post',
    );
    await waitFor(() => original.deleted, 'the private copy to be deleted');
    expect(posted.text).toContain('Message Queue');
    expect(JSON.stringify(posted.blocks)).toContain(`Shared by <@${DEFAULT_USER_ID}>`);
    expect(buttonsIn(posted.blocks)).toEqual([]); // nothing in the channel copy to press
  });

  it('"Another question" replaces the message in place', async () => {
    await runCommand('questions senior');
    const original = latestPrivate();
    if (!original) throw new Error('no private reply');
    const before = JSON.stringify(original.blocks);
    const another = buttonsIn(original.blocks).find(
      (b) => b.action_id === LOOKUP_ACTIONS.anotherQuestion,
    );
    if (!another) throw new Error('no "Another question" button');

    const privateCount = slack.messagesIn(DEFAULT_CHANNEL_ID).length;
    await press(original.ts, another);
    await waitFor(() => JSON.stringify(original.blocks) !== before, 'the replaced message');
    expect(original.deleted).toBe(false);
    expect(slack.messagesIn(DEFAULT_CHANNEL_ID)).toHaveLength(privateCount); // same message
    expect(slack.responses.at(-1)).toMatchObject({ replaceOriginal: true, status: 200 });
  });

  it('a button whose value is unusable gets a friendly private answer and changes nothing', async () => {
    await runCommand('glossary Kafka');
    const original = latestPrivate();
    if (!original) throw new Error('no private reply');
    const before = JSON.stringify(original.blocks);
    await slack.socket.send(
      'interactive',
      slack.payloads.blockAction({
        actionId: HIRE_ACTIONS.open,
        value: 'x'.repeat(2001),
        messageTs: original.ts,
      }),
    );
    const notice = await waitFor(
      () => latestPrivate()?.text.includes('no longer works') && latestPrivate(),
      'the stale-button notice',
    );
    expect(notice.ts).not.toBe(original.ts);
    expect(JSON.stringify(original.blocks)).toBe(before);
  });

  it('survives a disconnect: reconnects and keeps answering', async () => {
    const connectionsBefore = slack.socket.totalConnections;
    await slack.socket.disconnect('refresh_requested');
    // @slack/socket-mode 3 waits clientPingTimeout (5 s) before reconnecting; the loopback
    // holds the envelope until the new connection is there.
    const ack = await slack.socket.send(
      'slash_commands',
      slack.payloads.slashCommand({ text: 'glossary latency' }),
      { timeoutMs: 15_000 },
    );
    expect(String(ack.text)).toContain('Latency');
    expect(slack.socket.totalConnections).toBeGreaterThan(connectionsBefore);
  });

  it('logged no message text and no token along the way', () => {
    // The test logger runs at debug level, where Bolt logs whole payloads.
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(logs.raw()).not.toContain('Kafka');
    expect(logs.raw()).not.toContain('glossary');
    expect(logs.raw()).not.toContain(slack.botToken);
    expect(logs.raw()).not.toContain(slack.appToken);
  });
});

describe('graceful stop (Socket Mode)', () => {
  it('keeps the socket while work finishes and tells newcomers the bot is restarting', async () => {
    const slack = await startLoopbackSlack();
    const { deps } = await createTestDeps({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_APP_TOKEN: slack.appToken,
      SLACK_API_URL: slack.apiUrl,
    });
    const bot = createApp(deps);
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let finished = false;
    bot.app.command('/slow', async ({ ack }) => {
      await ack();
      await released;
      finished = true;
    });
    try {
      await bot.start();
      await slack.socket.waitForConnection();
      await slack.socket.send(
        'slash_commands',
        slack.payloads.slashCommand({ text: '', command: '/slow' }),
      );
      const stopped = bot.stop({ graceMs: 5_000 });

      // While /slow runs, the socket is still open; a new command is answered at once.
      const ack = await slack.socket.send(
        'slash_commands',
        slack.payloads.slashCommand({ text: 'glossary Kafka' }),
      );
      expect(ack.text).toBe(RESTARTING_TEXT);
      expect(finished).toBe(false);

      release();
      await stopped;
      expect(finished).toBe(true);
      await waitFor(() => slack.socket.connectionCount === 0, 'the socket to close');
    } finally {
      release();
      await bot.stop();
      await slack.close();
      await deps.store.close();
    }
  });
});
