import { describe, expect, it, vi } from 'vitest';
import { freezeDeep, replyJson } from '../../../../src/kernel/slack/blocks/reply-json.js';

describe('freezeDeep', () => {
  it('freezes the object and everything in it', () => {
    const reply = freezeDeep({ text: 't', blocks: [{ type: 'section', text: { text: 'x' } }] });
    expect(Object.isFrozen(reply)).toBe(true);
    expect(Object.isFrozen(reply.blocks)).toBe(true);
    expect(Object.isFrozen(reply.blocks[0]?.text)).toBe(true);
    expect(() => {
      (reply.blocks[0] as { type: string }).type = 'divider';
    }).toThrow(TypeError);
  });

  it('ends on a cycle instead of recursing forever', () => {
    const a: { self?: unknown; n: number } = { n: 1 };
    a.self = a;
    expect(freezeDeep(a)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe('replyJson', () => {
  it('is JSON.stringify of the reply, frozen or not', () => {
    const plain = { text: 'é <!here> "quoted"', blocks: [{ type: 'divider' }] };
    expect(replyJson(plain)).toBe(JSON.stringify(plain));
    const frozen = freezeDeep(structuredClone(plain));
    expect(replyJson(frozen)).toBe(JSON.stringify(plain));
  });

  it('serializes a reply that freezeDeep froze once, and reuses that JSON', () => {
    const frozen = freezeDeep({ text: 'once' });
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const first = replyJson(frozen);
      expect(replyJson(frozen)).toBe(first);
      expect(replyJson(frozen)).toBe(first);
      expect(stringify).toHaveBeenCalledTimes(1);
    } finally {
      stringify.mockRestore();
    }
  });

  it('does not keep the JSON of a reply that can still change', () => {
    const stringify = vi.spyOn(JSON, 'stringify');
    const mutable = { text: 'before' };
    expect(replyJson(mutable)).toBe('{"text":"before"}');
    mutable.text = 'after';
    expect(replyJson(mutable)).toBe('{"text":"after"}');
    // Frozen at the top only: a child can still change, so it is not cached either.
    const shallow = Object.freeze({ inner: { text: 'before' } });
    replyJson(shallow);
    shallow.inner.text = 'after';
    expect(replyJson(shallow)).toBe('{"inner":{"text":"after"}}');
    expect(stringify).toHaveBeenCalledTimes(4);
    stringify.mockRestore();
  });
});
