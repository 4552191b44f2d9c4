import { readFile } from 'node:fs/promises';

/**
 * A process's resident memory in bytes, from /proc (Linux); undefined where there is no
 * /proc or the process is gone.
 */
export async function readProcessRss(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}
