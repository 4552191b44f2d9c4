import { describe, expect, it } from 'vitest';
import { ackOnce } from '../../../../src/kernel/slack/receivers/ack-once.js';
import { recordingSlackLogger } from '../../../support/recording-slack-logger.js';

describe('ackOnce', () => {
  it('sends the first ack, ignores a second with a warning', async () => {
    const logger = recordingSlackLogger();
    const sent: unknown[] = [];
    const { ack } = ackOnce(logger, (response) => {
      sent.push(response);
    });
    await ack({ text: 'one' });
    await ack('two');
    expect(sent).toEqual([{ text: 'one' }]);
    expect(logger.lines).toEqual([
      'warn ack() was called twice for one request; the second call is ignored',
    ]);
  });

  it('claim() takes the answer only while it is free, and an ack after it sends nothing', async () => {
    const sent: unknown[] = [];
    const first = ackOnce(recordingSlackLogger(), (response) => {
      sent.push(response);
    });
    expect(first.claim()).toBe(true);
    expect(first.claim()).toBe(false);
    await first.ack({ text: 'late' });
    expect(sent).toEqual([]);

    const second = ackOnce(recordingSlackLogger(), () => undefined);
    await second.ack();
    expect(second.claim()).toBe(false);
  });

  it('passes on a failure to send', async () => {
    const { ack } = ackOnce(recordingSlackLogger(), async () => {
      throw new Error('socket closed');
    });
    await expect(ack({ text: 'x' })).rejects.toThrow('socket closed');
  });
});
