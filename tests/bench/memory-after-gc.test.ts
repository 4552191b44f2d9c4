import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryAfterGc } from '../../bench/support/memory-after-gc.js';
import { type NodeChild, spawnNodeChild } from '../../bench/support/node-child.js';

const dir = mkdtempSync(join(tmpdir(), 'memory-after-gc-'));
const children: NodeChild[] = [];

afterAll(async () => {
  await Promise.all(children.map((child) => child.stop()));
  rmSync(dir, { recursive: true, force: true });
});

/** A child that keeps `liveMb` alive and drops `garbageMb` it allocated, then idles. */
async function childHolding(liveMb: number, garbageMb: number): Promise<NodeChild> {
  const script = join(dir, `hold-${liveMb}-${garbageMb}.mjs`);
  writeFileSync(
    script,
    `globalThis.kept = Array.from({ length: ${liveMb} }, () => new Array(131072).fill(1.5));
     let dropped = Array.from({ length: ${garbageMb} }, () => new Array(131072).fill(2.5));
     dropped = null;
     console.log('allocated');
     setInterval(() => {}, 1000);`,
  );
  const child = spawnNodeChild({
    name: `holds ${liveMb} MB`,
    script,
    nodeFlags: ['--inspect=127.0.0.1:0'],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    cwd: dir,
  });
  children.push(child);
  // The inspector is up before the script runs: measure only once the allocations are done.
  await child.waitForOutput(/^allocated$/, 20_000);
  return child;
}

describe('memoryAfterGc', () => {
  it("reads a child's live heap after a full GC through the inspector", async () => {
    // 1 MB each: 131,072 doubles × 8 bytes. 40 MB kept, 120 MB made garbage.
    const small = await memoryAfterGc(await childHolding(0, 120));
    const large = await memoryAfterGc(await childHolding(40, 120));
    const mb = (bytes: number) => bytes / (1024 * 1024);
    expect(mb(small.heapUsedBytes)).toBeLessThan(20); // the garbage is gone
    expect(mb(large.heapUsedBytes - small.heapUsedBytes)).toBeGreaterThan(35);
    expect(mb(large.heapUsedBytes - small.heapUsedBytes)).toBeLessThan(50);
    expect(large.rssBytes).toBeGreaterThan(large.heapUsedBytes);
  });

  it('fails with the child named when it was not started with --inspect', async () => {
    const script = join(dir, 'plain.mjs');
    writeFileSync(script, 'setInterval(() => {}, 1000);');
    const child = spawnNodeChild({
      name: 'no inspector',
      script,
      nodeFlags: [],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      cwd: dir,
    });
    children.push(child);
    await expect(memoryAfterGc(child, 500)).rejects.toThrow(/no inspector/);
  });
});
