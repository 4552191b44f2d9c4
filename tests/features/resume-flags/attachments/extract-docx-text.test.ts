import { describe, expect, it } from 'vitest';
import { resolveAttachmentLimits } from '../../../../src/features/resume-flags/attachments/attachment-limits.js';
import { extractDocxText } from '../../../../src/features/resume-flags/attachments/extract-docx-text.js';
import {
  buildDocx,
  buildDocxBomb,
  RESUME_PAGES,
  squash,
} from '../../../support/resume-fixtures.js';
import { writeZip } from '../../../support/zip-writer.js';

const LIMITS = resolveAttachmentLimits();
const PARAGRAPHS = RESUME_PAGES.join('\n').split('\n');

// In this process, without the child (extraction-pool.test.ts runs it in the child).
describe('extractDocxText', () => {
  it('reads the paragraphs of a Word document', async () => {
    const outcome = await extractDocxText(await buildDocx(PARAGRAPHS), LIMITS);
    if (!outcome.ok) throw new Error(`expected text, got ${outcome.reason}`);
    expect(squash(outcome.text)).toBe(squash(PARAGRAPHS.join(' ')));
    expect(outcome.truncated).toBe(false);
  });

  it('keeps markup-like text as text', async () => {
    const outcome = await extractDocxText(await buildDocx(['<b>R&D</b> lead']), LIMITS);
    expect(outcome).toMatchObject({ ok: true, text: '<b>R&D</b> lead' });
  });

  it('refuses a zip bomb before mammoth unpacks it, whether its headers are honest or lie', () => {
    return Promise.all([
      expect(extractDocxText(buildDocxBomb(40), LIMITS)).resolves.toEqual({
        ok: false,
        reason: 'too-large',
      }),
      expect(extractDocxText(buildDocxBomb(40, 2_000), LIMITS)).resolves.toEqual({
        ok: false,
        reason: 'too-large',
      }),
    ]);
  });

  it('calls a zip that is no Word document corrupt, and one without words empty', async () => {
    const notWord = writeZip([{ name: 'hello.txt', data: Buffer.from('hello') }]);
    expect(await extractDocxText(notWord, LIMITS)).toEqual({ ok: false, reason: 'corrupt' });
    expect(await extractDocxText(await buildDocx(['', '  ']), LIMITS)).toEqual({
      ok: false,
      reason: 'empty',
    });
  });
});
