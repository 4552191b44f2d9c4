import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/dev/sandbox/start-sandbox.js';
import { resumeFlagsFeature } from '../../../src/features/resume-flags/register.js';
import { createTestDeps } from '../../support/app-test-deps.js';

/** Runs the sandbox on `lines` as piped input and returns everything it printed. */
async function runSandbox(lines: string[]): Promise<string> {
  const { deps } = await createTestDeps();
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  const sandbox = await startSandbox(deps, { input, output });
  try {
    input.end(`${lines.join('\n')}\n`);
    await sandbox.finished;
  } finally {
    await sandbox.stop();
    // What the app's shutdown does: close the attachment reader (and its extraction child).
    await resumeFlagsFeature.start?.({ ...deps, slack: sandbox.slack }).stop();
    await deps.store.close();
  }
  return printed;
}

describe('local sandbox (in process, piped input)', () => {
  it('says what it is, answers /hire, and presses buttons by label and by number', async () => {
    const out = await runSandbox(['/hire glossary Kafka', '1', 'share in channel']);
    expect(out).toContain('This is a local sandbox: nothing reaches Slack');
    expect(out).toContain('SLACK_APP_TOKEN');
    expect(out).toContain('── only you can see this ──\nMessage Queue');
    // `1` opened the first related term in place; the share then posted it for everyone.
    expect(out).toContain('only you can see this · updated in place');
    expect(out).toContain('(your private copy was removed)');
    expect(out).toMatch(/── #hiring · hire-bot ──[\s\S]*Shared by/);
    // Mentions show the names the workspace knows, as the banner's "you are @casey" does.
    expect(out).toContain('Shared by @casey');
    expect(out).not.toContain('@U0LOOPBACK');
  });

  it('runs the resume shortcut on pasted lines and submits the modal', async () => {
    const out = await runSandbox([
      '/flag',
      'Backend developer. Followed tutorials to build a todo app.',
      'Some backend experience.',
      '.',
      '/submit worth a screening call',
    ]);
    expect(out).toContain('┌─ Flag resume concerns');
    expect(out).toMatch(/\[x\] /); // yellow flags come pre-ticked
    expect(out).toContain('worth a screening call');
  });

  it('runs the resume shortcut on a message carrying a local file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hire-sandbox-file-'));
    try {
      // A text file: read in process, so the test does not wait for an extraction child.
      const path = join(dir, 'cv.txt');
      writeFileSync(path, 'Backend engineer since 2019: Go, PostgreSQL, Kafka.\n');
      const out = await runSandbox([`/flag-file ${path}`, `/flag-file ${join(dir, 'none.pdf')}`]);
      expect(out).toContain('┌─ Flag resume concerns');
      expect(out).toContain('“cv.txt” (text file)');
      expect(out).toContain(`Cannot attach ${join(dir, 'none.pdf')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('/home shows the Home tab; its search and buttons work from the terminal', async () => {
    const out = await runSandbox([
      '/hire remind daily 9am',
      '/home',
      '/home kafka',
      'Message Queue',
      'Close results',
    ]);
    expect(out).toContain('── your Home tab ──\nYour hiring desk');
    expect(out).toContain('▸ Search the hiring guide: [ Kafka, system design, red flags… ]');
    expect(out).toContain('#C0LOOPBACK · weekdays at 09:00 (America/New_York)');
    expect(out).toContain('▸ Search the hiring guide: [ kafka ]');
    expect(out).toMatch(/Search results\n═+\n\n\d+ match(es)? for “kafka”/);
    expect(out).toMatch(/your Home tab ──[\s\S]*Message Queue\n═+\n\nA buffer/);
    // The Home is shown again after each step, last without the results.
    const last = out.slice(out.lastIndexOf('── your Home tab ──'));
    expect(last).not.toContain('Close results');
    expect(last).toContain('Interview-prep reminders');
  });

  it('explains what it did not understand', async () => {
    const out = await runSandbox(['/hier glossary', 'press me', '/quit', '/hire help']);
    expect(out).toContain('Unknown here: /hier');
    expect(out).toContain('Type /hire <something>, a button label or number, or /help.');
    expect(out).not.toContain('── only you can see this ──'); // /quit stopped before /hire help
  });
});
