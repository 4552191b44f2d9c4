import { type App, AuthorizationError, type ReceiverEvent } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../../src/dev/loopback-slack/loopback-slack.js';
import { freezeDeep } from '../../../../src/kernel/slack/blocks/reply-json.js';
import { SocketModeAckReceiver } from '../../../../src/kernel/slack/receivers/socket-mode-ack-receiver.js';
import { recordingSlackLogger } from '../../../support/recording-slack-logger.js';

/** Just enough of a Bolt App for a receiver: processEvent is all a receiver calls. */
const appThat = (processEvent: (event: ReceiverEvent) => Promise<void>) =>
  ({ processEvent }) as unknown as App;

let slack: LoopbackSlack;
let receiver: SocketModeAckReceiver;
let logger: ReturnType<typeof recordingSlackLogger>;

beforeEach(async () => {
  slack = await startLoopbackSlack();
  logger = recordingSlackLogger();
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

  it('sends an empty ack as {} and a string ack as { text }, as the SDK does', async () => {
    receiver.init(
      appThat(async (event) => {
        if (event.body.text === 'words') await event.ack('plain words' as never);
        else await event.ack();
      }),
    );
    await receiver.start();
    const send = (text: string) =>
      slack.socket.send('slash_commands', slack.payloads.slashCommand({ text }));
    expect(await send('')).toEqual({});
    expect(await send('words')).toEqual({ text: 'plain words' });
  });

  it('sends a memoized (deep-frozen) reply as the exact JSON of the reply, every time', async () => {
    const reply = freezeDeep({
      response_type: 'ephemeral',
      text: 'same',
      blocks: [{ type: 'divider' }],
    });
    receiver.init(appThat(async (event) => event.ack(reply)));
    await receiver.start();
    for (const text of ['a', 'b']) {
      const frame = await slack.socket.sendForLoad(
        'slash_commands',
        slack.payloads.slashCommand({ text }),
      );
      expect(frame).toMatch(/^\{"envelope_id":"[^"]+","payload":/);
      expect(JSON.parse(frame).payload).toEqual(reply);
      expect(frame.endsWith(`"payload":${JSON.stringify(reply)}}`)).toBe(true);
    }
  });

  it('an ack after the connection closed fails instead of vanishing', async () => {
    let ack: ((reply?: Record<string, unknown>) => Promise<void>) | undefined;
    receiver.init(
      appThat(async (event) => {
        ack = event.ack;
      }),
    );
    await receiver.start();
    await expect(
      slack.socket.send('slash_commands', slack.payloads.slashCommand({ text: 'x' }), {
        timeoutMs: 200,
      }),
    ).rejects.toThrow(/no ack/);
    await receiver.stop();
    await expect(ack?.({ text: 'late' })).rejects.toThrow(/not open/);
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
