import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CountedLookupRecord } from '../../../src/features/lookup-stats/lookup-record.js';
import {
  attachLookupRecorder,
  createLookupRecorder,
  lookupRecorderOf,
} from '../../../src/features/lookup-stats/lookup-recorder.js';
import { createAppEvents } from '../../../src/kernel/app-events.js';
import { createManualClock } from '../../support/manual-clock.js';

const clock = createManualClock('2026-03-02T09:15:00Z');
const event = (query: string, overrides: Record<string, unknown> = {}) => ({
  teamId: 'T1',
  subcommand: 'glossary',
  module: 'glossary',
  query,
  hit: false,
  ...overrides,
});

function setup(options: { batchSize?: number; fail?: boolean; maxPending?: number } = {}) {
  const saved: CountedLookupRecord[][] = [];
  const warnings: unknown[] = [];
  const recorder = createLookupRecorder({
    lookups: {
      save: async (batch) => {
        if (options.fail) throw new Error('database is locked');
        saved.push([...batch]);
      },
    },
    clock,
    logger: { warn: (fields: unknown) => warnings.push(fields) },
    flushEveryMs: 50,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    ...(options.maxPending ? { maxPending: options.maxPending } : {}),
  });
  return { recorder, saved, warnings };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the lookup recorder', () => {
  it('takes a lookup without writing; writes the batch after the interval', async () => {
    vi.useFakeTimers();
    const { recorder, saved } = setup();
    recorder.record(event('quokkabase'));
    recorder.record(event('kafka', { hit: true, entry: 'message-queue' }));
    expect(saved).toEqual([]);
    expect(recorder.pending()).toBe(2);
    await vi.advanceTimersByTimeAsync(60);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toEqual([
      {
        teamId: 'T1',
        subcommand: 'glossary',
        module: 'glossary',
        query: 'quokkabase',
        hit: false,
        lookedUpAt: new Date('2026-03-02T09:00:00Z'),
        count: 1,
      },
      {
        teamId: 'T1',
        subcommand: 'glossary',
        module: 'glossary',
        query: 'kafka',
        entry: 'message-queue',
        hit: true,
        lookedUpAt: new Date('2026-03-02T09:00:00Z'),
        count: 1,
      },
    ]);
  });

  it('counts lookups alike within the hour as one record; another hour is another record', async () => {
    const { recorder, saved } = setup();
    for (let i = 0; i < 500; i++)
      recorder.record(event('kafka', { hit: true, entry: 'message-queue' }));
    recorder.record(event('quokkabase'));
    expect(recorder.pending()).toBe(2);
    clock.advance(60 * 60_000);
    recorder.record(event('quokkabase'));
    await recorder.flush();
    clock.set('2026-03-02T09:15:00Z');
    expect(saved.flat().map((r) => [r.query, r.lookedUpAt.toISOString(), r.count])).toEqual([
      ['kafka', '2026-03-02T09:00:00.000Z', 500],
      ['quokkabase', '2026-03-02T09:00:00.000Z', 1],
      ['quokkabase', '2026-03-02T10:00:00.000Z', 1],
    ]);
  });

  it('writes at once when a batch is full, and everything on flush and on stop', async () => {
    const { recorder, saved } = setup({ batchSize: 3 });
    for (const q of ['a1', 'a2', 'a3']) recorder.record(event(q));
    await recorder.flush();
    expect(saved.map((b) => b.length)).toEqual([3]);
    recorder.record(event('b1'));
    await recorder.stop();
    expect(saved.map((b) => b.length)).toEqual([3, 1]);
    // After stop (a shutdown in progress) each record is written at once.
    recorder.record(event('c1'));
    await recorder.flush();
    expect(saved.flat().map((r) => r.query)).toEqual(['a1', 'a2', 'a3', 'b1', 'c1']);
  });

  it('keeps only what the schema names, normalised; no workspace or no words: nothing kept', async () => {
    const { recorder, saved } = setup();
    recorder.record({
      ...event('  What is   QUOKKA-Base?? '),
      userId: 'U0SECRET',
      text: 'glossary quokka for candidate Jane',
    } as never);
    recorder.record(event('kafka', { teamId: '' }));
    recorder.record(event(' ?! '));
    await recorder.flush();
    expect(saved.flat()).toEqual([expect.objectContaining({ query: 'quokka base' })]);
    expect(JSON.stringify(saved)).not.toMatch(/U0SECRET|Jane/);
  });

  it('a store that refuses a batch is logged by count; the recorder goes on', async () => {
    const { recorder, warnings } = setup({ fail: true, maxPending: 2 });
    for (const q of ['a', 'b', 'c']) recorder.record(event(q));
    await expect(recorder.flush()).resolves.toBeUndefined();
    expect(warnings).toEqual([
      expect.objectContaining({ records: 1 }),
      expect.objectContaining({ records: 2 }),
    ]);
    expect(JSON.stringify(warnings)).not.toMatch(/"a"|"b"/);
  });

  it('one recorder per app, subscribed to its lookup events once', async () => {
    const events = createAppEvents({ error: () => undefined } as never);
    const { recorder, saved } = setup();
    const again = setup().recorder;
    expect(attachLookupRecorder(events, () => recorder)).toBe(recorder);
    expect(attachLookupRecorder(events, () => again)).toBe(recorder);
    expect(lookupRecorderOf(events)).toBe(recorder);
    events.emit('lookup', event('quokkabase'));
    await events.idle();
    await recorder.flush();
    expect(saved.flat()).toHaveLength(1);
  });
});
