import { describe, expect, it } from 'vitest';
import { createAppEvents } from '../../src/kernel/app-events.js';

describe('createAppEvents', () => {
  it('hands each payload to every handler of its event, and a failing one only gets logged', async () => {
    const errors: unknown[] = [];
    const events = createAppEvents({ error: (fields: unknown) => errors.push(fields) } as never);
    const seen: string[] = [];
    events.on('home-changed', ({ userId }) => {
      seen.push(`a:${userId}`);
    });
    events.on('home-changed', async () => {
      throw new Error('publish failed');
    });
    events.on('lookup', ({ query }) => {
      seen.push(`lookup:${query}`);
    });
    expect(() => events.emit('home-changed', { teamId: 'T1', userId: 'U1' })).not.toThrow();
    await events.idle();
    expect(seen).toEqual(['a:U1']);
    expect(errors).toEqual([expect.objectContaining({ event: 'home-changed' })]);
  });
});
