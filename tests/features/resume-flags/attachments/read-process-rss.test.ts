import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readProcessRss } from '../../../../src/features/resume-flags/attachments/read-process-rss.js';

describe('readProcessRss', () => {
  // /proc exists on Linux only (where the bot and CI run); elsewhere the bound is not read.
  it.runIf(existsSync('/proc/self/status'))('reads a live process’s resident memory', async () => {
    const rss = await readProcessRss(process.pid);
    const own = process.memoryUsage.rss();
    expect(rss).toBeGreaterThan(own * 0.5);
    expect(rss).toBeLessThan(own * 2);
  });

  it('is undefined for a process that does not exist', async () => {
    expect(await readProcessRss(2 ** 30)).toBeUndefined();
  });
});
