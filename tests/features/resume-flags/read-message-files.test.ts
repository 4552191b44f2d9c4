import { describe, expect, it } from 'vitest';
import {
  fileOutcomeCounts,
  readMessageFiles,
} from '../../../src/features/resume-flags/read-message-files.js';

const options = {
  botToken: 'xoxb-1',
  client: { files: { info: async () => ({}) } },
};
const plan = {
  chosen: [
    { id: 'F1', name: 'cv.pdf', kind: 'pdf' as const, needsInfo: false, file: { id: 'F1' } },
  ],
  skipped: [{ id: 'F2', name: 'photo.png', reason: 'unsupported-type' as const }],
};

describe('readMessageFiles', () => {
  it('does not call the reader when the plan chose nothing', async () => {
    const reader = { read: () => Promise.reject(new Error('must not be called')) };
    const result = await readMessageFiles(
      reader,
      [],
      { chosen: [], skipped: plan.skipped },
      options,
      () => undefined,
    );
    expect(result).toEqual({ text: '', read: [], skipped: plan.skipped });
  });

  it("passes the reader's answer on", async () => {
    const answer = {
      text: 'Seven years of Go',
      read: [{ id: 'F1', name: 'cv.pdf', type: 'pdf' as const, bytes: 10, truncated: false }],
      skipped: plan.skipped,
    };
    const result = await readMessageFiles(
      { read: async () => answer },
      [],
      plan,
      options,
      () => undefined,
    );
    expect(result).toEqual(answer);
  });

  it('turns a reader that cannot run into reader-failed for each chosen file, and reports why', async () => {
    const heard: unknown[] = [];
    const result = await readMessageFiles(
      { read: () => Promise.reject(new Error('the extraction child did not start')) },
      [],
      plan,
      options,
      (error) => heard.push(error),
    );
    expect(result).toEqual({
      text: '',
      read: [],
      skipped: [...plan.skipped, { id: 'F1', name: 'cv.pdf', reason: 'reader-failed' }],
    });
    expect(heard).toHaveLength(1);
    expect(fileOutcomeCounts(result)).toEqual({ 'unsupported-type': 1, 'reader-failed': 1 });
  });
});
