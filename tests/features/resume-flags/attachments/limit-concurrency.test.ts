import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit } from '../../../../src/features/resume-flags/attachments/limit-concurrency.js';

const never = new AbortController().signal;

describe('createConcurrencyLimit', () => {
  it('lets `max` holders in and the next one when a place is freed, in arrival order', async () => {
    const limit = createConcurrencyLimit(2);
    const first = await limit.acquire(never);
    const second = await limit.acquire(never);
    const order: string[] = [];
    const third = limit.acquire(never).then((release) => {
      order.push('third');
      return release;
    });
    const fourth = limit.acquire(never).then((release) => {
      order.push('fourth');
      return release;
    });
    expect(limit.stats()).toEqual({ active: 2, waiting: 2 });
    first?.();
    first?.(); // a second call frees nothing more
    (await third)?.();
    second?.();
    (await fourth)?.();
    expect(order).toEqual(['third', 'fourth']);
    expect(limit.stats()).toEqual({ active: 0, waiting: 0 });
  });

  it('gives up waiting when the signal aborts', async () => {
    const limit = createConcurrencyLimit(1);
    const held = await limit.acquire(never);
    const controller = new AbortController();
    const waiting = limit.acquire(controller.signal);
    controller.abort();
    expect(await waiting).toBeUndefined();
    expect(limit.stats()).toEqual({ active: 1, waiting: 0 });
    held?.();
    expect(await limit.acquire(controller.signal)).toBeUndefined();
  });
});
