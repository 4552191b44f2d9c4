import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../../src/features/resume-flags/attachments/extract-pdf-text.js';
import {
  buildCorruptPdf,
  buildImageOnlyPdf,
  buildPdf,
  RESUME_PAGES,
  squash,
} from '../../../support/resume-fixtures.js';

const LIMITS = { maxPages: 50, maxTextChars: 200_000 };

// In this process, without the child: the parsing itself (extraction-pool.test.ts runs it
// in the child).
describe('extractPdfText', () => {
  it('reads the text layer of a two-page resume', async () => {
    const outcome = await extractPdfText(await buildPdf(), LIMITS);
    if (!outcome.ok) throw new Error(`expected text, got ${outcome.reason}`);
    expect(squash(outcome.text)).toBe(squash(RESUME_PAGES.join('\n')));
    expect(outcome.pages).toBe(2);
    expect(outcome.truncated).toBe(false);
  });

  it('reads only the first pages past the page bound, and says so', async () => {
    const outcome = await extractPdfText(await buildPdf(), { ...LIMITS, maxPages: 1 });
    if (!outcome.ok) throw new Error(`expected text, got ${outcome.reason}`);
    expect(squash(outcome.text)).toBe(squash(RESUME_PAGES[0] ?? ''));
    expect(outcome).toMatchObject({ pages: 2, truncated: true });
  });

  it('cuts at the character bound', async () => {
    const outcome = await extractPdfText(await buildPdf(), { ...LIMITS, maxTextChars: 20 });
    expect(outcome).toMatchObject({ ok: true, truncated: true });
    expect(outcome.ok && outcome.text.length).toBe(20);
  });

  it('calls a scan without a text layer no-text-layer', async () => {
    expect(await extractPdfText(await buildImageOnlyPdf(), LIMITS)).toEqual({
      ok: false,
      reason: 'no-text-layer',
    });
  });

  it('tells an encrypted PDF from a corrupt one', async () => {
    const encrypted = await buildPdf(RESUME_PAGES, { userPassword: 'hunter2' });
    expect(await extractPdfText(encrypted, LIMITS)).toEqual({ ok: false, reason: 'encrypted' });
    expect(await extractPdfText(buildCorruptPdf(), LIMITS)).toEqual({
      ok: false,
      reason: 'corrupt',
    });
    const cut = (await buildPdf()).subarray(0, 300);
    expect(await extractPdfText(cut, LIMITS)).toEqual({ ok: false, reason: 'corrupt' });
  });
});
