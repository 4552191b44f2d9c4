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
  // A copy each time: the pool moves the bytes into the worker.
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

  it('extracts PDF and .docx text in a worker and keeps the worker for the next file', async () => {
    const fromPdf = await pool.extract(request('pdf', pdf), never);
    const fromDocx = await pool.extract(request('docx', docx), never);
    expect(fromPdf).toMatchObject({ ok: true, pages: 2 });
    expect(fromPdf.ok && squash(fromPdf.text)).toBe(squash(RESUME_PAGES.join('\n')));
    expect(fromDocx.ok && squash(fromDocx.text)).toBe(squash(RESUME_PAGES.join('\n')));
    expect(pool.stats()).toEqual({ workers: 1, busy: 0, queued: 0 });
  });

  it('runs one file per worker and queues the rest', async () => {
    const outcomes = Array.from({ length: 4 }, () => pool.extract(request('pdf', pdf), never));
    expect(pool.stats()).toEqual({ workers: 1, busy: 1, queued: 3 });
    for (const outcome of await Promise.all(outcomes)) expect(outcome).toMatchObject({ ok: true });
    expect(pool.stats()).toEqual({ workers: 1, busy: 0, queued: 0 });
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
  it('stops a worker whose heap runs out, answers too-large, and goes on with a new worker', async () => {
    // Honest zip sizes with a relaxed ratio bound, so only the worker's heap limit stands
    // between mammoth's document tree and the process.
    const limits = resolveAttachmentLimits({
      workerHeapMb: 48,
      memoryBudgetMb: 4096,
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

  it('stops a worker whose file decodes past the memory budget outside the heap', async () => {
    const limits = resolveAttachmentLimits({ memoryBudgetMb: 64 });
    const pool = createExtractionPool(limits);
    try {
      // 200 MB of typed arrays once decoded: the heap limit alone would not see them.
      const bomb = buildPdfDecodeBomb(4, 50);
      expect(bomb.length).toBeLessThan(50_000);
      expect(await pool.extract(request('pdf', bomb, limits), never)).toEqual({
        ok: false,
        reason: 'too-large',
      });
      expect(pool.stats().workers).toBe(0);
      expect(await pool.extract(request('pdf', pdf, limits), never)).toMatchObject({ ok: true });
    } finally {
      await pool.close();
    }
  });

  it('stops a worker still parsing when the signal aborts, and answers timeout', async () => {
    const limits = resolveAttachmentLimits({ memoryBudgetMb: 4096 });
    const pool = createExtractionPool(limits);
    try {
      await pool.extract(request('pdf', pdf, limits), never); // worker started
      const deadline = AbortSignal.timeout(300);
      const started = Date.now();
      const outcome = await pool.extract(
        request('pdf', buildPdfDecodeBomb(4, 100), limits),
        deadline,
      );
      expect(outcome).toEqual({ ok: false, reason: 'timeout' });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(pool.stats().workers).toBe(0);
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

  it('rejects when the worker cannot start at all (a build without the worker entry)', async () => {
    const pool = createExtractionPool({
      ...LIMITS,
      workerUrl: new URL('./no-such-worker.js', import.meta.url),
    });
    try {
      await expect(pool.extract(request('pdf', pdf), never)).rejects.toThrow(/did not start/);
    } finally {
      await pool.close();
    }
  });
});
