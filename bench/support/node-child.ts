import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';

/** A Node process under test (the app or the floor), with its output kept for diagnostics. */
export interface NodeChild {
  readonly name: string;
  readonly pid: number;
  /** performance.now() just before spawn. */
  readonly spawnedAt: number;
  /** Last lines of stdout and stderr, for error messages. */
  tail(): string;
  /** Resolves with the first line of output that matches. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** Polls `url` until it answers 200; resolves with ms since spawn. */
  waitForHttpOk(url: string, timeoutMs: number): Promise<number>;
  /** Resident set size now, from /proc/<pid>/status. */
  rssBytes(): number;
  /** CPU time used so far (user + system, all threads), from /proc/<pid>/stat. */
  cpuMs(): number;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. Resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

export interface SpawnNodeOptions {
  name: string;
  /** Script path, run with `node <nodeFlags> <script>`. */
  script: string;
  nodeFlags: readonly string[];
  env: Record<string, string>;
  cwd: string;
  /** Run on these CPUs only (`taskset -c`), e.g. '1'. */
  cpus?: string;
}

const TAIL_LINES = 40;

export function spawnNodeChild(options: SpawnNodeOptions): NodeChild {
  const spawnedAt = performance.now();
  const argv = [...options.nodeFlags, options.script];
  // taskset execs node in place, so the pid (for /proc figures and signals) is node's own.
  const child: ChildProcess = options.cpus
    ? spawn('taskset', ['-c', options.cpus, process.execPath, ...argv], spawnOptions(options))
    : spawn(process.execPath, argv, spawnOptions(options));

  const { pid } = child;
  if (pid === undefined) throw new Error(`${options.name}: spawn failed`);

  const lines: string[] = [];
  const watchers = new Set<(line: string) => void>();
  const onData = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line === '') continue;
      lines.push(line);
      if (lines.length > TAIL_LINES) lines.shift();
      for (const watcher of watchers) watcher(line);
    }
  };
  // Always drained: a child whose pipe fills up would stall mid-benchmark.
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      exitCode = code;
      resolve(code);
    });
  });

  const tail = (): string => lines.join('\n');
  const exitedEarly = (): Error =>
    new Error(`${options.name} exited (code ${String(exitCode)}) before it was ready:\n${tail()}`);

  return {
    name: options.name,
    pid,
    spawnedAt,
    tail,
    waitForOutput(pattern, timeoutMs) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          watchers.delete(watcher);
          reject(
            new Error(
              `${options.name}: no output matching ${pattern} in ${timeoutMs} ms:\n${tail()}`,
            ),
          );
        }, timeoutMs);
        const watcher = (line: string): void => {
          if (!pattern.test(line)) return;
          clearTimeout(timer);
          watchers.delete(watcher);
          resolve(line);
        };
        watchers.add(watcher);
        exited.then(() => {
          if (!watchers.has(watcher)) return;
          clearTimeout(timer);
          watchers.delete(watcher);
          reject(exitedEarly());
        });
      });
    },
    async waitForHttpOk(url, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while (performance.now() < deadline) {
        if (exitCode !== undefined) throw exitedEarly();
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
          await response.arrayBuffer();
          if (response.status === 200) return performance.now() - spawnedAt;
        } catch {
          // not listening yet
        }
        await delay(10);
      }
      throw new Error(
        `${options.name}: ${url} did not answer 200 within ${timeoutMs} ms:\n${tail()}`,
      );
    },
    rssBytes() {
      return readRssBytes(pid);
    },
    cpuMs() {
      return readCpuMs(pid);
    },
    async stop(graceMs = 5000) {
      if (exitCode !== undefined) return exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

function spawnOptions(options: SpawnNodeOptions): SpawnOptions {
  return { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] };
}

/** VmRSS of a process, in bytes (Linux). */
export function readRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]) * 1024;
}

/** Clock ticks per second of /proc/<pid>/stat times; 100 on every Linux Node supports. */
const CLOCK_TICKS_PER_S = 100;

/**
 * User + system CPU time of a process (all its threads), in ms. On a shared machine the wall
 * clock says how long a request waited for a core; this says how much work it was.
 */
export function readCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis don't.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new Error(`no CPU times for pid ${pid}`);
  return (ticks * 1000) / CLOCK_TICKS_PER_S;
}

/** A port that was free a moment ago (the child binds it; a race is unlikely on loopback). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
