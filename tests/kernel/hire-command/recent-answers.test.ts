import { describe, expect, it } from 'vitest';
import { createRecentCache } from '../../../src/kernel/hire-command/recent-answers.js';

describe('createRecentCache', () => {
  it('computes a key once and returns the same result after', () => {
    const calls: string[] = [];
    const cache = createRecentCache((key) => {
      calls.push(key);
      return { text: key.toUpperCase() };
    });
    const first = cache.get('glossary kafka');
    expect(cache.get('glossary kafka')).toBe(first);
    expect(first.text).toBe('GLOSSARY KAFKA');
    expect(calls).toEqual(['glossary kafka']);
  });

  it('drops the least recently used entry when full', () => {
    const calls: string[] = [];
    const cache = createRecentCache(
      (key) => {
        calls.push(key);
        return key;
      },
      { maxEntries: 2 },
    );
    cache.get('a');
    cache.get('b');
    cache.get('a'); // a is now the most recent, b the oldest
    cache.get('c'); // evicts b
    expect(cache.size).toBe(2);
    cache.get('a');
    cache.get('b');
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });

  it('never keeps keys over the length limit', () => {
    let computed = 0;
    const cache = createRecentCache(
      () => {
        computed += 1;
        return 1;
      },
      { maxKeyLength: 5 },
    );
    cache.get('123456');
    cache.get('123456');
    expect(computed).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('freezes what it shares, so no caller can change a later answer', () => {
    const cache = createRecentCache(() => ({ blocks: [{ text: 'x' }] }));
    const answer = cache.get('help');
    expect(() => {
      (answer.blocks[0] as { text: string }).text = 'changed';
    }).toThrow(TypeError);
    expect(cache.get('help').blocks[0]?.text).toBe('x');
  });

  it('keeps nothing when the computation throws', () => {
    let fail = true;
    const cache = createRecentCache(() => {
      if (fail) throw new Error('boom');
      return 'ok';
    });
    expect(() => cache.get('k')).toThrow('boom');
    fail = false;
    expect(cache.get('k')).toBe('ok');
  });
});
