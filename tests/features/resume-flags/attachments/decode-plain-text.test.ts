import { describe, expect, it } from 'vitest';
import { decodePlainText } from '../../../../src/features/resume-flags/attachments/decode-plain-text.js';

describe('decodePlainText', () => {
  it('decodes UTF-8 and strips its byte order mark', () => {
    const withBom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Zoë Ångström, CV'),
    ]);
    expect(decodePlainText(withBom, 1000)).toEqual({
      ok: true,
      text: 'Zoë Ångström, CV',
      truncated: false,
    });
  });

  it('decodes UTF-16 when its byte order mark says so', () => {
    const le = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Backend engineer', 'utf16le'),
    ]);
    expect(decodePlainText(le, 1000)).toMatchObject({ ok: true, text: 'Backend engineer' });
  });

  it('refuses binary data posing as text', () => {
    const binary = new Uint8Array(2000);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 31) % 256;
    expect(decodePlainText(binary, 10_000)).toEqual({ ok: false });
    expect(decodePlainText(Buffer.from('Jane\u0000\u0000\u0000Doe'), 1000)).toEqual({ ok: false });
  });

  it('keeps text with a rare stray byte', () => {
    const text = Buffer.concat([
      Buffer.from('a'.repeat(500)),
      Buffer.from([0xff]),
      Buffer.from('b'),
    ]);
    expect(decodePlainText(text, 10_000)).toMatchObject({ ok: true });
  });

  it('cuts at the character bound and says so', () => {
    expect(decodePlainText(Buffer.from('abcdef'), 4)).toEqual({
      ok: true,
      text: 'abcd',
      truncated: true,
    });
  });
});
