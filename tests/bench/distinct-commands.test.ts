import { describe, expect, it } from 'vitest';
import { distinctCommands, transpose } from '../../bench/support/distinct-commands.js';
import { loadKnowledge } from '../../src/kernel/knowledge/load-knowledge.js';

describe('transpose', () => {
  it('swaps two letters in the middle and leaves short words alone', () => {
    expect(transpose('kafka')).toBe('kfaka');
    expect(transpose('redis')).toBe('rdeis');
    expect(transpose('sql')).toBe('sql');
  });
});

describe('distinctCommands', () => {
  it('gives far more different commands than the app keeps recent answers for (500)', () => {
    const texts = distinctCommands(loadKnowledge());
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.length).toBeGreaterThan(1500);
    expect(texts).toContain('glossary Kafka');
    expect(texts).toContain('questions senior system-design');
  });
});
