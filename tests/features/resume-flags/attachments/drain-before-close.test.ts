import { describe, expect, it } from 'vitest';
import { resolveAttachmentLimits } from '../../../../src/features/resume-flags/attachments/attachment-limits.js';
import type { AttachmentReadResult } from '../../../../src/features/resume-flags/attachments/attachment-schemas.js';
import { drainBeforeClose } from '../../../../src/features/resume-flags/attachments/drain-before-close.js';
import type { AttachmentReader } from '../../../../src/features/resume-flags/attachments/read-resume-attachments.js';

/** A reader whose reads end when the test says, recording when it was closed. */
function controlledReader() {
  const events: string[] = [];
  const pending: Array<(result: AttachmentReadResult) => void> = [];
  const reader: AttachmentReader = {
    limits: resolveAttachmentLimits(),
    plan: () => ({ chosen: [], skipped: [] }),
    read: () =>
      new Promise((resolve) => {
        pending.push((result) => {
          events.push('read ended');
          resolve(result);
        });
      }),
    close: async () => {
      events.push('closed');
    },
  };
  return { reader, events, pending };
}

const client = { files: { info: async () => ({}) } };
const empty: AttachmentReadResult = { text: '', read: [], skipped: [] };

describe('drainBeforeClose', () => {
  it('closes the reader only after the reads in flight have ended', async () => {
    const { reader, events, pending } = controlledReader();
    const draining = drainBeforeClose(reader);
    const reads = [
      draining.read([], { botToken: 'xoxb-1', client }),
      draining.read([], { botToken: 'xoxb-1', client }),
    ];
    const closing = draining.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual([]); // still waiting for both reads
    pending[0]?.(empty);
    pending[1]?.(empty);
    await closing;
    await Promise.all(reads);
    expect(events).toEqual(['read ended', 'read ended', 'closed']);
  });

  it('closes at once when nothing is being read, and a failed read does not block it', async () => {
    const { reader, events } = controlledReader();
    const failing = drainBeforeClose({
      ...reader,
      read: () => Promise.reject(new Error('no child')),
    });
    await expect(failing.read([], { botToken: 'xoxb-1', client })).rejects.toThrow('no child');
    await failing.close();
    expect(events).toEqual(['closed']);
  });
});
