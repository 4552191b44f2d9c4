import { describe, expect, it } from 'vitest';
import type { LoadFigures } from '../../bench/support/load-figures.js';
import { markdownTable, renderScenario } from '../../bench/support/report.js';

const figures = (requestsPerS: number, p99Ms: number): LoadFigures => ({
  requests: requestsPerS * 10,
  durationS: 10,
  requestsPerS,
  p50Ms: p99Ms / 3,
  p99Ms,
  maxMs: p99Ms * 2,
  errors: 0,
  non2xx: 0,
});

describe('markdownTable', () => {
  it('pads every column to its widest cell', () => {
    const lines = markdownTable(['a', 'bb'], [['long cell', 'x']]).split('\n');
    expect(lines).toEqual(['| a         | bb |', '|-----------|----|', '| long cell | x  |']);
  });
});

describe('renderScenario', () => {
  it('shows both targets, the ratios, every round and a missed target', () => {
    const { text, comparison } = renderScenario({
      title: 'HTTP: test',
      how: 'how it was loaded',
      app: [figures(800, 30), figures(700, 40)],
      floor: [figures(1000, 20), figures(900, 25)],
    });
    expect(comparison.throughputRatio).toBeCloseTo(0.8);
    expect(text).toContain('| hire-bot ');
    expect(text).toContain('| bare Bolt (floor) ');
    expect(text).toContain('rounds (req/s): hire-bot 800, 700; floor 1,000, 900');
    expect(text).toContain('✗ MISSED throughput 0.80 × floor');
    expect(text).toContain('✗ MISSED p99 1.50 × floor');
    expect(text).toContain('✓ p99 30.0 ms');
  });
});
