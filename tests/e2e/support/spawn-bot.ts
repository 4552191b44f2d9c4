import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

export type SpawnedBot = {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal's name) once the process ended. */
  exited: Promise<number | string>;
  /** Resolves once stdout (or stderr) contains `text`. */
  waitForOutput(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Kills the process if still running and removes its temp directory. */
  cleanup(): Promise<void>;
};

/** tsx's loader, by absolute URL: the child runs in a temp directory that has no node_modules. */
const tsxLoader = pathToFileURL(join(repo, 'node_modules/tsx/dist/loader.mjs')).href;

/**
 * Runs src/main.ts through tsx as `npm start` does (one node process, `--import` tsx, so that
 * signals reach the bot itself rather than a wrapper), with exactly the environment given (plus PATH
 * and HOME) and a fresh temp directory as working directory, so that no developer's .env or
 * data/ folder leaks in. DATABASE_URL defaults to a SQLite file in that directory.
 */
export function spawnBot(env: Record<string, string>): SpawnedBot {
  const dir = mkdtempSync(join(tmpdir(), 'hire-bot-e2e-'));
  const child = spawn(process.execPath, ['--import', tsxLoader, join(repo, 'src/main.ts')], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      DATABASE_URL: `sqlite:${join(dir, 'hire-bot.db')}`,
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const watchers = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of watchers) w();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    for (const w of watchers) w();
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const w of watchers) w();
      resolve(code ?? signal ?? 'unknown');
    });
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForOutput(text, timeoutMs = 15_000) {
      const found = () =>
        typeof text === 'string'
          ? out.includes(text) || err.includes(text)
          : text.test(out) || text.test(err);
      if (found()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`no ${String(text)} in output:\n${out}\n--- stderr ---\n${err}`));
        }, timeoutMs);
        const check = () => {
          if (found()) {
            clearTimeout(timer);
            watchers.delete(check);
            resolve();
          } else if (child.exitCode !== null) {
            clearTimeout(timer);
            watchers.delete(check);
            reject(new Error(`exited before ${String(text)}:\n${out}\n--- stderr ---\n${err}`));
          }
        };
        watchers.add(check);
      });
    },
    async cleanup() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
