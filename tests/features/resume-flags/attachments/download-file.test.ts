import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DownloadOptions,
  downloadFile,
} from '../../../../src/features/resume-flags/attachments/download-file.js';
import { type SlackFileServer, startSlackFileServer } from '../../../support/slack-file-server.js';

const TOKEN = 'xoxb-download-test';
let server: SlackFileServer;
let other: SlackFileServer;

function options(overrides: Partial<DownloadOptions> = {}): DownloadOptions {
  return {
    botToken: TOKEN,
    fetch: globalThis.fetch,
    maxBytes: 1024 * 1024,
    signal: AbortSignal.timeout(5_000),
    allowedOrigins: [server.origin],
    ...overrides,
  };
}

beforeAll(async () => {
  server = await startSlackFileServer(TOKEN);
  other = await startSlackFileServer(TOKEN);
});
afterAll(async () => {
  await server.close();
  await other.close();
});

describe('downloadFile', () => {
  it('downloads with the bot token and returns the bytes and content type', async () => {
    const url = server.serve('/F1/cv.pdf', {
      body: Buffer.from('%PDF-1.7 hello'),
      contentType: 'application/pdf',
    });
    const download = await downloadFile(url, options());
    expect(download).toMatchObject({ ok: true, contentType: 'application/pdf' });
    expect(download.ok && Buffer.from(download.bytes).toString()).toBe('%PDF-1.7 hello');
  });

  it('maps a refused download to no-access: wrong token (401), 403, 404', async () => {
    const url = server.serve('/F2/cv.pdf', { body: Buffer.from('%PDF') });
    const before = server.stats.unauthorized;
    expect(await downloadFile(url, options({ botToken: 'xoxb-wrong' }))).toEqual({
      ok: false,
      reason: 'no-access',
      status: 401,
    });
    expect(server.stats.unauthorized).toBe(before + 1);
    server.serve('/F3/cv.pdf', { body: Buffer.alloc(0), status: 403 });
    expect(await downloadFile(`${server.origin}/F3/cv.pdf`, options())).toMatchObject({
      reason: 'no-access',
    });
    expect(await downloadFile(`${server.origin}/F404/none.pdf`, options())).toMatchObject({
      reason: 'no-access',
      status: 404,
    });
  });

  it('never sends the token to an origin it was not given', async () => {
    const url = other.serve('/F4/cv.pdf', { body: Buffer.from('%PDF') });
    const before = other.stats.requests;
    expect(await downloadFile(url, options())).toEqual({ ok: false, reason: 'no-access' });
    const redirect = server.serve('/F5/cv.pdf', { body: Buffer.alloc(0), redirectTo: url });
    expect(await downloadFile(redirect, options())).toEqual({ ok: false, reason: 'no-access' });
    expect(other.stats.requests).toBe(before);
    expect(await downloadFile('not a url', options())).toEqual({ ok: false, reason: 'no-access' });
  });

  it('follows a redirect within the allowed origins', async () => {
    server.serve('/F6/real.pdf', { body: Buffer.from('%PDF-1.4 moved') });
    const redirect = server.serve('/F6/cv.pdf', {
      body: Buffer.alloc(0),
      redirectTo: '/F6/real.pdf',
    });
    const download = await downloadFile(redirect, options());
    expect(download.ok && Buffer.from(download.bytes).toString()).toBe('%PDF-1.4 moved');
  });

  it('refuses a body over the bound, by Content-Length and while reading one without it', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 0x41);
    const declared = server.serve('/F7/big.pdf', { body: big });
    const streamed = server.serve('/F8/big.pdf', { body: big, chunked: true });
    expect(await downloadFile(declared, options())).toEqual({ ok: false, reason: 'too-large' });
    expect(await downloadFile(streamed, options())).toEqual({ ok: false, reason: 'too-large' });
    const exact = server.serve('/F9/exact.pdf', { body: big.subarray(1), chunked: true });
    expect(await downloadFile(exact, options())).toMatchObject({ ok: true });
  });

  it('answers timeout when the deadline passes before the server answers', async () => {
    const slow = server.serve('/F10/slow.pdf', { body: Buffer.from('%PDF'), delayMs: 3_000 });
    const started = Date.now();
    expect(await downloadFile(slow, options({ signal: AbortSignal.timeout(200) }))).toEqual({
      ok: false,
      reason: 'timeout',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('tries once more after a network error', async () => {
    const url = server.serve('/F12/cv.pdf', { body: Buffer.from('%PDF-1.7 again') });
    let calls = 0;
    const flaky: typeof fetch = (input, init) => {
      calls++;
      return calls === 1 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init);
    };
    const download = await downloadFile(url, options({ fetch: flaky }));
    expect(download.ok && Buffer.from(download.bytes).toString()).toBe('%PDF-1.7 again');
    expect(calls).toBe(2);
  });

  it('maps a network failure to no-access', async () => {
    const closed = await startSlackFileServer(TOKEN);
    const url = closed.serve('/F11/cv.pdf', { body: Buffer.from('%PDF') });
    await closed.close();
    expect(await downloadFile(url, options({ allowedOrigins: [closed.origin] }))).toEqual({
      ok: false,
      reason: 'no-access',
    });
  });
});
