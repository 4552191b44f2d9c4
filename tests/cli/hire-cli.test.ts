import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tryLoadRealKnowledge } from '../support/real-knowledge.js';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const CLI = join(process.cwd(), 'src', 'cli', 'hire-cli.ts');

async function hire(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const real = tryLoadRealKnowledge();
const broken = mkdtempSync(join(tmpdir(), 'hire-cli-'));
writeFileSync(join(broken, 'glossary.yml'), 'terms: [');
afterAll(() => rmSync(broken, { recursive: true, force: true }));

describe('hire CLI (spawned)', () => {
  // These run the real knowledge base; they skip only while it is still being written.
  it.skipIf(real.knowledge === undefined)(
    `--json prints only the message JSON (skipped if knowledge does not load: ${real.reason ?? 'loads'})`,
    async () => {
      const { code, stdout } = await hire(['glossary', 'Kafka', '--json']);
      expect(code).toBe(0);
      const parsed = JSON.parse(stdout);
      expect(Object.keys(parsed)).toEqual(['response_type', 'text', 'blocks']);
      expect(parsed.response_type).toBe('ephemeral');
      expect(parsed.text).toMatch(/^Kafka is /);
      expect(stdout.trim()).toBe(JSON.stringify(parsed));
    },
  );

  it.skipIf(real.knowledge === undefined)(
    `prints readable text by default (skipped if knowledge does not load: ${real.reason ?? 'loads'})`,
    async () => {
      const { code, stdout } = await hire(['questions', 'sr']);
      expect(code).toBe(0);
      expect(stdout).toContain('[ Another question ]');
      expect(stdout).toContain('[ Share in channel ]');
      expect(stdout).not.toContain('"blocks"');
    },
  );

  it.skipIf(real.knowledge === undefined)(
    `explains that remind needs Slack, still exiting 0 (skipped if knowledge does not load: ${real.reason ?? 'loads'})`,
    async () => {
      const { code, stdout, stderr } = await hire(['remind', 'daily', '9am', '--json']);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).text).toContain('works only inside Slack');
      expect(stderr).toContain('npm start');
    },
  );

  it('exits 1 with the problem on stderr when the knowledge is broken', async () => {
    const { code, stdout, stderr } = await hire(['glossary', 'Kafka', '--json'], {
      HIRE_KNOWLEDGE_DIR: broken,
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('knowledge/glossary.yml');
  });
});
