import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractionChildUrl } from '../../../../src/features/resume-flags/attachments/spawn-extraction-child.js';
import { RESUME_PAGES, squash } from '../../../support/resume-fixtures.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

describe('extractionChildUrl', () => {
  it('is the TypeScript file beside the module when running from sources', () => {
    const url = extractionChildUrl();
    expect(
      url.pathname.endsWith('/src/features/resume-flags/attachments/extraction-child.ts'),
    ).toBe(true);
    expect(existsSync(url)).toBe(true);
  });

  it('is the built child under dist/ when the module is inlined into a bundle', () => {
    const bundle = pathToFileURL('/srv/hire-bot/dist/src/main.js').href;
    expect(fileURLToPath(extractionChildUrl(bundle))).toBe(
      '/srv/hire-bot/dist/src/features/resume-flags/attachments/extraction-child.js',
    );
    const nested = pathToFileURL('/srv/dist/hire-bot/dist/bench/x.bench.js').href;
    expect(fileURLToPath(extractionChildUrl(nested))).toBe(
      '/srv/dist/hire-bot/dist/src/features/resume-flags/attachments/extraction-child.js',
    );
    expect(() => extractionChildUrl('file:///srv/hire-bot/main.js')).toThrow(/cannot place/);
  });
});

describe('the esbuild bundle', () => {
  it('builds the child with scripts/build.mjs and reads a PDF and a .docx on plain node', () => {
    execFileSync(
      process.execPath,
      ['scripts/build.mjs', 'tests/support/read-attachment-bundled.ts'],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
    expect(
      existsSync(`${ROOT}dist/src/features/resume-flags/attachments/extraction-child.js`),
    ).toBe(true);
    const output = execFileSync(
      process.execPath,
      ['dist/tests/support/read-attachment-bundled.js'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    const result = JSON.parse(output.trim().split('\n').pop() ?? '{}');
    expect(result.skipped).toEqual([]);
    expect(result.read.map((r: { type: string }) => r.type)).toEqual(['pdf', 'docx']);
    const text = squash(RESUME_PAGES.join(' '));
    expect(squash(result.text)).toBe(`${text} ${text}`);
  }, 60_000);
});
