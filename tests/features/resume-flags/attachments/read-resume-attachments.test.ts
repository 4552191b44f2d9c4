import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type AttachmentReader,
  createAttachmentReader,
} from '../../../../src/features/resume-flags/attachments/read-resume-attachments.js';
import { captureLogs } from '../../../support/app-test-deps.js';
import { buildPng } from '../../../support/png-fixture.js';
import {
  buildCorruptPdf,
  buildDocx,
  buildDocxBomb,
  buildImageOnlyPdf,
  buildPdf,
  RESUME_PAGES,
  SENTINEL,
  squash,
} from '../../../support/resume-fixtures.js';
import {
  type ServedFile,
  type SlackFileServer,
  startSlackFileServer,
} from '../../../support/slack-file-server.js';

const TOKEN = 'xoxb-reader-test';
const RESUME_TEXT = RESUME_PAGES.join('\n');
const noInfo = { files: { info: () => Promise.reject(new Error('files.info was not expected')) } };

let server: SlackFileServer;
let reader: AttachmentReader;
let fixtures: Record<'pdf' | 'docx' | 'encrypted' | 'scan', Buffer>;
let nextId = 1;

/** Serves `body` and returns the file object a message shortcut would carry for it. */
function slackFile(
  name: string,
  filetype: string,
  body: Buffer,
  served: Partial<ServedFile> = {},
  fields: Record<string, unknown> = {},
  host: SlackFileServer = server,
) {
  const id = `F${String(nextId++).padStart(4, '0')}`;
  const url = host.serve(`/files-pri/T1-${id}/download/${encodeURIComponent(name)}`, {
    body,
    contentType: 'application/octet-stream',
    ...served,
  });
  return {
    id,
    name,
    title: name,
    filetype,
    size: body.length,
    mode: 'hosted',
    is_external: false,
    url_private: url,
    url_private_download: url,
    ...fields,
  };
}

function readerWith(limits: Parameters<typeof createAttachmentReader>[0] = {}): AttachmentReader {
  return createAttachmentReader({ downloadOrigins: [server.origin], ...limits });
}

beforeAll(async () => {
  server = await startSlackFileServer(TOKEN);
  reader = readerWith();
  fixtures = {
    pdf: await buildPdf(),
    docx: await buildDocx(RESUME_TEXT.split('\n')),
    encrypted: await buildPdf(RESUME_PAGES, { userPassword: 'correct horse' }),
    scan: await buildImageOnlyPdf(),
  };
});
afterAll(async () => {
  await reader.close();
  await server.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('reading resume attachments', () => {
  it('reads a PDF and a .docx resume to the text they were built from', async () => {
    const pdf = slackFile('Jane Doe CV.pdf', 'pdf', fixtures.pdf);
    const docx = slackFile('resume.docx', 'docx', fixtures.docx);
    const result = await reader.read([pdf, docx], { botToken: TOKEN, client: noInfo });
    expect(result.skipped).toEqual([]);
    expect(result.read).toEqual([
      {
        id: pdf.id,
        name: 'Jane Doe CV.pdf',
        type: 'pdf',
        bytes: fixtures.pdf.length,
        pages: 2,
        truncated: false,
      },
      {
        id: docx.id,
        name: 'resume.docx',
        type: 'docx',
        bytes: fixtures.docx.length,
        truncated: false,
      },
    ]);
    expect(squash(result.text)).toBe(squash(`${RESUME_TEXT} ${RESUME_TEXT}`));
  });

  it('reads plain text and Markdown as UTF-8 without the byte order mark', async () => {
    const text = slackFile('cv.txt', 'text', Buffer.from(`\uFEFF${RESUME_TEXT}`), {
      contentType: 'text/plain',
    });
    const markdown = slackFile('resume.md', 'markdown', Buffer.from(`# Jane\n\n${SENTINEL}`), {
      contentType: 'text/markdown',
    });
    const result = await reader.read([text, markdown], { botToken: TOKEN, client: noInfo });
    expect(result.read.map((r) => r.type)).toEqual(['text', 'markdown']);
    expect(result.text).toBe(`${RESUME_TEXT}\n\n# Jane\n\n${SENTINEL}`);
  });

  it('gives each bad file its reason and never downloads what it can refuse up front', async () => {
    const before = server.stats.requests;
    const result = await reader.read(
      [
        slackFile('photo.png', 'png', buildPng()),
        slackFile('cv.zip', 'zip', Buffer.from('PK\u0003\u0004')),
        slackFile('resume.pdf', 'pdf', fixtures.pdf, {}, { mode: 'tombstone' }),
        slackFile(
          'resume.docx',
          'docx',
          fixtures.docx,
          {},
          { mode: 'external', is_external: true },
        ),
        slackFile('huge-cv.pdf', 'pdf', fixtures.pdf, {}, { size: 10 * 1024 * 1024 + 1 }),
      ],
      { botToken: TOKEN, client: noInfo },
    );
    expect(result.skipped.map((s) => [s.name, s.reason])).toEqual([
      ['photo.png', 'unsupported-type'],
      ['cv.zip', 'unsupported-type'],
      ['resume.pdf', 'deleted'],
      ['resume.docx', 'external'],
      ['huge-cv.pdf', 'too-large'],
    ]);
    expect(result).toMatchObject({ text: '', read: [] });
    expect(server.stats.requests).toBe(before);
  });

  it.each([
    ['a scanned PDF', 'no-text-layer', 'cv.pdf', 'pdf', () => fixtures.scan, {}],
    ['an encrypted PDF', 'encrypted', 'cv.pdf', 'pdf', () => fixtures.encrypted, {}],
    ['a corrupt PDF', 'corrupt', 'cv.pdf', 'pdf', buildCorruptPdf, {}],
    ['a .docx zip bomb', 'too-large', 'cv.docx', 'docx', () => buildDocxBomb(40), {}],
    [
      'a .docx bomb whose headers lie',
      'too-large',
      'cv.docx',
      'docx',
      () => buildDocxBomb(40, 900),
      {},
    ],
    ['a PDF that is really an image', 'corrupt', 'cv.pdf', 'pdf', buildPng, {}],
    ['binary data named .txt', 'corrupt', 'cv.txt', 'text', () => buildPng(200, 200), {}],
    ['an empty text file', 'empty', 'cv.md', 'markdown', () => Buffer.from(' \n\n '), {}],
    [
      'an HTML sign-in page answered with 200',
      'no-access',
      'cv.pdf',
      'pdf',
      () => fixtures.pdf,
      { signInPage: true },
    ],
    ['a 404', 'no-access', 'cv.docx', 'docx', () => fixtures.docx, { status: 404 }],
    [
      'a body larger than the bound, declared small',
      'too-large',
      'cv.pdf',
      'pdf',
      () => Buffer.concat([fixtures.pdf, Buffer.alloc(10 * 1024 * 1024)]),
      { chunked: true },
    ],
  ] as const)('%s is skipped as %s', async (_label, reason, name, filetype, body, served) => {
    const bytes = body();
    const file = slackFile(name, filetype, bytes, served, { size: Math.min(bytes.length, 5_000) });
    const result = await reader.read([file], { botToken: TOKEN, client: noInfo });
    expect(result.skipped).toEqual([{ id: file.id, name, reason }]);
    expect(result.read).toEqual([]);
  });

  it('cannot download without the right bot token (the server answers 401)', async () => {
    const before = server.stats.unauthorized;
    const file = slackFile('cv.pdf', 'pdf', fixtures.pdf);
    const result = await reader.read([file], { botToken: 'xoxb-someone-else', client: noInfo });
    expect(result.skipped).toEqual([{ id: file.id, name: 'cv.pdf', reason: 'no-access' }]);
    expect(server.stats.unauthorized).toBe(before + 1);
  });

  it('asks files.info when the payload says check_file_info or lacks the URL', async () => {
    const full = slackFile('cv.pdf', 'pdf', fixtures.pdf);
    const gone = slackFile('old-cv.pdf', 'pdf', fixtures.pdf);
    const asked: string[] = [];
    const client = {
      files: {
        info: async ({ file }: { file: string }) => {
          asked.push(file);
          if (file === gone.id) {
            throw Object.assign(new Error('file_deleted'), {
              data: { ok: false, error: 'file_deleted' },
            });
          }
          return { ok: true, file: full };
        },
      },
    };
    const result = await reader.read(
      [
        { id: full.id, name: 'cv.pdf', filetype: 'pdf', file_access: 'check_file_info' },
        { id: gone.id, name: 'old-cv.pdf', filetype: 'pdf' },
      ],
      { botToken: TOKEN, client },
    );
    expect(asked.sort()).toEqual([full.id, gone.id].sort());
    expect(result.read.map((r) => r.id)).toEqual([full.id]);
    expect(squash(result.text)).toBe(squash(RESUME_TEXT));
    expect(result.skipped).toEqual([{ id: gone.id, name: 'old-cv.pdf', reason: 'deleted' }]);
  });

  it('takes type and name from files.info for an entry that is only an id (Slack Connect)', async () => {
    const cv = slackFile('shared-cv.pdf', 'pdf', fixtures.pdf);
    const photo = slackFile('photo.png', 'png', buildPng());
    const byId = new Map([
      [cv.id, cv],
      [photo.id, photo],
    ]);
    const client = {
      files: { info: async ({ file }: { file: string }) => ({ file: byId.get(file) }) },
    };
    const idOnly = (id: string) => ({ id, mode: 'file_access', file_access: 'check_file_info' });
    const result = await reader.read([idOnly(cv.id), idOnly(photo.id)], {
      botToken: TOKEN,
      client,
    });
    expect(result.read).toEqual([
      expect.objectContaining({ id: cv.id, name: 'shared-cv.pdf', type: 'pdf', pages: 2 }),
    ]);
    expect(squash(result.text)).toBe(squash(RESUME_TEXT));
    expect(result.skipped).toEqual([
      { id: photo.id, name: 'photo.png', reason: 'unsupported-type' },
    ]);
  });

  it('reads at most three files, resume-named first, and says which were left', async () => {
    const files = [
      slackFile('notes.txt', 'text', Buffer.from('notes')),
      slackFile('portfolio.md', 'markdown', Buffer.from('portfolio')),
      slackFile('cv.pdf', 'pdf', fixtures.pdf),
      slackFile('extra.txt', 'text', Buffer.from('extra')),
    ];
    const result = await reader.read(files, { botToken: TOKEN, client: noInfo });
    expect(result.read.map((r) => r.name)).toEqual(['cv.pdf', 'notes.txt', 'portfolio.md']);
    expect(result.skipped).toEqual([{ id: files[3]?.id, name: 'extra.txt', reason: 'too-many' }]);
  });
});

describe('bounds on time and concurrency', () => {
  it('answers timeout for a download slower than the deadline, and for a caller that gives up', async () => {
    const quick = readerWith({ limits: { timeoutMs: 300 } });
    try {
      const slow = slackFile('cv.txt', 'text', Buffer.from('late'), { delayMs: 2_000 });
      const started = Date.now();
      const result = await quick.read([slow], { botToken: TOKEN, client: noInfo });
      expect(result.skipped).toEqual([{ id: slow.id, name: 'cv.txt', reason: 'timeout' }]);
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      await quick.close();
    }
    const controller = new AbortController();
    const slow = slackFile('cv.txt', 'text', Buffer.from('late'), { delayMs: 2_000 });
    const pending = reader.read([slow], {
      botToken: TOKEN,
      client: noInfo,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    expect((await pending).skipped).toEqual([{ id: slow.id, name: 'cv.txt', reason: 'timeout' }]);
  });

  it('downloads at most maxConcurrentReads files at once across callers', async () => {
    // A host of its own: downloads other tests aborted may still count as in flight.
    const host = await startSlackFileServer(TOKEN);
    const bounded = createAttachmentReader({
      downloadOrigins: [host.origin],
      limits: { maxConcurrentReads: 2 },
    });
    try {
      const message = () =>
        [1, 2, 3].map((i) =>
          slackFile(`cv-${i}.txt`, 'text', Buffer.from(`resume ${i}`), { delayMs: 150 }, {}, host),
        );
      const results = await Promise.all(
        [message(), message(), message()].map((files) =>
          bounded.read(files, { botToken: TOKEN, client: noInfo }),
        ),
      );
      expect(results.flatMap((r) => r.read)).toHaveLength(9);
      expect(host.stats.maxInFlight).toBe(2);
    } finally {
      await bounded.close();
      await host.close();
    }
  });
});

describe('privacy', () => {
  it('logs type, size and outcome of each file, never its name, URL or any of its text', async () => {
    const { capture, stream } = captureLogs();
    const logger = pino({ level: 'debug' }, stream);
    const written: string[] = [];
    const keep = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(keep);
    vi.spyOn(process.stderr, 'write').mockImplementation(keep);
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation(
        (...args) => void written.push(args.map(String).join(' ')),
      );
    }
    const logged = createAttachmentReader({ downloadOrigins: [server.origin], logger });
    try {
      const files = [
        slackFile('Quillon CV.pdf', 'pdf', fixtures.pdf),
        slackFile('Quillon resume.docx', 'docx', fixtures.docx),
        slackFile('Quillon.md', 'markdown', Buffer.from(`# Notes\n${SENTINEL}`)),
      ];
      const result = await logged.read(files, { botToken: TOKEN, client: noInfo });
      const failing = [slackFile('Quillon-lebenslauf.pdf', 'pdf', buildCorruptPdf())];
      await logged.read(failing, { botToken: TOKEN, client: noInfo });
      expect(result.text).toContain(SENTINEL); // the sentence was there to leak
    } finally {
      await logged.close();
    }
    const everything = capture.raw() + written.join('\n');
    expect(capture.lines).toHaveLength(4);
    // Files of one message are read side by side: lines come in the order reads finish.
    expect(capture.lines.map((l) => `${l.type} ${l.outcome}`).sort()).toEqual([
      'docx read',
      'markdown read',
      'pdf corrupt',
      'pdf read',
    ]);
    expect(capture.lines.find((l) => l.type === 'pdf')).toMatchObject({
      bytes: fixtures.pdf.length,
      pages: 2,
    });
    for (const secret of [SENTINEL, 'Quillon', 'Vantaggio', 'files-pri', TOKEN]) {
      expect(everything).not.toContain(secret);
    }
  });
});
