import { describe, expect, it } from 'vitest';
import { createRecentCache } from '../../../src/kernel/hire-command/recent-answers.js';

describe('createRecentCache', () => {
  it('computes a key once and returns the same result after', () => {
    const calls: string[] = [];
    const cache = createRecentCache<{ text: string }>();
    const compute = (key: string) => () => {
      calls.push(key);
      return { text: key.toUpperCase() };
    };
    const first = cache.get('glossary kafka', compute('glossary kafka'));
    expect(cache.get('glossary kafka', compute('glossary kafka'))).toBe(first);
    expect(first.text).toBe('GLOSSARY KAFKA');
    expect(calls).toEqual(['glossary kafka']);
  });

  it('drops the least recently used entry when full', () => {
    const calls: string[] = [];
    const cache = createRecentCache<string>({ maxEntries: 2 });
    const get = (key: string) =>
      cache.get(key, () => {
        calls.push(key);
        return key;
      });
    get('a');
    get('b');
    get('a'); // a is now the most recent, b the oldest
    get('c'); // evicts b
    expect(cache.size).toBe(2);
    get('a');
    get('b');
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });

  it('never keeps keys over the length limit', () => {
    let computed = 0;
    const cache = createRecentCache<number>({ maxKeyLength: 5 });
    const compute = () => {
      computed += 1;
      return 1;
    };
    cache.get('123456', compute);
    cache.get('123456', compute);
    expect(computed).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('keeps only what `keep` allows', () => {
    let computed = 0;
    const cache = createRecentCache<{ fresh: boolean }>({ keep: (value) => !value.fresh });
    const compute = (fresh: boolean) => () => {
      computed += 1;
      return { fresh };
    };
    cache.get('kit senior', compute(true));
    cache.get('kit senior', compute(true));
    cache.get('glossary', compute(false));
    cache.get('glossary', compute(false));
    expect(computed).toBe(3);
    expect(cache.size).toBe(1);
  });

  it('freezes what it shares, so no caller can change a later answer', () => {
    const cache = createRecentCache<{ blocks: { text: string }[] }>();
    const compute = () => ({ blocks: [{ text: 'x' }] });
    const answer = cache.get('help', compute);
    expect(() => {
      (answer.blocks[0] as { text: string }).text = 'changed';
    }).toThrow(TypeError);
    expect(cache.get('help', compute).blocks[0]?.text).toBe('x');
  });

  it('keeps nothing when the computation throws', () => {
    const cache = createRecentCache<string>();
    expect(() =>
      cache.get('k', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(cache.get('k', () => 'ok')).toBe('ok');
  });
});
