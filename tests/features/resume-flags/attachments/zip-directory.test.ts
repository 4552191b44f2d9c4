import { describe, expect, it } from 'vitest';
import { resolveAttachmentLimits } from '../../../../src/features/resume-flags/attachments/attachment-limits.js';
import { inspectZipDirectory } from '../../../../src/features/resume-flags/attachments/zip-directory.js';
import { buildDocx, buildDocxBomb } from '../../../support/resume-fixtures.js';
import { writeZip } from '../../../support/zip-writer.js';

const LIMITS = resolveAttachmentLimits();

describe('inspectZipDirectory', () => {
  it('lists the entries of a .docx made by jszip, with their declared sizes', async () => {
    const docx = await buildDocx(['Jane Doe', 'Backend engineer']);
    const directory = inspectZipDirectory(docx, LIMITS);
    if (!directory.ok) throw new Error(`expected a directory, got ${directory.reason}`);
    const files = directory.entries.filter((e) => !e.name.endsWith('/')); // jszip lists folders
    expect(files.map((e) => e.name).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
    ]);
    const document = directory.entries.find((e) => e.name === 'word/document.xml');
    expect(document?.method).toBe(8);
    expect(document?.uncompressedSize).toBeGreaterThan(document?.compressedSize ?? 0);
  });

  it('refuses a document.xml that declares more than the unpacked bound', () => {
    const bomb = buildDocxBomb(31);
    expect(bomb.length).toBeLessThan(100_000);
    expect(inspectZipDirectory(bomb, LIMITS)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('refuses an entry whose declared ratio is bomb-like even under the size bound', () => {
    const bomb = buildDocxBomb(5);
    expect(inspectZipDirectory(bomb, LIMITS)).toEqual({ ok: false, reason: 'too-large' });
    expect(inspectZipDirectory(bomb, { ...LIMITS, maxCompressionRatio: 2_000 })).toMatchObject({
      ok: true,
    });
  });

  it('refuses too many entries', () => {
    const entries = Array.from({ length: 20 }, (_, i) => ({
      name: `f${i}.xml`,
      data: Buffer.from('x'),
    }));
    expect(inspectZipDirectory(writeZip(entries), { ...LIMITS, maxZipEntries: 19 })).toEqual({
      ok: false,
      reason: 'too-large',
    });
    expect(inspectZipDirectory(writeZip(entries), { ...LIMITS, maxZipEntries: 20 })).toMatchObject({
      ok: true,
    });
  });

  it('calls a file without a zip directory, or with a cut one, corrupt', async () => {
    const docx = await buildDocx(['Jane Doe']);
    expect(inspectZipDirectory(Buffer.from('PK\u0003\u0004 not really'), LIMITS)).toEqual({
      ok: false,
      reason: 'corrupt',
    });
    expect(inspectZipDirectory(docx.subarray(0, docx.length - 40), LIMITS)).toEqual({
      ok: false,
      reason: 'corrupt',
    });
  });

  it('refuses an entry that claims to lie beyond the directory', () => {
    const zip = writeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
    const centralAt = zip.readUInt32LE(zip.length - 22 + 16);
    zip.writeUInt32LE(0x7fffffff, centralAt + 20); // compressed size
    expect(inspectZipDirectory(zip, LIMITS)).toEqual({ ok: false, reason: 'corrupt' });
  });
});
