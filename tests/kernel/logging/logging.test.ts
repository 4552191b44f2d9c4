import { LogLevel } from '@slack/logger';
import { describe, expect, it } from 'vitest';
import {
  createBoltLogger,
  splitEmbeddedJson,
  UNPARSED_PAYLOAD,
} from '../../../src/kernel/logging/bolt-logger.js';
import { createLogger } from '../../../src/kernel/logging/create-logger.js';
import { createRedactor, REDACTED } from '../../../src/kernel/logging/redact.js';
import { captureLogs } from '../../support/app-test-deps.js';

const BOT_TOKEN = 'xoxb-1111-2222-abcdefghijkl';
const SIGNING_SECRET = '0123456789abcdef0123456789abcdef';

function testLogger(level: 'debug' | 'info' | 'warn' = 'debug') {
  const { capture, stream } = captureLogs();
  const logger = createLogger({ level, destination: stream, secrets: [BOT_TOKEN, SIGNING_SECRET] });
  return { logger, capture };
}

describe('redaction', () => {
  it('removes message text, blocks, view values and credentials at any depth', () => {
    const { redact } = createRedactor();
    const body = {
      type: 'message_action',
      message: {
        text: 'Jane Doe, 8 years of PostgreSQL',
        blocks: [{ type: 'section' }],
        files: [{ id: 'F1', name: 'Jane-Doe-CV.pdf', url_private: 'https://files.slack.com/x' }],
      },
      answer: { file: { id: 'F1', title: 'Jane Doe CV' } },
      view: { state: { values: { note: { input: { value: 'private note' } } } } },
      actions: [{ action_id: 'hire_share', value: 'glossary Kafka' }],
      headers: { Authorization: 'Bearer xoxb-x', 'X-Slack-Signature': 'v0=abc' },
      signingSecret: SIGNING_SECRET,
      user: { id: 'U123' },
    };
    const out = redact(body) as typeof body;
    expect(out.message.text).toBe(REDACTED);
    expect(out.message.blocks).toBe(REDACTED);
    expect(out.message.files).toBe(REDACTED);
    expect(out.answer.file).toBe(REDACTED);
    expect(out.view.state.values).toBe(REDACTED);
    expect(out.actions[0]?.value).toBe(REDACTED);
    expect(out.actions[0]?.action_id).toBe('hire_share');
    expect(out.headers.Authorization).toBe(REDACTED);
    expect(out.signingSecret).toBe(REDACTED);
    expect(out.user.id).toBe('U123');
    expect(body.message.text).toBe('Jane Doe, 8 years of PostgreSQL'); // input untouched
  });

  it('scrubs token shapes and the configured secrets from any string', () => {
    const { scrub } = createRedactor([SIGNING_SECRET]);
    expect(scrub(`token xoxb-99-88-zzz and xapp-1-A2-yyy, secret ${SIGNING_SECRET}`)).toBe(
      `token xoxb-[redacted] and xapp-[redacted], secret ${REDACTED}`,
    );
  });

  it('survives cycles and keeps shared (non-cyclic) values', () => {
    const shared = { id: 'C1' };
    const cyclic: Record<string, unknown> = { a: shared, b: shared };
    cyclic.self = cyclic;
    expect(createRedactor().redact(cyclic)).toEqual({
      a: { id: 'C1' },
      b: { id: 'C1' },
      self: '[circular]',
    });
  });
});

describe('createLogger', () => {
  it('writes JSON lines with redacted objects, errors and messages', () => {
    const { logger, capture } = testLogger();
    logger.info({ body: { event: { text: 'secret resume' } } }, `using ${BOT_TOKEN}`);
    logger.error({ err: new Error(`auth failed for ${BOT_TOKEN}`) }, 'boom');
    expect(capture.raw()).not.toContain('secret resume');
    expect(capture.raw()).not.toContain(BOT_TOKEN);
    expect(capture.lines[0]).toMatchObject({
      msg: 'using xoxb-[redacted]',
      body: { event: { text: REDACTED } },
    });
    expect(capture.lines[1]).toMatchObject({ msg: 'boom', err: { type: 'Error' } });
    expect(String((capture.lines[1]?.err as { message?: string } | undefined)?.message)).toContain(
      'xoxb-[redacted]',
    );
  });

  it('respects the level', () => {
    const { logger, capture } = testLogger('warn');
    logger.info('hidden');
    logger.warn('shown');
    expect(capture.lines.map((l) => l.msg)).toEqual(['shown']);
  });
});

describe('createBoltLogger', () => {
  it("implements @slack/logger's interface over pino, keeping pino's level", () => {
    const { logger, capture } = testLogger('info');
    const bolt = createBoltLogger(logger);
    bolt.setLevel(LogLevel.DEBUG); // Bolt's parts call this; LOG_LEVEL must win
    bolt.setName('socket-mode:SocketModeClient:0');
    expect(bolt.getLevel()).toBe(LogLevel.INFO);
    bolt.debug('not shown');
    bolt.info('Now connected to Slack');
    bolt.error('Slack API error:', new Error('invalid_auth'));
    expect(capture.lines).toHaveLength(2);
    expect(capture.lines[0]).toMatchObject({ msg: 'Now connected to Slack', component: 'slack' });
    expect(capture.lines[1]).toMatchObject({
      msg: 'Slack API error:',
      err: { message: 'invalid_auth' },
    });
  });

  it('parses payloads Bolt embeds in strings so that their text is redacted', () => {
    const { logger, capture } = testLogger('debug');
    const bolt = createBoltLogger(logger);
    const envelope = { envelope_id: 'e1', payload: { text: 'glossary <!channel>', user_id: 'U1' } };
    bolt.debug(`Received a message on the WebSocket: ${JSON.stringify(envelope)}`);
    bolt.debug(`ack() call begins (body: ${JSON.stringify({ text: 'Kafka is a queue' })})`);
    expect(capture.raw()).not.toContain('glossary');
    expect(capture.raw()).not.toContain('Kafka');
    expect(capture.lines[0]).toMatchObject({
      msg: 'Received a message on the WebSocket:',
      data: { envelope_id: 'e1', payload: { text: REDACTED, user_id: 'U1' } },
    });
    expect(capture.lines[1]).toMatchObject({ msg: 'ack() call begins (body: )' });
  });

  it('drops JSON-like text it cannot parse rather than logging it raw', () => {
    expect(splitEmbeddedJson('body: {"text":"Jane Doe resume… (cut')).toEqual({
      words: `body: ${UNPARSED_PAYLOAD}`,
    });
    expect(splitEmbeddedJson('Unhandled HTTP request (GET) made to /x')).toEqual({
      words: 'Unhandled HTTP request (GET) made to /x',
    });
    expect(splitEmbeddedJson('list [a, b]')).toEqual({ words: 'list [a, b]' });
  });
});
