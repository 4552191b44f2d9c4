/**
 * Resume attachments: how long extracting a two-page PDF takes, and how much the process's
 * RSS grows while 10 files are read at once. Runnable alone:
 * `npx tsx bench/resume-attachments.bench.ts`.
 *
 * Like knowledge-lookup.bench.ts, the figures come from a child process running the bundled
 * bench on plain node (as `npm start` runs the bot, with the extraction child built by
 * scripts/build.mjs), so neither RSS nor the child's start-up include a TypeScript loader.
 * The bench process runs with --expose-gc to read RSS after a full collection.
 *
 * - Extraction: the reader's pool of extraction children alone (bytes sent to the child,
 *   PDF.js or mammoth, text back), one file at a time after a warm-up; the first call, which
 *   forks the child and loads PDF.js, is reported apart as "cold".
 * - Full read: the reader end to end against a local file host (bot token, download, content
 *   check, extraction).
 * - Memory: RSS is the bench process's plus that of its extraction children (read from
 *   /proc). First after a full GC with no child running, then the peak sampled every 5 ms
 *   while 10 messages with one attachment each are read at once (three bursts), then after a
 *   full GC again. Growth is peak minus the first figure: it includes the child.
 * - Hostile: the same with 10 bombs at once (PDF decode bombs and .docx bombs whose headers
 *   lie), to show the bound holds; no target, the outcomes are listed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolveAttachmentLimits } from '../src/features/resume-flags/attachments/attachment-limits.js';
import { createExtractionPool } from '../src/features/resume-flags/attachments/extraction-pool.js';
import { createAttachmentReader } from '../src/features/resume-flags/attachments/read-resume-attachments.js';
import {
  buildDocx,
  buildDocxBomb,
  buildPdf,
  buildPdfDecodeBomb,
  RESUME_PAGES,
} from '../tests/support/resume-fixtures.js';
import { startSlackFileServer } from '../tests/support/slack-file-server.js';
import { markdownTable } from './support/report.js';

const EXTRACTIONS = 300;
const READS = 100;
const CONCURRENT = 10;
const BURSTS = 3;
const TOKEN = 'xoxb-bench';
const MB = 1024 * 1024;
const never = new AbortController().signal;
const noInfo = { files: { info: () => Promise.reject(new Error('not expected')) } };

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const ms = (value: number): string => value.toFixed(value < 10 ? 2 : 1);
const mb = (bytes: number): string => (bytes / MB).toFixed(1);
const check = (ok: boolean, label: string): string => `${ok ? '✓' : '✗ MISSED'} ${label}`;

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('run with --expose-gc');
  collect();
  collect();
}

/** VmRSS of a process from /proc, 0 when it is gone. */
function processRss(pid: number | string): number {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** This process's RSS plus its children's (the extraction children, the only ones it has). */
function treeRss(): number {
  // Children forked from the main thread are listed in its task's `children` file.
  const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8');
  return children
    .split(' ')
    .filter(Boolean)
    .reduce((total, pid) => total + processRss(pid), process.memoryUsage.rss());
}

async function rssAfterGc(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 200)); // let killed children go
  gc();
  return treeRss();
}

/** Runs `work` while sampling RSS every 5 ms; returns its result and the highest sample. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = treeRss();
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss());
  }, 5);
  try {
    const value = await work();
    return { value, peak: Math.max(peak, treeRss()) };
  } finally {
    clearInterval(timer);
  }
}

type Timing = { label: string; cold?: number; samples: number[] };

function timingRow(t: Timing): string[] {
  const sorted = [...t.samples].sort((a, b) => a - b);
  return [
    t.label,
    t.cold === undefined ? '–' : ms(t.cold),
    ms(percentile(sorted, 50)),
    ms(percentile(sorted, 99)),
    ms(sorted[sorted.length - 1] ?? Number.NaN),
    String(sorted.length),
  ];
}

async function timeExtractions(
  kind: 'pdf' | 'docx',
  bytes: Buffer,
  label: string,
): Promise<Timing> {
  const limits = resolveAttachmentLimits();
  const pool = createExtractionPool(limits);
  const once = async (): Promise<number> => {
    const started = performance.now();
    const outcome = await pool.extract({ kind, bytes: new Uint8Array(bytes), limits }, never);
    if (!outcome.ok) throw new Error(`${label}: ${outcome.reason}`);
    return performance.now() - started;
  };
  try {
    const cold = await once();
    for (let i = 0; i < 20; i++) await once();
    const samples: number[] = [];
    for (let i = 0; i < EXTRACTIONS; i++) samples.push(await once());
    return { label, cold, samples };
  } finally {
    await pool.close();
  }
}

async function measure(): Promise<void> {
  const server = await startSlackFileServer(TOKEN);
  const pdf = await buildPdf();
  const docx = await buildDocx(RESUME_PAGES.join('\n').split('\n'));
  let nextId = 1;
  const file = (name: string, filetype: string, body: Buffer) => {
    const id = `F${nextId++}`;
    return {
      id,
      name,
      filetype,
      size: body.length,
      url_private_download: server.serve(`/${id}`, { body }),
    };
  };

  const pdfTiming = await timeExtractions('pdf', pdf, 'two-page PDF, extraction');
  const docxTiming = await timeExtractions('docx', docx, '.docx, extraction');

  const reader = createAttachmentReader({ downloadOrigins: [server.origin] });
  const reads: number[] = [];
  for (let i = 0; i < READS + 10; i++) {
    const started = performance.now();
    const result = await reader.read([file('cv.pdf', 'pdf', pdf)], {
      botToken: TOKEN,
      client: noInfo,
    });
    if (result.read.length !== 1)
      throw new Error(`full read failed: ${JSON.stringify(result.skipped)}`);
    if (i >= 10) reads.push(performance.now() - started);
  }
  await reader.close();
  const fullRead: Timing = {
    label: 'two-page PDF, full read (download + checks + extraction)',
    samples: reads,
  };

  const burst = async (
    label: string,
    make: () => { name: string; filetype: string; body: Buffer },
  ) => {
    const before = await rssAfterGc();
    const burstReader = createAttachmentReader({ downloadOrigins: [server.origin] });
    let peak = before;
    const outcomes = new Map<string, number>();
    for (let round = 0; round < BURSTS; round++) {
      const messages = Array.from({ length: CONCURRENT }, () => {
        const f = make();
        return [file(f.name, f.filetype, f.body)];
      });
      const { value, peak: roundPeak } = await peakRss(() =>
        Promise.all(
          messages.map((files) => burstReader.read(files, { botToken: TOKEN, client: noInfo })),
        ),
      );
      peak = Math.max(peak, roundPeak);
      for (const result of value) {
        for (const _ of result.read) outcomes.set('read', (outcomes.get('read') ?? 0) + 1);
        for (const s of result.skipped) outcomes.set(s.reason, (outcomes.get(s.reason) ?? 0) + 1);
      }
    }
    const afterWithChild = await rssAfterGc();
    await burstReader.close();
    const after = await rssAfterGc();
    return { label, before, peak, afterWithChild, after, outcomes };
  };

  const memory = [
    await burst('10 two-page PDFs at once', () => ({ name: 'cv.pdf', filetype: 'pdf', body: pdf })),
    await burst('10 .docx at once', () => ({ name: 'cv.docx', filetype: 'docx', body: docx })),
  ];
  let bomb = 0;
  const hostile = await burst('10 bombs at once (PDF decode, lying .docx)', () =>
    bomb++ % 2 === 0
      ? { name: 'cv.pdf', filetype: 'pdf', body: buildPdfDecodeBomb(4, 50) }
      : { name: 'cv.docx', filetype: 'docx', body: buildDocxBomb(40, 1_000) },
  );
  await server.close();

  const limits = resolveAttachmentLimits();
  const pdfP99 = percentile(
    [...pdfTiming.samples].sort((a, b) => a - b),
    99,
  );
  const lines = [
    '## Resume attachments',
    `host load average (1 min): ${loadavg()[0]?.toFixed(2)}; figures above 1 per core include contention`,
    `defaults: ${limits.maxExtractors} extraction child (heap ${limits.extractorHeapMb} MB, RSS at most ${limits.extractorRssMb} MB), ${limits.maxConcurrentReads} reads at once`,
    '',
    '### Latency (ms)',
    '',
    markdownTable(
      ['', 'cold', 'p50', 'p99', 'max', 'n'],
      [pdfTiming, docxTiming, fullRead].map(timingRow),
    ),
    '',
    check(pdfP99 < 300, `two-page PDF extraction p99 ${ms(pdfP99)} ms (target < 300 ms)`),
    '',
    `### Memory (RSS MB; ${BURSTS} bursts of ${CONCURRENT} messages with one file each, peak sampled every 5 ms)`,
    '',
    markdownTable(
      [
        'burst',
        'before (GC, no child)',
        'peak',
        'growth',
        'after GC, child idle',
        'after GC, child stopped',
        'outcomes',
      ],
      [...memory, hostile].map((m) => [
        m.label,
        mb(m.before),
        mb(m.peak),
        mb(m.peak - m.before),
        mb(m.afterWithChild),
        mb(m.after),
        [...m.outcomes].map(([k, v]) => `${k} ${v}`).join(', '),
      ]),
    ),
    '',
    ...memory.map((m) =>
      check(
        m.peak - m.before < 100 * MB,
        `${m.label}: RSS growth ${mb(m.peak - m.before)} MB (target < 100 MB)`,
      ),
    ),
    `hostile burst: RSS growth ${mb(hostile.peak - hostile.before)} MB (bounded by the child's RSS bound, no target)`,
  ];
  process.stdout.write(`\n${lines.join('\n')}\n`);
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Bundles this file and measures in a fresh plain-node process (see the header). */
export async function run(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs', 'bench/resume-attachments.bench.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', 'dist/bench/resume-attachments.bench.js', '--measure'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (child.status !== 0)
    throw new Error(`resume attachments bench child failed (status ${child.status})`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--measure')) await measure();
  else await run();
}
