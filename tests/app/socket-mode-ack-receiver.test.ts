import { type App, AuthorizationError, type ReceiverEvent } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/logger';
import { LogLevel } from '@slack/logger';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SocketModeAckReceiver } from '../../src/app/socket-mode-ack-receiver.js';
import { type LoopbackSlack, startLoopbackSlack } from '../../src/loopback-slack/loopback-slack.js';

/** A logger that keeps what it was told, to check the warnings and errors. */
function recordingLogger(): SlackLogger & { lines: string[] } {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (...msgs: unknown[]) => {
      lines.push(`${level} ${msgs.map(String).join(' ')}`);
    };
  return {
    lines,
    debug: () => {},
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}

/** Just enough of a Bolt App for a receiver: processEvent is all a receiver calls. */
const appThat = (processEvent: (event: ReceiverEvent) => Promise<void>) =>
  ({ processEvent }) as unknown as App;

let slack: LoopbackSlack;
let receiver: SocketModeAckReceiver;
let logger: ReturnType<typeof recordingLogger>;

beforeEach(async () => {
  slack = await startLoopbackSlack();
  logger = recordingLogger();
  receiver = new SocketModeAckReceiver({
    appToken: slack.appToken,
    logger,
    clientOptions: { slackApiUrl: slack.apiUrl },
  });
});

afterEach(async () => {
  await receiver.stop();
  await slack.close();
});

describe('SocketModeAckReceiver', () => {
  it('hands each envelope to the app and sends its ack body back over the socket', async () => {
    const seen: unknown[] = [];
    receiver.init(
      appThat(async (event) => {
        seen.push(event.body.text);
        await event.ack({ response_type: 'ephemeral', text: 'an answer' });
      }),
    );
    await receiver.start();
    const reply = await slack.socket.send(
      'slash_commands',
      slack.payloads.slashCommand({ text: 'glossary kafka' }),
    );
    expect(seen).toEqual(['glossary kafka']);
    expect(reply).toMatchObject({ text: 'an answer' });
  });

  it('ignores a second ack, with a warning', async () => {
    receiver.init(
      appThat(async (event) => {
        await event.ack({ text: 'first' });
        await event.ack({ text: 'second' });
      }),
    );
    await receiver.start();
    const reply = await slack.socket.send(
      'slash_commands',
      slack.payloads.slashCommand({ text: 'help' }),
    );
    expect(reply).toMatchObject({ text: 'first' });
    expect(logger.lines.some((line) => line.startsWith('warn ack() was called twice'))).toBe(true);
  });

  it('acks an authorization failure so that Slack stops retrying, and logs it', async () => {
    receiver.init(
      appThat(async () => {
        throw new AuthorizationError('no installation', new Error('none'));
      }),
    );
    await receiver.start();
    const reply = await slack.socket.send(
      'slash_commands',
      slack.payloads.slashCommand({ text: 'help' }),
    );
    expect(reply).toEqual({});
    expect(logger.lines.some((line) => line.startsWith('error An unhandled error'))).toBe(true);
  });

  it('leaves any other failure unacked, as Bolt does, and logs it', async () => {
    receiver.init(
      appThat(async () => {
        throw new Error('boom');
      }),
    );
    await receiver.start();
    await expect(
      slack.socket.send('slash_commands', slack.payloads.slashCommand({ text: 'help' }), {
        timeoutMs: 300,
      }),
    ).rejects.toThrow();
    expect(logger.lines.some((line) => line.includes('boom'))).toBe(true);
  });
});
