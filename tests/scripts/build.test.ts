import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Names that exist only in dev tooling: the loopback Slack, the sandbox, the limit checker.
const DEV_MARKERS = ['startLoopbackSlack', 'startSandbox', 'findMessageViolations'];

/** Every file a module loads before running, following relative static imports only. */
function staticallyLoaded(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"();]*?["'](\.[^"']+)["']/g,
    ))
      pending.push(resolve(dirname(file), spec as string));
  }
  return seen;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(dir, name));
}

describe('the production build (scripts/build.mjs)', () => {
  let root: string;
  let dist: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'hire-build-'));
    dist = join(root, 'dist');
    execFileSync(process.execPath, ['scripts/build.mjs', `--outdir=${dist}`], { stdio: 'pipe' });
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('puts dev tooling in a chunk that main.js reaches only by a dynamic import', () => {
    const main = join(dist, 'src/main.js');
    const loaded = staticallyLoaded(main);
    expect(loaded.size).toBeGreaterThan(1);
    for (const file of loaded) {
      const code = readFileSync(file, 'utf8');
      for (const marker of DEV_MARKERS)
        expect(code.includes(marker), `${relative(dist, file)} holds ${marker}`).toBe(false);
    }
    // The markers are real: the sandbox's chunk has them, and main.js imports it lazily.
    const devChunks = jsFiles(dist).filter((file) =>
      readFileSync(file, 'utf8').includes('startLoopbackSlack'),
    );
    expect(devChunks.length).toBeGreaterThan(0);
    expect(readFileSync(main, 'utf8')).toMatch(/import\("\.\.\/chunks\/start-sandbox-[^"]+\.js"\)/);
  });

  it('builds the resume extraction child as an entry of its own', () => {
    const child = join(dist, 'src/features/resume-flags/attachments/extraction-child.js');
    expect(readFileSync(child, 'utf8')).not.toContain('startLoopbackSlack');
  });
});
