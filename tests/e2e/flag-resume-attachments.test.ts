import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoopbackFileInput } from '../../src/dev/loopback-slack/files.js';
import type { LoopbackSlack } from '../../src/dev/loopback-slack/loopback-slack.js';
import { DEFAULT_CHANNEL_ID, DEFAULT_USER_ID } from '../../src/dev/loopback-slack/workspace.js';
import { resumeFlagsFeature } from '../../src/features/resume-flags/register.js';
import {
  FLAG_RESUME_INPUTS,
  FLAG_RESUME_SHORTCUT,
  FLAG_RESUME_VIEW,
} from '../../src/features/resume-flags/resume-flags-ids.js';
import { loadKnowledge } from '../../src/kernel/knowledge/load-knowledge.js';
import type { LogCapture, TestDeps } from '../support/app-test-deps.js';
import { buildPng } from '../support/png-fixture.js';
import {
  buildCorruptPdf,
  buildDocx,
  buildDocxBomb,
  buildImageOnlyPdf,
  buildPdf,
  SENTINEL,
} from '../support/resume-fixtures.js';
import { type SocketModeBot, startSocketModeBot } from './support/socket-mode-bot.js';
import { waitFor } from './support/wait-for.js';

const MB = 1024 * 1024;

/** A resume with flags and a level to find, plus a sentence that must never leave memory. */
const RESUME = readFileSync(
  new URL('../features/resume-flags/analysis/fixtures/strong-senior.txt', import.meta.url),
  'utf8',
).replace('Summary\n', `Summary\n${SENTINEL}\n`);
const LINES = RESUME.split('\n');
const HALF = Math.ceil(LINES.length / 2);
/** The resume as two PDF pages (or a message's own text and the rest in a file). */
const FIRST_HALF = LINES.slice(0, HALF).join('\n');
const SECOND_HALF = LINES.slice(HALF).join('\n');
/** A surname in the file names: names are for the reviewer's modal, never for the logs. */
const CANDIDATE_FILE = 'Zorblatt-Quince';

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  element?: { initial_options?: { value: string; description?: { text: string } }[] };
};
type View = { blocks: Block[]; private_metadata?: string; submit?: unknown; hash?: string };

describe('"Flag resume concerns" on attached files, end to end (Socket Mode, loopback Slack)', () => {
  let slack: LoopbackSlack;
  let deps: TestDeps;
  let logs: LogCapture;
  let dir: string;
  let running: SocketModeBot | undefined;
  let pdf: Buffer;
  let docx: Buffer;
  let scanPdf: Buffer;
  let encryptedPdf: Buffer;

  beforeAll(async () => {
    // A real database file, so the privacy check can read every byte the store wrote.
    dir = mkdtempSync(join(tmpdir(), 'hire-attachments-e2e-'));
    running = await startSocketModeBot({
      knowledge: loadKnowledge(),
      databaseUrl: `sqlite:${join(dir, 'bot.db')}`,
    });
    ({ slack, deps, logs } = running);
    pdf = await buildPdf([FIRST_HALF, SECOND_HALF]);
    docx = await buildDocx(LINES);
    scanPdf = await buildImageOnlyPdf();
    encryptedPdf = await buildPdf([FIRST_HALF], { userPassword: 'correct horse' });
    // The first PDF forks the extraction child, which from sources (tsx) compiles and loads
    // PDF.js: seconds on a busy machine, taken from the 10 s deadline the tests check. One
    // read beforehand starts it (production forks the bundled child: BENCHMARKS.md, cold).
    const warmUp = add({ name: 'warm-up.pdf', bytes: pdf });
    await flag([warmUp.id], '', 25_000);
  });
  afterAll(async () => {
    // The job the app stops at shutdown: it closes the feature's attachment reader.
    await resumeFlagsFeature
      .start?.({ ...deps, slack: { botToken: slack.botToken, apiUrl: slack.apiUrl } })
      .stop();
    await running?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const add = (input: LoopbackFileInput) => slack.files.add(input);
  /** A valid PDF followed by 10 MB of padding: past the limit however Slack describes it. */
  const oversized = () => Buffer.concat([pdf, Buffer.alloc(10 * MB, 0x20)]);
  const viewById = (id: string) => slack.workspace.views.get(id) as { view: View } | undefined;
  const allText = (view: View) => JSON.stringify(view.blocks);

  /**
   * Runs the shortcut on a message carrying `files` (loopback ids, or file objects as they
   * are) and resolves with the loading modal and the modal that replaced it.
   */
  async function flag(files: unknown[], text = '', timeoutMs = 15_000) {
    const opens = slack.callsTo('views.open').length;
    const updates = slack.callsTo('views.update').length;
    const payload = slack.payloads.messageShortcut({
      callbackId: FLAG_RESUME_SHORTCUT,
      message: { text, user: 'U0CANDIDATE', ...(files.length > 0 ? { files } : {}) },
    });
    await slack.socket.send('interactive', payload);
    const open = await waitFor(() => slack.callsTo('views.open')[opens], 'views.open');
    const update = await waitFor(
      () => slack.callsTo('views.update')[updates],
      'views.update',
      timeoutMs,
    );
    const view = viewById(String(update.args.view_id))?.view;
    if (!view) throw new Error('the modal is gone');
    return { open, update, view, viewId: String(update.args.view_id) };
  }

  /** What the analysis concluded, as the modal carries it: flags, evidence, level, years. */
  function conclusions(view: View) {
    const metadata = JSON.parse(view.private_metadata ?? '{}');
    const concerns = view.blocks.find((b) => b.block_id === FLAG_RESUME_INPUTS.concerns.blockId);
    const green = view.blocks.find((b) => b.text?.text.startsWith('*Green flags*'));
    return {
      green: metadata.green,
      level: metadata.level,
      years: metadata.years,
      greenEvidence: green?.text?.text,
      yellow: concerns?.element?.initial_options?.map((o) => [o.value, o.description?.text]),
    };
  }

  it('reads a two-page PDF: the modal opens at once saying so, then shows the same analysis as the pasted text', async () => {
    const file = add({ name: `${CANDIDATE_FILE}-CV.pdf`, bytes: pdf });
    const read = await flag([file.id]);
    expect(read.open.outcome).toBe('ok'); // within the trigger's 3 seconds
    expect(JSON.stringify(read.open.args.view)).toContain('its attached PDF');
    expect(JSON.stringify(read.open.args.view)).not.toContain(CANDIDATE_FILE);
    // The update used the hash views.open returned, and passed the loopback's Block Kit checks.
    expect(read.update.args.hash).toEqual(expect.any(String));
    expect(read.update.outcome).toBe('ok');
    expect(allText(read.view)).toContain(`“${CANDIDATE_FILE}-CV.pdf” (PDF, 2 pages)`);
    expect(allText(read.view)).toContain('Nothing of its text or files is stored');
    expect(read.view.submit).toBeDefined();

    const pasted = await flag([], RESUME);
    expect(conclusions(read.view)).toEqual(conclusions(pasted.view));
    // The comparison is not vacuous: the resume raises green flags and a senior estimate.
    expect(conclusions(pasted.view)).toMatchObject({ level: 'senior', years: 7 });
    expect(conclusions(pasted.view).green.length).toBeGreaterThan(0);
    expect(slack.files.downloads.at(-1)).toMatchObject({
      fileId: file.id,
      authorized: true,
      outcome: 'file',
    });
  });

  it('reads a .docx to the same analysis, and a Slack Connect file through files.info', async () => {
    const pasted = await flag([], RESUME);
    const word = add({ name: `${CANDIDATE_FILE}-resume.docx`, bytes: docx });
    const fromWord = await flag([word.id]);
    expect(JSON.stringify(fromWord.open.args.view)).toContain('its attached Word document');
    expect(allText(fromWord.view)).toContain(`“${CANDIDATE_FILE}-resume.docx” (Word document)`);
    expect(conclusions(fromWord.view)).toEqual(conclusions(pasted.view));

    const infoCalls = slack.callsTo('files.info').length;
    const shared = add({ name: 'cv.pdf', bytes: pdf, fileAccess: 'check_file_info' });
    const fromShared = await flag([shared.id]);
    expect(slack.callsTo('files.info').length).toBe(infoCalls + 1);
    expect(conclusions(fromShared.view)).toEqual(conclusions(pasted.view));
  });

  it("uses the message's own text as well as the file's", async () => {
    const pasted = await flag([], RESUME);
    const rest = add({ name: 'resume-part-2.txt', bytes: SECOND_HALF });
    const both = await flag([rest.id], FIRST_HALF);
    expect(allText(both.view)).toContain('“resume-part-2.txt” (text file)');
    expect(conclusions(both.view)).toEqual(conclusions(pasted.view));
  });

  it.each([
    ['an image-only (scanned) PDF', () => ({ name: 'scan.pdf', bytes: scanPdf }), 'does no OCR'],
    ['a corrupt PDF', () => ({ name: 'cv.pdf', bytes: buildCorruptPdf() }), 'damaged'],
    [
      'a file Slack says is over 10 MB',
      () => ({ name: 'cv.pdf', bytes: pdf, size: 11 * MB }),
      'over 10 MB',
    ],
    [
      'a file larger than Slack said',
      () => ({ name: 'cv.pdf', bytes: oversized(), size: 1_000 }),
      'over 10 MB',
    ],
    ['a zip-bomb .docx', () => ({ name: 'cv.docx', bytes: buildDocxBomb(40) }), 'unpacks to far'],
    [
      'a zip-bomb .docx whose headers lie',
      () => ({ name: 'cv.docx', bytes: buildDocxBomb(40, 900) }),
      'unpacks to far',
    ],
    ['an image', () => ({ name: 'resume.png', bytes: buildPng() }), 'not a type the bot can read'],
    [
      'a zip archive',
      () => ({ name: 'resume.zip', bytes: Buffer.from('PK\u0003\u0004') }),
      'not a type the bot can read',
    ],
    [
      'a password-protected PDF',
      () => ({ name: 'cv.pdf', bytes: encryptedPdf }),
      'protected by a password',
    ],
  ])('%s gets a clear modal saying why, without a form', async (_name, input, why) => {
    const file = add(input());
    const { view, update } = await flag([file.id]);
    expect(update.outcome).toBe('ok');
    const text = allText(view);
    expect(text).toContain('only files');
    expect(text).toContain(`“${file.name}”: `);
    expect(text).toContain(why);
    expect(view.submit).toBeUndefined();
  });

  it.each([
    [
      'a download answered 401',
      () => {
        const file = add({ name: 'cv.pdf', bytes: pdf });
        slack.files.failDownloads(401, { file: file.id, times: 1 });
        return file.id;
      },
      'not allowed to download it',
    ],
    [
      "Slack's sign-in page (status 200) in place of the file",
      () => {
        // The loopback serves a bot-token download the file itself, and its sign-in page at an
        // external file's address: a file object pointing there gets HTML where a PDF should be.
        const page = add({ name: 'cv.pdf', mode: 'external' });
        return {
          id: 'F0SIGNIN',
          name: 'cv.pdf',
          filetype: 'pdf',
          mode: 'hosted',
          size: pdf.length,
          url_private_download: `${slack.baseUrl}/external/${page.id}`,
        };
      },
      'not allowed to download it',
    ],
    [
      'a file whose access was revoked',
      () => {
        const file = add({ name: 'cv.pdf', bytes: pdf });
        slack.files.revoke(file.id);
        return file.id;
      },
      'not allowed to download it',
    ],
    [
      'a Slack Connect file whose access was revoked (files.info refuses)',
      () => {
        const file = add({ name: 'cv.pdf', bytes: pdf, fileAccess: 'check_file_info' });
        slack.files.revoke(file.id);
        return file.id;
      },
      'not allowed to download it',
    ],
    [
      'a deleted file',
      () => {
        const file = add({ name: 'cv.pdf', bytes: pdf });
        slack.files.delete(file.id);
        return file.id;
      },
      'deleted',
    ],
    [
      'a link to another service',
      () => add({ name: 'cv.pdf', mode: 'external' }).id,
      'another service',
    ],
  ])('%s: the modal says the bot cannot read it', async (_name, attach, why) => {
    const { view, update } = await flag([attach()]);
    expect(update.outcome).toBe('ok');
    expect(allText(view)).toContain('only files');
    expect(allText(view)).toContain(why);
    expect(view.submit).toBeUndefined();
  });

  it('gives up on a download slower than 10 seconds and says so', async () => {
    const file = add({ name: 'cv.pdf', bytes: pdf });
    // Far longer than the deadline, so that a busy machine cannot blur the two.
    slack.files.delayDownloads(20_000);
    try {
      const started = Date.now();
      const { view } = await flag([file.id]);
      const took = Date.now() - started;
      expect(allText(view)).toContain('took longer than 10 seconds');
      expect(took).toBeGreaterThanOrEqual(9_500);
      expect(took).toBeLessThan(20_000);
    } finally {
      slack.files.delayDownloads(0);
    }
  }, 40_000);

  it('of several files reads at most 3, resume-named first, and names the others with why', async () => {
    const files = [
      add({ name: 'cover-letter.pdf', bytes: pdf }),
      add({ name: 'team-photo.png', bytes: buildPng() }),
      add({ name: `${CANDIDATE_FILE}-resume.pdf`, bytes: pdf }),
      add({ name: 'references.txt', bytes: 'Dana Smith, former manager at Ledgerly.' }),
      add({ name: `${CANDIDATE_FILE}-CV.docx`, bytes: docx }),
      add({ name: 'notes.md', bytes: '# Notes\nCall on Friday.' }),
    ];
    const { open, view } = await flag(files.map((f) => f.id));
    expect(JSON.stringify(open.args.view)).toContain('3 attached files (PDF, Word document)');
    const text = allText(view);
    const read = view.blocks.find((b) => b.text?.text.includes('Read from the attached files'));
    const skipped = view.blocks.find((b) => b.text?.text.includes('Not read'));
    expect(read?.text?.text).toContain(`“${CANDIDATE_FILE}-resume.pdf”`);
    expect(read?.text?.text).toContain(`“${CANDIDATE_FILE}-CV.docx”`);
    expect(read?.text?.text).toContain('“cover-letter.pdf”');
    expect(read?.text?.text.split('\n').filter((l) => l.startsWith('•'))).toHaveLength(3);
    expect(skipped?.text?.text).toContain('“team-photo.png”: not a type the bot can read');
    expect(skipped?.text?.text).toContain('“references.txt”: left out: at most 3 files');
    expect(skipped?.text?.text).toContain('“notes.md”: left out: at most 3 files');
    expect(text).toContain('/hire questions senior');
    const downloaded = new Set(slack.files.downloads.map((d) => d.fileId));
    expect(downloaded.has(files[1]?.id ?? '')).toBe(false);
    expect(downloaded.has(files[3]?.id ?? '')).toBe(false);
  });

  it('keeps the file out of the store, the logs and every post; logs type and size only', async () => {
    const callsBefore = slack.calls.length;
    const postsBefore = slack.callsTo('chat.postMessage').length;
    const file = add({ name: `${CANDIDATE_FILE}-CV.pdf`, bytes: pdf });
    const { view, viewId } = await flag([file.id]);
    await slack.socket.send(
      'interactive',
      slack.payloads.viewSubmission({
        callbackId: FLAG_RESUME_VIEW,
        viewId,
        privateMetadata: view.private_metadata ?? '',
        values: {
          [FLAG_RESUME_INPUTS.concerns.blockId]: {
            [FLAG_RESUME_INPUTS.concerns.actionId]: { type: 'checkboxes', selected_options: [] },
          },
          [FLAG_RESUME_INPUTS.note.blockId]: {
            [FLAG_RESUME_INPUTS.note.actionId]: { type: 'plain_text_input', value: 'Keen, ask' },
          },
          [FLAG_RESUME_INPUTS.destination.blockId]: {
            [FLAG_RESUME_INPUTS.destination.actionId]: {
              type: 'radio_buttons',
              selected_option: { value: 'thread' },
            },
          },
        },
      }),
    );
    const post = await waitFor(
      () => slack.callsTo('chat.postMessage')[postsBefore],
      'the summary in the thread',
    );
    await waitFor(
      async () =>
        (
          await deps.store.flags.listVisible({
            teamId: slack.teamId,
            channelId: DEFAULT_CHANNEL_ID,
            viewerId: DEFAULT_USER_ID,
          })
        ).some((f) => f.note === 'Keen, ask'),
      'the stored flag',
    );
    expect(JSON.stringify(post.args)).toContain('Resume review');

    // Everything the bot sent Slack in this flow: the modals, the post.
    const sent = JSON.stringify(slack.calls.slice(callsBefore).map((c) => c.args));
    expect(sent).toContain('Keen, ask'); // the check sees what the bot sent…
    for (const secret of [SENTINEL, 'Vantaggio', 'beehives']) expect(sent).not.toContain(secret);

    // Every byte the store wrote (database and WAL).
    const stored = readdirSync(dir)
      .map((name) => readFileSync(join(dir, name)).toString('latin1'))
      .join('');
    expect(stored).toContain('Keen, ask'); // …and what the store wrote…
    for (const secret of ['Vantaggio', 'beehives', 'Priya', CANDIDATE_FILE]) {
      expect(stored).not.toContain(secret); // …but nothing of the file or its name.
    }

    const raw = logs.raw();
    for (const secret of ['Vantaggio', 'beehives', 'Priya', CANDIDATE_FILE, 'cover-letter']) {
      expect(raw).not.toContain(secret);
    }
    const line = logs.lines.findLast((l) => l.msg === 'resume attachment');
    expect(line).toMatchObject({ type: 'pdf', bytes: pdf.length, pages: 2, outcome: 'read' });
    expect(logs.lines.findLast((l) => l.msg === 'resume analysed')).toMatchObject({
      fileOutcomes: { read: 1 },
    });
  });
});
