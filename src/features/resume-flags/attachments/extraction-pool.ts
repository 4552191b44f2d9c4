import type { ChildProcess } from 'node:child_process';
import type { AttachmentLimits } from './attachment-limits.js';
import {
  childMessageSchema,
  type ExtractOutcome,
  type ExtractRequest,
} from './extraction-messages.js';
import { readProcessRss } from './read-process-rss.js';
import { extractionChildUrl, spawnExtractionChild } from './spawn-extraction-child.js';

export type ExtractionPoolOptions = Pick<
  AttachmentLimits,
  'maxExtractors' | 'extractorHeapMb' | 'extractorRssMb' | 'memorySampleMs' | 'extractorIdleMs'
> & {
  /** The child's entry file; found beside this module (or in dist/) by default. */
  childUrl?: URL;
};

export type ExtractionPool = {
  /**
   * The text of a PDF or .docx, extracted in a child process. Never rejects for anything
   * the file does: a child that runs out of heap or past the memory budget gives
   * `too-large`, one that crashes `corrupt`, an aborted `signal` `timeout` (the child is
   * then killed). Rejects only when the child cannot start at all, or after `close()`.
   */
  extract(request: ExtractRequest, signal: AbortSignal): Promise<ExtractOutcome>;
  stats(): { children: number; busy: number; queued: number; pids: number[] };
  /** Kills every child; requests still queued or running end as `timeout`. */
  close(): Promise<void>;
};

type SlotEvent =
  | { type: 'done'; outcome: ExtractOutcome }
  | { type: 'exit'; outOfMemory: boolean }
  | { type: 'closed' };

type Slot = {
  child: ChildProcess;
  ready: Promise<void>;
  busy: boolean;
  idleTimer?: NodeJS.Timeout;
  onEvent?: (event: SlotEvent) => void;
};

type Job = {
  request: ExtractRequest;
  signal: AbortSignal;
  resolve: (outcome: ExtractOutcome) => void;
  reject: (error: Error) => void;
  onAbort: () => void;
};

const TIMEOUT: ExtractOutcome = { ok: false, reason: 'timeout' };
const TOO_LARGE: ExtractOutcome = { ok: false, reason: 'too-large' };
const CORRUPT: ExtractOutcome = { ok: false, reason: 'corrupt' };

// What V8 prints before it aborts at the heap limit. Only this is looked for in the child's
// stderr, which is otherwise dropped.
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit/;
const STDERR_TAIL = 4096;

/**
 * Child processes that run the parsers, at most `maxExtractors` at once, one file per child at
 * a time; other requests wait in a queue (leaving it when their signal aborts). A child,
 * not a worker thread, so that every bound is the child's own: its V8 heap
 * (`extractorHeapMb`), its whole resident memory (`extractorRssMb`, read from /proc while a
 * file is parsed, which catches the typed arrays PDF.js or an inflater fill outside the
 * heap), and the memory it took, which the system takes back when it is killed.
 */
export function createExtractionPool(options: ExtractionPoolOptions): ExtractionPool {
  const url = options.childUrl ?? extractionChildUrl();
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let closed = false;

  function retire(slot: Slot): void {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    clearTimeout(slot.idleTimer);
    slot.onEvent = undefined;
    if (slot.child.exitCode === null && slot.child.signalCode === null) slot.child.kill('SIGKILL');
  }

  function setRef(slot: Slot, ref: boolean): void {
    // An idle child must not keep the bot's process alive.
    const handle = slot.child.channel as { ref?: () => void; unref?: () => void } | undefined;
    if (ref) {
      slot.child.ref();
      handle?.ref?.();
    } else {
      slot.child.unref();
      handle?.unref?.();
    }
  }

  function release(slot: Slot): void {
    slot.busy = false;
    if (queue.length > 0) return;
    setRef(slot, false);
    slot.idleTimer = setTimeout(() => retire(slot), options.extractorIdleMs);
    slot.idleTimer.unref();
  }

  function startSlot(): Slot {
    const child = spawnExtractionChild(url, options);
    let markReady: () => void = () => undefined;
    let failReady: (error: unknown) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    ready.catch(() => undefined); // the job waiting for it reports the failure
    const slot: Slot = { child, ready, busy: false };
    let stderrTail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL);
    });
    child.on('message', (raw: unknown) => {
      const message = childMessageSchema.safeParse(raw);
      if (!message.success) return;
      if (message.data.type === 'ready') markReady();
      else slot.onEvent?.({ type: 'done', outcome: message.data.outcome });
    });
    child.on('error', (error) => failReady(error)); // could not be spawned
    child.on('exit', (code, signal) => {
      failReady(new Error(`the extraction child exited (code ${code}, signal ${signal})`));
      slot.onEvent?.({ type: 'exit', outOfMemory: OUT_OF_MEMORY.test(stderrTail) });
      retire(slot);
      pump();
    });
    slots.push(slot);
    return slot;
  }

  async function run(job: Job, slot: Slot): Promise<void> {
    try {
      await slot.ready;
    } catch (error) {
      retire(slot);
      if (closed) job.resolve(TIMEOUT);
      else job.reject(new Error('the extraction child did not start', { cause: error }));
      pump();
      return;
    }
    let settled = false;
    const settle = (outcome: ExtractOutcome, keepChild: boolean): void => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      job.signal.removeEventListener('abort', onAbort);
      slot.onEvent = undefined;
      if (keepChild) release(slot);
      else retire(slot);
      job.resolve(outcome);
      pump();
    };
    const budget = options.extractorRssMb * 1024 * 1024;
    const pid = slot.child.pid;
    const watchdog = setInterval(() => {
      if (pid === undefined) return;
      void readProcessRss(pid).then((rss) => {
        if (rss !== undefined && rss > budget) settle(TOO_LARGE, false);
      });
    }, options.memorySampleMs);
    const onAbort = (): void => settle(TIMEOUT, false);
    slot.onEvent = (event) => {
      if (event.type === 'done') settle(event.outcome, true);
      else if (event.type === 'exit') settle(event.outOfMemory ? TOO_LARGE : CORRUPT, false);
      else settle(TIMEOUT, false);
    };
    if (job.signal.aborted) {
      settle(TIMEOUT, true); // aborted while the child started: the child is still good
      return;
    }
    job.signal.addEventListener('abort', onAbort, { once: true });
    slot.child.send(job.request, (error) => {
      if (error) settle(CORRUPT, false);
    });
  }

  function pump(): void {
    while (!closed && queue.length > 0) {
      let slot = slots.find((s) => !s.busy);
      if (slot === undefined && slots.length >= options.maxExtractors) return;
      const job = queue.shift();
      if (job === undefined) return;
      job.signal.removeEventListener('abort', job.onAbort);
      try {
        slot ??= startSlot();
      } catch (error) {
        job.reject(new Error('the extraction child did not start', { cause: error }));
        continue;
      }
      slot.busy = true;
      clearTimeout(slot.idleTimer);
      setRef(slot, true);
      void run(job, slot);
    }
  }

  return {
    extract(request, signal) {
      if (closed) return Promise.reject(new Error('the extraction pool is closed'));
      if (signal.aborted) return Promise.resolve(TIMEOUT);
      return new Promise<ExtractOutcome>((resolve, reject) => {
        const job: Job = {
          request,
          signal,
          resolve,
          reject,
          onAbort: () => {
            const index = queue.indexOf(job);
            if (index >= 0) queue.splice(index, 1);
            resolve(TIMEOUT);
          },
        };
        signal.addEventListener('abort', job.onAbort, { once: true });
        queue.push(job);
        pump();
      });
    },
    stats() {
      return {
        children: slots.length,
        busy: slots.filter((s) => s.busy).length,
        queued: queue.length,
        pids: slots.flatMap((s) => (s.child.pid === undefined ? [] : [s.child.pid])),
      };
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) {
        job.signal.removeEventListener('abort', job.onAbort);
        job.resolve(TIMEOUT);
      }
      const children = slots.map((slot) => slot.child);
      for (const slot of [...slots]) {
        slot.onEvent?.({ type: 'closed' });
        retire(slot);
      }
      await Promise.all(
        children.map((child) =>
          child.exitCode !== null || child.signalCode !== null
            ? undefined
            : new Promise((resolve) => child.once('exit', resolve)),
        ),
      );
    },
  };
}
