import { describe, expect, it } from 'vitest';
import { type LoadFigures, rssCheck } from '../../bench/support/load-figures.js';
import { markdownTable, renderRss, renderScenario } from '../../bench/support/report.js';

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

const MB = 1024 * 1024;

describe('renderRss', () => {
  const phases = [
    {
      label: 'a',
      appRequests: 100,
      app: { min: 150 * MB, max: 190 * MB },
      floor: { min: 100 * MB, max: 120 * MB },
    },
  ];
  const points = [
    {
      after: 'warm-up',
      appRequests: 0,
      app: { rssBytes: 150 * MB, heapUsedBytes: 60 * MB },
      floor: { rssBytes: 100 * MB, heapUsedBytes: 20 * MB },
    },
    {
      after: 'load',
      appRequests: 300_000,
      app: { rssBytes: 175 * MB, heapUsedBytes: 61 * MB },
      floor: { rssBytes: 101 * MB, heapUsedBytes: 20 * MB },
    },
  ];

  it('judges growth by RSS after a full GC, and says when the target is missed', () => {
    const check = rssCheck(150 * MB, 175 * MB);
    expect(check.ok).toBe(false);
    const text = renderRss(points, phases, check);
    expect(text).toContain('hire-bot RSS 25.0 MB, heap used 1.0 MB; floor RSS 1.0 MB');
    expect(text).toContain('✗ MISSED RSS growth after a full GC 25.0 MB (target < 20 MB)');
    expect(text).toContain('300,000 requests later');
    expect(text).toContain('150.0 – 190.0');
  });

  it('passes growth under 20 MB', () => {
    expect(rssCheck(150 * MB, 169 * MB).ok).toBe(true);
  });
});
