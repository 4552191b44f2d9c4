import {
  type Comparison,
  compareToFloor,
  type LoadFigures,
  median,
  pickBest,
} from './load-figures.js';
import type { MemoryPoint } from './memory-after-gc.js';
import type { RssPhase, RssRange } from './rss-trace.js';

/** A markdown table, readable as is in a terminal and pasted as is into BENCHMARKS.md. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${widths.map((w, i) => (cells[i] ?? '').padEnd(w)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

const ms = (value: number): string => value.toFixed(value < 10 ? 2 : 1);
export const count = (value: number): string => Math.round(value).toLocaleString('en-US');

export interface LoadScenario {
  title: string;
  /** How the load was made, e.g. "32 connections × 10 s, best of 2 interleaved rounds". */
  how: string;
  app: LoadFigures[];
  floor: LoadFigures[];
}

export interface ScenarioOutcome {
  text: string;
  comparison: Comparison;
}

/** The app and the floor side by side, their ratio, each round's throughput, and the verdicts. */
export function renderScenario(scenario: LoadScenario): ScenarioOutcome {
  const app = pickBest(scenario.app);
  const floor = pickBest(scenario.floor);
  const comparison = compareToFloor(app, floor);
  const row = (label: string, f: LoadFigures): string[] => [
    label,
    count(f.requestsPerS),
    ms(f.p50Ms),
    ms(f.p99Ms),
    ms(f.maxMs),
    count(f.errors),
    count(f.non2xx),
    f.cpuUsPerRequest === undefined ? '–' : count(f.cpuUsPerRequest),
  ];
  const table = markdownTable(
    ['', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', 'CPU µs/req'],
    [
      row('hire-bot', app),
      row('bare Bolt (floor)', floor),
      [
        'ratio app/floor',
        comparison.throughputRatio.toFixed(2),
        (app.p50Ms / floor.p50Ms).toFixed(2),
        comparison.p99Ratio.toFixed(2),
        (app.maxMs / floor.maxMs).toFixed(2),
        '',
        '',
        app.cpuUsPerRequest && floor.cpuUsPerRequest
          ? (app.cpuUsPerRequest / floor.cpuUsPerRequest).toFixed(2)
          : '',
      ],
    ],
  );
  const rounds = `rounds (req/s): hire-bot ${scenario.app.map((f) => count(f.requestsPerS)).join(', ')}; floor ${scenario.floor.map((f) => count(f.requestsPerS)).join(', ')}`;
  const checks = comparison.checks.map((c) => `${c.ok ? '✓' : '✗ MISSED'} ${c.label}`);
  return {
    text: [`### ${scenario.title}`, scenario.how, '', table, '', rounds, ...checks].join('\n'),
    comparison,
  };
}

/** One target's figures alone (no floor to compare with), e.g. the cache-miss path. */
export function renderSolo(title: string, how: string, figures: LoadFigures): string {
  return [
    `### ${title}`,
    how,
    '',
    markdownTable(
      ['', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', 'CPU µs/req'],
      [
        [
          'hire-bot',
          count(figures.requestsPerS),
          ms(figures.p50Ms),
          ms(figures.p99Ms),
          ms(figures.maxMs),
          count(figures.errors),
          count(figures.non2xx),
          figures.cpuUsPerRequest === undefined ? '–' : count(figures.cpuUsPerRequest),
        ],
      ],
    ),
  ].join('\n');
}

export interface StartupFigures {
  appMs: number[];
  floorMs: number[];
}

export function renderStartup(startup: StartupFigures): string {
  const list = (values: number[]): string => values.map((v) => count(v)).join(', ');
  return [
    '### Start-up (spawn → GET /health 200)',
    '',
    markdownTable(
      ['', 'median ms', 'samples ms'],
      [
        ['hire-bot', count(median(startup.appMs)), list(startup.appMs)],
        ['bare Bolt (floor)', count(median(startup.floorMs)), list(startup.floorMs)],
      ],
    ),
  ].join('\n');
}

/** VmRSS of both processes at the same moments: after warm-up, then after each load. */
export function renderRss(
  points: readonly MemoryPoint[],
  phases: readonly RssPhase[],
  check: { label: string; ok: boolean },
): string {
  const mb = (bytes: number): string => {
    const value = bytes / (1024 * 1024);
    return (Math.abs(value) < 0.05 ? 0 : value).toFixed(1); // no "-0.0"
  };
  const range = (r: RssRange): string => `${mb(r.min)} – ${mb(r.max)}`;
  const first = points[0];
  const last = points[points.length - 1];
  return [
    `### Memory (target: hire-bot's RSS after a full GC grows < 20 MB from the end of the warm-up to ${count(last?.appRequests ?? 0)} requests later)`,
    '',
    markdownTable(
      [
        'after',
        'hire-bot requests',
        'hire-bot RSS MB',
        'hire-bot heap used MB',
        'floor RSS MB',
        'floor heap used MB',
      ],
      points.map((p) => [
        p.after,
        count(p.appRequests),
        mb(p.app.rssBytes),
        mb(p.app.heapUsedBytes),
        mb(p.floor.rssBytes),
        mb(p.floor.heapUsedBytes),
      ]),
    ),
    '',
    first && last
      ? `growth after a full GC: hire-bot RSS ${mb(last.app.rssBytes - first.app.rssBytes)} MB, heap used ${mb(last.app.heapUsedBytes - first.app.heapUsedBytes)} MB; floor RSS ${mb(last.floor.rssBytes - first.floor.rssBytes)} MB`
      : '',
    `${check.ok ? '✓' : '✗ MISSED'} ${check.label}`,
    '',
    'RSS under load, sampled every 100 ms (no GC forced; the spread is the heap growing between collections):',
    '',
    markdownTable(
      [
        'during',
        'hire-bot requests at the end',
        'hire-bot MB (lowest – highest)',
        'floor MB (lowest – highest)',
      ],
      phases.map((p) => [p.label, count(p.appRequests), range(p.app), range(p.floor)]),
    ),
  ].join('\n');
}
