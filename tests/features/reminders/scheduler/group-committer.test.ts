import { describe, expect, it } from 'vitest';
import { createGroupCommitter } from '../../../../src/features/reminders/scheduler/group-committer.js';

describe('createGroupCommitter', () => {
  it('groups writes that arrive together and answers each with its own result', async () => {
    const groups: number[][] = [];
    const committer = createGroupCommitter(async (items: number[]) => {
      groups.push(items);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return items.map((n) => n * 10);
    });
    const first = await Promise.all([1, 2, 3].map((n) => committer.add(n)));
    const second = await Promise.all([4, 5].map((n) => committer.add(n)));
    expect(first).toEqual([10, 20, 30]);
    expect(second).toEqual([40, 50]);
    expect(groups).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('retries a failed flush, then rejects every write of the group', async () => {
    let calls = 0;
    const retried: unknown[] = [];
    const committer = createGroupCommitter(
      async (items: string[]) => {
        calls++;
        throw new Error(`disk full (${items.length})`);
      },
      { attempts: 2, onRetry: (error) => retried.push(error) },
    );
    const results = await Promise.allSettled([committer.add('a'), committer.add('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(2);
    expect(retried).toHaveLength(1);
    await committer.idle();
  });
});
