import { App, LogLevel } from '@slack/bolt';
import { ErrorCode, type WebAPIPlatformError, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../src/dev/loopback-slack/loopback-slack.js';

let slack: LoopbackSlack;
let client: WebClient;

const PDF = '%PDF-1.7\nresume of a backend engineer\n%%EOF';

beforeAll(async () => {
  slack = await startLoopbackSlack({ pingIntervalMs: 0 });
  client = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, logLevel: LogLevel.ERROR });
});
afterAll(() => slack.close());
afterEach(() => slack.clearFailures());

async function platformError(promise: Promise<unknown>): Promise<WebAPIPlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code: ErrorCode.PlatformError });
  return error as WebAPIPlatformError;
}

const get = (url: string, token?: string, signal?: AbortSignal) =>
  fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal });

function shortcutFiles(...ids: string[]): Record<string, unknown>[] {
  const payload = slack.payloads.messageShortcut({
    callbackId: 'flag_resume',
    message: { text: '', files: ids },
  });
  return (payload.message as { files: Record<string, unknown>[] }).files;
}

describe('files in messages', () => {
  it('shows an attached file in message.files[] as Slack does', () => {
    const file = slack.files.add({ name: 'resume.pdf', title: 'Resume', bytes: PDF });
    const [entry] = shortcutFiles(file.id);
    expect(entry).toMatchObject({
      id: file.id,
      name: 'resume.pdf',
      title: 'Resume',
      mimetype: 'application/pdf',
      filetype: 'pdf',
      size: Buffer.byteLength(PDF),
      mode: 'hosted',
      is_external: false,
      file_access: 'visible',
      user: 'U0LOOPBACK',
      user_team: slack.teamId,
    });
    expect(entry?.url_private).toBe(
      `${slack.baseUrl}/files-pri/${slack.teamId}-${file.id}/resume.pdf`,
    );
    expect(entry?.url_private_download).toBe(
      `${slack.baseUrl}/files-pri/${slack.teamId}-${file.id}/download/resume.pdf`,
    );
  });

  it('infers .docx, .txt and .md types; a declared size can differ from the bytes', () => {
    const docx = slack.files.add({ name: 'cv.docx', bytes: 'PK\u0003\u0004' });
    const txt = slack.files.add({ name: 'cv.txt', bytes: 'plain' });
    const md = slack.files.add({ name: 'cv.md', bytes: '# cv', size: 11 * 1024 * 1024 });
    expect(shortcutFiles(docx.id, txt.id, md.id)).toMatchObject([
      {
        filetype: 'docx',
        mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      { filetype: 'text', mimetype: 'text/plain', size: 5 },
      { filetype: 'markdown', mimetype: 'text/markdown', size: 11 * 1024 * 1024 },
    ]);
  });

  it('shows only the id where the app must ask files.info (check_file_info)', async () => {
    const file = slack.files.add({
      name: 'shared.pdf',
      bytes: PDF,
      fileAccess: 'check_file_info',
    });
    const [entry] = shortcutFiles(file.id);
    expect(entry).toEqual({
      id: file.id,
      mode: 'file_access',
      file_access: 'check_file_info',
      created: 0,
      timestamp: 0,
      user: '',
    });
    const info = await client.files.info({ file: file.id });
    expect(info.file).toMatchObject({
      id: file.id,
      name: 'shared.pdf',
      url_private_download: expect.stringContaining(`/download/shared.pdf`),
    });
  });

  it('shows deleted files as tombstones and external ones without a download URL', () => {
    const gone = slack.files.add({ name: 'old.pdf', bytes: PDF });
    slack.files.delete(gone.id);
    const drive = slack.files.add({ name: 'Resume (Drive)', mode: 'external' });
    const [tombstone, external] = shortcutFiles(gone.id, drive.id);
    expect(tombstone).toEqual({ id: gone.id, mode: 'tombstone' });
    expect(external).toMatchObject({
      mode: 'external',
      is_external: true,
      external_type: 'gdrive',
    });
    expect(external?.url_private_download).toBeUndefined();
  });

  it('passes objects through as given, and refuses an unknown id', () => {
    expect(shortcutFiles()).toEqual([]);
    const raw = { id: 'F1', mimetype: 'image/png', name: 'resume.png' };
    const payload = slack.payloads.messageShortcut({
      callbackId: 'cb',
      message: { text: '', files: [raw] },
    });
    expect((payload.message as { files: unknown[] }).files).toEqual([raw]);
    expect(() => shortcutFiles('F0NOPE')).toThrow(/no file F0NOPE/);
  });

  it('keeps the files on the message, so a button press on it carries them too', () => {
    const file = slack.files.add({ name: 'kept.pdf', bytes: PDF });
    const shortcut = slack.payloads.messageShortcut({
      callbackId: 'cb',
      message: { text: 'see attached', files: [file.id] },
    });
    const action = slack.payloads.blockAction({
      actionId: 'x',
      messageTs: String(shortcut.message_ts),
    });
    expect(action.message).toMatchObject({ files: [{ id: file.id }], upload: true });
  });
});

describe('files.info with a real WebClient', () => {
  it('answers the file under `file`', async () => {
    const file = slack.files.add({ name: 'info.pdf', bytes: PDF });
    const info = await client.files.info({ file: file.id });
    expect(info.file).toMatchObject({ id: file.id, name: 'info.pdf', size: file.size });
  });

  it('answers file_not_found for an unknown or revoked file, file_deleted for a deleted one', async () => {
    const revoked = slack.files.add({ name: 'revoked.pdf', bytes: PDF });
    slack.files.revoke(revoked.id);
    const deleted = slack.files.add({ name: 'deleted.pdf', bytes: PDF });
    slack.files.delete(deleted.id);
    const codes = [];
    for (const id of ['F0NOPE', revoked.id, deleted.id]) {
      codes.push((await platformError(client.files.info({ file: id }))).data.error);
    }
    expect(codes).toEqual(['file_not_found', 'file_not_found', 'file_deleted']);
  });
});

describe('private file URLs', () => {
  it('serve the bytes to the bot token, and record who fetched what', async () => {
    const file = slack.files.add({ name: 'résumé final.pdf', bytes: PDF });
    const url = String(slack.files.messageJson(file.id).url_private_download);
    const before = slack.files.downloads.length;
    const response = await get(url, slack.botToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(await response.text()).toBe(PDF);
    expect(slack.files.downloads.slice(before)).toEqual([
      {
        fileId: file.id,
        via: 'url_private_download',
        token: slack.botToken,
        authorized: true,
        status: 200,
        bytesSent: Buffer.byteLength(PDF),
        outcome: 'file',
        at: expect.any(Number),
      },
    ]);
    // The record never holds the content.
    expect(JSON.stringify(slack.files.downloads)).not.toContain('backend engineer');
  });

  it('answer 401 without a token, with a wrong one, a revoked one or the app token', async () => {
    const other = await startLoopbackSlack({ pingIntervalMs: 0 });
    try {
      const file = other.files.add({ name: 'a.pdf', bytes: PDF });
      const url = String(other.files.messageJson(file.id).url_private);
      const statuses = [];
      for (const token of [undefined, 'xoxb-wrong', other.appToken]) {
        statuses.push((await get(url, token)).status);
      }
      expect(statuses).toEqual([401, 401, 401]);
      expect(other.files.downloads.map((d) => [d.token, d.authorized, d.outcome])).toEqual([
        [undefined, false, 'unauthorized'],
        ['xoxb-wrong', false, 'unauthorized'],
        [other.appToken, false, 'unauthorized'],
      ]);
      other.revokeToken(other.botToken);
      expect((await get(url, other.botToken)).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('answer a sign-in page with 200 when asked, per file or for the workspace', async () => {
    const quirky = slack.files.add({ name: 'q.pdf', bytes: PDF, unauthorized: 'sign_in_page' });
    const plain = slack.files.add({ name: 'p.pdf', bytes: PDF });
    const urlOf = (id: string) => String(slack.files.messageJson(id).url_private_download);
    const page = await get(urlOf(quirky.id));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/^<!DOCTYPE html>.*Sign in/s);
    expect((await get(urlOf(plain.id))).status).toBe(401);

    slack.files.setUnauthorizedAnswer('sign_in_page');
    try {
      expect((await get(urlOf(plain.id), 'xoxb-wrong')).status).toBe(200);
      // The right token still gets the file.
      expect(await (await get(urlOf(plain.id), slack.botToken)).text()).toBe(PDF);
    } finally {
      slack.files.setUnauthorizedAnswer('status_401');
    }
  });

  it('answer 404 for revoked, deleted and unknown files', async () => {
    const file = slack.files.add({ name: 'r.pdf', bytes: PDF });
    const url = String(slack.files.messageJson(file.id).url_private_download);
    slack.files.revoke(file.id);
    const unknown = `${slack.baseUrl}/files-pri/${slack.teamId}-F0NOPE/download/x.pdf`;
    expect([
      (await get(url, slack.botToken)).status,
      (await get(unknown, slack.botToken)).status,
    ]).toEqual([404, 404]);
  });

  it('fail on demand, for one file and a number of times', async () => {
    const one = slack.files.add({ name: 'one.pdf', bytes: PDF });
    const two = slack.files.add({ name: 'two.pdf', bytes: PDF });
    const urlOf = (id: string) => String(slack.files.messageJson(id).url_private_download);
    slack.files.failDownloads(500, { file: one.id, times: 2 });
    slack.files.failDownloads(404, { file: two.id });
    const statuses = [];
    for (const id of [one.id, two.id, one.id, one.id, two.id]) {
      statuses.push((await get(urlOf(id), slack.botToken)).status);
    }
    expect(statuses).toEqual([500, 404, 500, 200, 200]);
  });

  it('answer slowly when told to, so a client’s timeout fires first', async () => {
    const file = slack.files.add({ name: 'slow.pdf', bytes: PDF });
    const url = String(slack.files.messageJson(file.id).url_private_download);
    slack.files.delayDownloads(300);
    await expect(get(url, slack.botToken, AbortSignal.timeout(50))).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    const started = performance.now();
    expect((await get(url, slack.botToken)).status).toBe(200);
    // A lower bound only: the delay happened (no upper bound on a shared machine).
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('serve an external file’s url_private as the other service’s page', async () => {
    const drive = slack.files.add({ name: 'Drive resume', mode: 'external' });
    const response = await get(String(slack.files.messageJson(drive.id).url_private));
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe('a Bolt app reading an attached resume', () => {
  it('gets message.files[] in the shortcut, asks files.info and downloads with its token', async () => {
    const app = new App({
      token: slack.botToken,
      appToken: slack.appToken,
      socketMode: true,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.apiUrl },
    });
    const read: string[] = [];
    app.shortcut('flag_resume', async ({ ack, shortcut, client: bolt, context }) => {
      await ack();
      if (shortcut.type !== 'message_action') return;
      for (const entry of shortcut.message.files ?? []) {
        const info = await bolt.files.info({ file: String(entry.id) });
        const url = String(info.file?.url_private_download);
        const response = await fetch(url, {
          headers: { authorization: `Bearer ${context.botToken}` },
        });
        read.push(await response.text());
      }
    });
    await app.start();
    try {
      const file = slack.files.add({
        name: 'via-bolt.pdf',
        bytes: PDF,
        fileAccess: 'check_file_info',
      });
      const before = slack.files.downloads.length;
      await slack.socket.send(
        'interactive',
        slack.payloads.messageShortcut({
          callbackId: 'flag_resume',
          message: { text: '', files: [file.id] },
        }),
      );
      await expect.poll(() => read).toEqual([PDF]);
      expect(slack.callsTo('files.info').at(-1)?.args).toMatchObject({ file: file.id });
      expect(slack.files.downloads.slice(before)).toMatchObject([
        { fileId: file.id, token: slack.botToken, authorized: true, status: 200 },
      ]);
    } finally {
      await app.stop();
    }
  });
});
