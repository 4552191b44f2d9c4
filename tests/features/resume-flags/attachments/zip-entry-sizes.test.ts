import { describe, expect, it } from 'vitest';
import { resolveAttachmentLimits } from '../../../../src/features/resume-flags/attachments/attachment-limits.js';
import { inspectZipDirectory } from '../../../../src/features/resume-flags/attachments/zip-directory.js';
import { verifyZipEntrySizes } from '../../../../src/features/resume-flags/attachments/zip-entry-sizes.js';
import { buildDocx, buildDocxBomb } from '../../../support/resume-fixtures.js';
import { writeZip } from '../../../support/zip-writer.js';

const LIMITS = resolveAttachmentLimits();

function entriesOf(zip: Uint8Array) {
  const directory = inspectZipDirectory(zip, LIMITS);
  if (!directory.ok) throw new Error(`the directory check refused it: ${directory.reason}`);
  return directory.entries;
}

describe('verifyZipEntrySizes', () => {
  it('accepts entries that unpack to exactly what they declare', async () => {
    const docx = await buildDocx(['Jane Doe', 'Backend engineer']);
    expect(verifyZipEntrySizes(docx, entriesOf(docx))).toEqual({ ok: true });
  });

  it('catches a bomb whose headers claim a harmless size, without unpacking past that size', () => {
    const liar = buildDocxBomb(40, 1_000);
    const entries = entriesOf(liar); // the directory alone sees nothing wrong
    expect(entries.find((e) => e.name === 'word/document.xml')?.uncompressedSize).toBe(1_000);
    expect(verifyZipEntrySizes(liar, entries)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('calls an entry that unpacks to less than it declares corrupt', () => {
    const zip = writeZip([
      { name: 'word/document.xml', data: Buffer.from('<w:document/>'), declaredSize: 500 },
    ]);
    expect(verifyZipEntrySizes(zip, entriesOf(zip))).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('calls damaged deflate data corrupt', () => {
    const zip = writeZip([
      { name: 'word/document.xml', data: Buffer.from('<w:document>'.repeat(50)) },
    ]);
    zip.fill(0xff, 30 + 'word/document.xml'.length, 30 + 'word/document.xml'.length + 8);
    expect(verifyZipEntrySizes(zip, entriesOf(zip))).toEqual({ ok: false, reason: 'corrupt' });
  });
});
