import { describe, expect, it } from 'vitest';
import {
  checkDownloadedContent,
  looksLikeHtml,
} from '../../../../src/features/resume-flags/attachments/check-content.js';
import { SIGN_IN_PAGE } from '../../../support/slack-file-server.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const html = bytes(SIGN_IN_PAGE);

describe('checkDownloadedContent', () => {
  it('accepts a PDF by its header, also after a little junk', () => {
    expect(checkDownloadedContent('pdf', bytes('%PDF-1.7\n...'), 'application/pdf')).toEqual({
      ok: true,
    });
    expect(checkDownloadedContent('pdf', bytes('\r\n\r\n%PDF-1.4'), undefined)).toEqual({
      ok: true,
    });
  });

  it('accepts a .docx by the zip signature', () => {
    expect(
      checkDownloadedContent('docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), undefined),
    ).toEqual({
      ok: true,
    });
  });

  it('takes an HTML page where a PDF or .docx was expected for a refused download', () => {
    expect(checkDownloadedContent('pdf', html, 'text/html')).toEqual({
      ok: false,
      reason: 'no-access',
    });
    expect(checkDownloadedContent('docx', html, 'text/html; charset=utf-8')).toEqual({
      ok: false,
      reason: 'no-access',
    });
  });

  it('calls other wrong bytes corrupt, and an OLE container in place of a .docx encrypted', () => {
    expect(checkDownloadedContent('pdf', bytes('GIF89a....'), 'application/pdf')).toEqual({
      ok: false,
      reason: 'corrupt',
    });
    expect(checkDownloadedContent('docx', bytes('%PDF-1.7'), undefined)).toEqual({
      ok: false,
      reason: 'corrupt',
    });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(checkDownloadedContent('docx', ole, undefined)).toEqual({
      ok: false,
      reason: 'encrypted',
    });
  });

  it('refuses a text file only when the server calls HTML what looks like HTML', () => {
    expect(checkDownloadedContent('text', html, 'text/html')).toEqual({
      ok: false,
      reason: 'no-access',
    });
    expect(checkDownloadedContent('markdown', html, 'text/plain')).toEqual({ ok: true });
    expect(checkDownloadedContent('text', bytes('Jane Doe'), 'text/html')).toEqual({ ok: true });
  });

  it('calls a zero-byte download empty', () => {
    expect(checkDownloadedContent('pdf', new Uint8Array(0), 'application/pdf')).toEqual({
      ok: false,
      reason: 'empty',
    });
  });
});

describe('looksLikeHtml', () => {
  it('sees a doctype or html tag after a byte order mark and blank lines', () => {
    expect(looksLikeHtml(bytes('\uFEFF\n  <!doctype HTML><p>'))).toBe(true);
    expect(looksLikeHtml(bytes('<html lang="en">'))).toBe(true);
    expect(looksLikeHtml(bytes('# Jane Doe <html> expert'))).toBe(false);
  });
});
