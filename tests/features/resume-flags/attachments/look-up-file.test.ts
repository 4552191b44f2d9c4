import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import {
  type FilesInfoClient,
  lookUpFile,
} from '../../../../src/features/resume-flags/attachments/look-up-file.js';

const never = new AbortController().signal;

function slackError(code: string): Error {
  return Object.assign(new Error(`An API error occurred: ${code}`), {
    code: 'slack_webapi_platform_error',
    data: { ok: false, error: code },
  });
}

describe('lookUpFile', () => {
  it('returns the file object files.info answers for the id', async () => {
    const asked: unknown[] = [];
    const client = {
      files: {
        info: async (args: { file: string }) => {
          asked.push(args);
          return {
            ok: true,
            file: { id: 'F1', name: 'cv.pdf', url_private_download: 'https://files.slack.com/x' },
          };
        },
      },
    };
    expect(await lookUpFile(client, 'F1', never)).toEqual({
      ok: true,
      file: { id: 'F1', name: 'cv.pdf', url_private_download: 'https://files.slack.com/x' },
    });
    expect(asked).toEqual([{ file: 'F1' }]);
  });

  it.each([
    ['file_deleted', 'deleted'],
    ['file_not_found', 'no-access'],
    ['missing_scope', 'no-access'],
  ])('maps the Slack error %s to %s', async (code, reason) => {
    const client = { files: { info: () => Promise.reject(slackError(code)) } };
    expect(await lookUpFile(client, 'F1', never)).toEqual({ ok: false, reason });
  });

  it('answers no-access for an answer without a usable file object', async () => {
    const client = { files: { info: async () => ({ ok: true, file: { name: 'no id' } }) } };
    expect(await lookUpFile(client, 'F1', never)).toEqual({ ok: false, reason: 'no-access' });
  });

  it('takes the WebClient a Bolt listener gets', () => {
    const client: FilesInfoClient = new WebClient('xoxb-not-used');
    expect(typeof client.files.info).toBe('function');
  });

  it('answers timeout when the deadline passes first', async () => {
    const client = { files: { info: () => new Promise<never>(() => undefined) } };
    expect(await lookUpFile(client, 'F1', AbortSignal.timeout(50))).toEqual({
      ok: false,
      reason: 'timeout',
    });
  });
});
