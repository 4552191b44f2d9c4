import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAttachmentLimits } from '../../../../src/features/resume-flags/attachments/attachment-limits.js';
import type { ExtractRequest } from '../../../../src/features/resume-flags/attachments/extraction-messages.js';
import {
  createExtractionPool,
  type ExtractionPool,
} from '../../../../src/features/resume-flags/attachments/extraction-pool.js';
import {
  buildDocx,
  buildManyParagraphDocx,
  buildPdf,
  buildPdfDecodeBomb,
  RESUME_PAGES,
  squash,
} from '../../../support/resume-fixtures.js';

const LIMITS = resolveAttachmentLimits();
const never = new AbortController().signal;
let pdf: Buffer;
let docx: Buffer;

function request(kind: 'pdf' | 'docx', bytes: Uint8Array, limits = LIMITS): ExtractRequest {
  return { kind, bytes: new Uint8Array(bytes), limits };
}

beforeAll(async () => {
  pdf = await buildPdf();
  docx = await buildDocx(RESUME_PAGES.join('\n').split('\n'));
});

describe('extraction pool', () => {
  let pool: ExtractionPool;
  beforeAll(() => {
    pool = createExtractionPool(LIMITS);
  });
  afterAll(() => pool.close());

  it('extracts PDF and .docx text in a child process and keeps the child for the next file', async () => {
    const fromPdf = await pool.extract(request('pdf', pdf), never);
    const fromDocx = await pool.extract(request('docx', docx), never);
    expect(fromPdf).toMatchObject({ ok: true, pages: 2 });
    expect(fromPdf.ok && squash(fromPdf.text)).toBe(squash(RESUME_PAGES.join('\n')));
    expect(fromDocx.ok && squash(fromDocx.text)).toBe(squash(RESUME_PAGES.join('\n')));
    expect(pool.stats()).toMatchObject({ children: 1, busy: 0, queued: 0 });
  });

  // Reads /proc, so Linux only (where the bot and CI run).
  it.runIf(existsSync('/proc/self/environ'))(
    'forks the child with an empty environment: a parser never sees the bot token',
    () => {
      const [pid] = pool.stats().pids;
      expect(pid).toBeDefined();
      const names = (path: string) =>
        readFileSync(path, 'utf8')
          .split('\0')
          .filter(Boolean)
          .map((entry) => entry.split('=')[0]);
      // Only what fork itself adds for the IPC channel.
      expect(names(`/proc/${pid}/environ`).filter((n) => !n?.startsWith('NODE_CHANNEL_'))).toEqual(
        [],
      );
      expect(names('/proc/self/environ').length).toBeGreaterThan(0); // the check can see some
    },
  );

  it('runs one file per child and queues the rest', async () => {
    const outcomes = Array.from({ length: 4 }, () => pool.extract(request('pdf', pdf), never));
    expect(pool.stats()).toMatchObject({ children: 1, busy: 1, queued: 3 });
    for (const outcome of await Promise.all(outcomes)) expect(outcome).toMatchObject({ ok: true });
    expect(pool.stats()).toMatchObject({ children: 1, busy: 0, queued: 0 });
  });

  it('answers timeout for a request whose signal aborts while it waits', async () => {
    const running = pool.extract(request('pdf', pdf), never);
    const waiting = new AbortController();
    const queued = pool.extract(request('pdf', pdf), waiting.signal);
    expect(pool.stats().queued).toBe(1);
    waiting.abort();
    expect(await queued).toEqual({ ok: false, reason: 'timeout' });
    expect(pool.stats().queued).toBe(0);
    expect(await running).toMatchObject({ ok: true });
  });
});

describe('extraction pool under hostile files', () => {
  it('kills a child whose heap runs out, answers too-large, and goes on with a new child', async () => {
    // Honest zip sizes with a relaxed ratio bound, so only the child's heap limit stands
    // between mammoth's document tree and the machine.
    const limits = resolveAttachmentLimits({
      extractorHeapMb: 48,
      extractorRssMb: 4_096,
      maxCompressionRatio: 1e6,
    });
    const pool = createExtractionPool(limits);
    try {
      const heavy = buildManyParagraphDocx(400_000);
      expect(await pool.extract(request('docx', heavy, limits), never)).toEqual({
        ok: false,
        reason: 'too-large',
      });
      expect(await pool.extract(request('pdf', pdf, limits), never)).toMatchObject({ ok: true });
    } finally {
      await pool.close();
    }
  });

  it('kills a child whose file decodes past its memory bound outside the heap', async () => {
    // From sources the child (Node, tsx, PDF.js) starts at about 115 MB.
    const limits = resolveAttachmentLimits({ extractorRssMb: 200 });
    const pool = createExtractionPool(limits);
    try {
      // 200 MB of typed arrays once decoded: the heap limit alone would not see them.
      const bomb = buildPdfDecodeBomb(4, 50);
      expect(bomb.length).toBeLessThan(50_000);
      expect(await pool.extract(request('pdf', bomb, limits), never)).toEqual({
        ok: false,
        reason: 'too-large',
      });
      expect(pool.stats().children).toBe(0);
      expect(await pool.extract(request('pdf', pdf, limits), never)).toMatchObject({ ok: true });
    } finally {
      await pool.close();
    }
  });

  it('kills a child still parsing when the signal aborts, and answers timeout', async () => {
    const limits = resolveAttachmentLimits({ extractorRssMb: 4_096 });
    const pool = createExtractionPool(limits);
    try {
      await pool.extract(request('pdf', pdf, limits), never); // child started
      const deadline = AbortSignal.timeout(300);
      const started = Date.now();
      const outcome = await pool.extract(
        request('pdf', buildPdfDecodeBomb(4, 100), limits),
        deadline,
      );
      expect(outcome).toEqual({ ok: false, reason: 'timeout' });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(pool.stats().children).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('ends queued requests as timeout on close and refuses new ones', async () => {
    const pool = createExtractionPool(LIMITS);
    const first = pool.extract(request('pdf', pdf), never);
    const second = pool.extract(request('pdf', pdf), never);
    await pool.close();
    expect(await first).toEqual({ ok: false, reason: 'timeout' });
    expect(await second).toEqual({ ok: false, reason: 'timeout' });
    await expect(pool.extract(request('pdf', pdf), never)).rejects.toThrow(/closed/);
  });

  it('rejects when the child cannot start at all (a build without its entry)', async () => {
    const pool = createExtractionPool({
      ...LIMITS,
      childUrl: new URL('./no-such-child.js', import.meta.url),
    });
    try {
      await expect(pool.extract(request('pdf', pdf), never)).rejects.toThrow(/did not start/);
    } finally {
      await pool.close();
    }
  });
});
