import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkMessageLimits } from '../../src/dev/slack-limits.js';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const CLI = join(process.cwd(), 'src', 'cli', 'hire-cli.ts');

/** The timed slots a kit message shows: `*0:05–0:16 (11 min) · …`. */
function slots(blocks: unknown): { start: number; end: number; minutes: number }[] {
  const text = JSON.stringify(blocks);
  return [...text.matchAll(/\*(\d+):(\d{2})–(\d+):(\d{2}) \((\d+) min\)/g)].map((m) => ({
    start: Number(m[1]) * 60 + Number(m[2]),
    end: Number(m[3]) * 60 + Number(m[4]),
    minutes: Number(m[5]),
  }));
}

describe('hire CLI: kit (spawned, as `npm run --silent hire -- kit senior 45 --json`)', () => {
  it('prints a kit within Block Kit limits whose times add up to 45 minutes', async () => {
    const { stdout, stderr } = await run(TSX, [CLI, 'kit', 'senior', '45', '--json']);
    expect(stderr).toBe('');
    const message = JSON.parse(stdout) as { text: string; blocks: unknown[] };
    expect(checkMessageLimits(message)).toEqual([]);
    expect(message.text).toContain('Senior · 45 min');
    const timed = slots(message.blocks);
    // Opening, at least one question, the candidate's questions and the close.
    expect(timed.length).toBeGreaterThanOrEqual(4);
    expect(timed.reduce((sum, slot) => sum + slot.minutes, 0)).toBe(45);
    expect(timed[0]?.start).toBe(0);
    expect(timed.at(-1)?.end).toBe(45);
    for (const [i, slot] of timed.entries()) {
      expect(slot.end - slot.start).toBe(slot.minutes);
      if (i > 0) expect(slot.start).toBe(timed[i - 1]?.end);
    }
    // Not stored, so no Score button; the preview says where to get one.
    expect(stdout).not.toContain('kit_score');
    expect(stdout).toContain('Score this interview');
  });

  it('answers a bad length with the lengths accepted and the nearest one', async () => {
    const { stdout } = await run(TSX, [CLI, 'kit', 'senior', '7', '--json']);
    const { text } = JSON.parse(stdout) as { text: string };
    expect(text).toContain('Kits run 30, 45, 60, 90 minutes');
    expect(text).toContain('Did you mean *30*');
  });
});
