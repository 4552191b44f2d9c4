import {
  type Comparison,
  compareToFloor,
  type LoadFigures,
  median,
  pickBest,
} from './load-figures.js';
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
const count = (value: number): string => Math.round(value).toLocaleString('en-US');

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
  phases: readonly RssPhase[],
  check: { label: string; ok: boolean },
): string {
  const mb = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);
  const range = (r: RssRange): string => `${mb(r.min)} – ${mb(r.max)}`;
  const first = phases[0];
  const last = phases[phases.length - 1];
  return [
    `### Memory (VmRSS sampled every 100 ms; target: the lowest RSS of hire-bot grows < 20 MB from the first phase after warm-up to the last, the same load ${count((last?.appRequests ?? 0) - (first?.appRequests ?? 0))} requests later)`,
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
    '',
    first && last
      ? `growth of the lowest RSS: hire-bot ${mb(last.app.min - first.app.min)} MB, floor ${mb(last.floor.min - first.floor.min)} MB`
      : '',
    `${check.ok ? '✓' : '✗ MISSED'} ${check.label}`,
  ].join('\n');
}
