import { deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { buildPng } from './png-fixture.js';
import { writeZip } from './zip-writer.js';

/** A sentence that appears in every resume fixture and must never reach a log line. */
export const SENTINEL = 'Quillon Vantaggio keeps three beehives on the office roof in Tallinn.';

/** A two-page resume, one string per page (each a few paragraphs separated by newlines). */
export const RESUME_PAGES: readonly string[] = [
  [
    'Alex Example - Backend Engineer',
    'Seven years of experience building payment services in Go and Kotlin.',
    'Led the migration of a monolith to event-driven services on Kafka.',
    SENTINEL,
  ].join('\n'),
  [
    'Skills: PostgreSQL, Redis, Kubernetes, observability with OpenTelemetry.',
    'Education: BSc Computer Science, 2016.',
    'Mentored four junior engineers and ran the on-call rotation.',
  ].join('\n'),
];

/** Whitespace-insensitive form, to compare extracted text with what a fixture was built from. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function collect(document: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.end();
  });
}

/** A PDF with a text layer, one page per string; `userPassword` encrypts it. */
export function buildPdf(
  pages: readonly string[] = RESUME_PAGES,
  options: { userPassword?: string } = {},
): Promise<Buffer> {
  const document = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    ...(options.userPassword ? { userPassword: options.userPassword, pdfVersion: '1.7' } : {}),
  });
  for (const page of pages) {
    document.addPage();
    document.fontSize(11).text(page);
  }
  return collect(document);
}

/** What a scanner makes: a page that is one picture, with no text layer. */
export function buildImageOnlyPdf(): Promise<Buffer> {
  const document = new PDFDocument({ autoFirstPage: false });
  document.addPage();
  document.image(buildPng(120, 160), 50, 50, { width: 400 });
  return collect(document);
}

/** A PDF header followed by bytes no PDF reader can make sense of. */
export function buildCorruptPdf(): Buffer {
  const noise = Buffer.alloc(4096);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 251;
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), noise]);
}

/**
 * A PDF of one page whose content is `copies` references to one deflated stream of
 * `streamMb` MB of spaces: small on disk, `copies × streamMb` MB once PDF.js decodes it, in
 * typed arrays outside the V8 heap. Built in milliseconds (one stream is deflated once).
 */
export function buildPdfDecodeBomb(streamMb = 4, copies = 50): Buffer {
  const packed = deflateSync(Buffer.alloc(streamMb * 1024 * 1024, 0x20), { level: 9 });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  const add = (...pieces: (string | Buffer)[]): void => {
    offsets.push(length);
    for (const piece of pieces) {
      const buffer = typeof piece === 'string' ? Buffer.from(piece, 'latin1') : piece;
      parts.push(buffer);
      length += buffer.length;
    }
  };
  const contents = Array.from({ length: copies }, () => '4 0 R').join(' ');
  add('1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n');
  add('2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n');
  add(
    `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [${contents}] >> endobj\n`,
  );
  add(
    `4 0 obj << /Length ${packed.length} /Filter /FlateDecode >> stream\n`,
    packed,
    '\nendstream endobj\n',
  );
  const xref = length;
  const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(
    Buffer.from(
      `xref\n0 5\n0000000000 65535 f \n${rows}trailer << /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOCUMENT_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOCUMENT_END = '</w:body></w:document>';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function paragraphsXml(paragraphs: readonly string[]): string {
  return paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`)
    .join('');
}

/** A minimal Word document, one paragraph per string, zipped by jszip. */
export function buildDocx(paragraphs: readonly string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELATIONSHIPS);
  zip.file('word/document.xml', DOCUMENT_START + paragraphsXml(paragraphs) + DOCUMENT_END);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * A .docx whose document.xml unpacks to `unpackedMb` MB of one repeated letter (about
 * 1,000:1). With `declaredSize`, both zip headers claim that many bytes instead: the lie a
 * bomb tells to get past a check of the central directory.
 */
export function buildDocxBomb(unpackedMb: number, declaredSize?: number): Buffer {
  const start = Buffer.from(`${DOCUMENT_START}<w:p><w:r><w:t>`);
  const end = Buffer.from(`</w:t></w:r></w:p>${DOCUMENT_END}`);
  const filler = Buffer.alloc(unpackedMb * 1024 * 1024 - start.length - end.length, 'A');
  return writeZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELATIONSHIPS) },
    {
      name: 'word/document.xml',
      data: Buffer.concat([start, filler, end]),
      ...(declaredSize === undefined ? {} : { declaredSize }),
    },
  ]);
}

/** A .docx with `paragraphs` tiny paragraphs: honest sizes, but a large tree in the parser. */
export function buildManyParagraphDocx(paragraphs: number): Buffer {
  const body = '<w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(paragraphs);
  return writeZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELATIONSHIPS) },
    { name: 'word/document.xml', data: Buffer.from(DOCUMENT_START + body + DOCUMENT_END) },
  ]);
}
