import { isValidSlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { signedSlashCommandRequests } from '../../bench/support/slash-command-requests.js';

const SECRET = '8f3c5e0a9b7d41e2a6c0f5b3d9e7a1c4';

describe('signedSlashCommandRequests', () => {
  it('signs each body so that Bolt accepts it', () => {
    const now = Math.floor(Date.now() / 1000);
    const payloads = ['glossary Kafka', 'help'].map((text) => ({ command: '/hire', text }));
    const requests = signedSlashCommandRequests(payloads, SECRET, now);
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      const headers = request.headers as Record<string, string>;
      const valid = (secret: string) =>
        isValidSlackRequest({
          signingSecret: secret,
          body: request.body as string,
          headers: {
            'x-slack-signature': headers['x-slack-signature'] ?? '',
            'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
          },
        });
      expect(valid(SECRET)).toBe(true);
      expect(valid(SECRET.replace('8', '9'))).toBe(false);
      expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
    }
    const fields = new URLSearchParams(requests[0]?.body as string);
    expect(fields.get('command')).toBe('/hire');
    expect(fields.get('text')).toBe('glossary Kafka');
  });
});
