import type { Worker } from 'node:worker_threads';
import type { AttachmentLimits } from './attachment-limits.js';
import {
  type ExtractOutcome,
  type ExtractRequest,
  workerMessageSchema,
} from './extraction-messages.js';
import { extractionWorkerUrl, spawnExtractionWorker } from './spawn-extraction-worker.js';

export type ExtractionPoolOptions = Pick<
  AttachmentLimits,
  'maxWorkers' | 'workerHeapMb' | 'memoryBudgetMb' | 'memorySampleMs' | 'workerIdleMs'
> & {
  /** The worker's entry file; found beside this module (or in dist/) by default. */
  workerUrl?: URL;
};

export type ExtractionPool = {
  /**
   * The text of a PDF or .docx, extracted in a worker thread. Never rejects for anything the
   * file does: a worker that runs out of heap or past the memory budget gives `too-large`,
   * one that crashes `corrupt`, an aborted `signal` `timeout` (the worker is then stopped).
   * Rejects only when the worker cannot start at all, or after `close()`. Takes the bytes:
   * their buffer is moved to the worker.
   */
  extract(request: ExtractRequest, signal: AbortSignal): Promise<ExtractOutcome>;
  stats(): { workers: number; busy: number; queued: number };
  /** Stops every worker; requests still queued or running end as `timeout`. */
  close(): Promise<void>;
};

type SlotEvent =
  | { type: 'done'; outcome: ExtractOutcome }
  | { type: 'error'; error: unknown }
  | { type: 'exit' }
  | { type: 'closed' };

type Slot = {
  worker: Worker;
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

function isOutOfMemory(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === 'ERR_WORKER_OUT_OF_MEMORY'
  );
}

/** The bytes in an ArrayBuffer of their own, so it can be moved to the worker, not copied. */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes);
}

/**
 * Worker threads that run the parsers, at most `maxWorkers` at once, one file per worker at a
 * time; other requests wait in a queue (leaving it when their signal aborts). Memory is
 * bounded twice: the worker's V8 heap (`workerHeapMb`, enforced by Node) and the process's
 * RSS growth while a file is parsed (`memoryBudgetMb`, sampled), which also catches typed
 * arrays outside the heap. With more than one worker, a breach stops the worker whose file
 * is being checked even if another file caused it.
 */
export function createExtractionPool(options: ExtractionPoolOptions): ExtractionPool {
  const url = options.workerUrl ?? extractionWorkerUrl();
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let closed = false;

  function retire(slot: Slot): void {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    clearTimeout(slot.idleTimer);
    slot.onEvent = undefined;
    void slot.worker.terminate().catch(() => undefined);
  }

  function release(slot: Slot): void {
    slot.busy = false;
    if (queue.length > 0) return;
    // An idle worker must not keep the process alive, and is stopped after a while.
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => retire(slot), options.workerIdleMs);
    slot.idleTimer.unref();
  }

  function startSlot(): Slot {
    const worker = spawnExtractionWorker(url, options);
    let markReady: () => void = () => undefined;
    let failReady: (error: unknown) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    ready.catch(() => undefined); // the job waiting for it reports the failure
    const slot: Slot = { worker, ready, busy: false };
    worker.on('message', (raw: unknown) => {
      const message = workerMessageSchema.safeParse(raw);
      if (!message.success) return;
      if (message.data.type === 'ready') markReady();
      else slot.onEvent?.({ type: 'done', outcome: message.data.outcome });
    });
    worker.on('error', (error) => {
      failReady(error);
      slot.onEvent?.({ type: 'error', error });
    });
    worker.on('exit', () => {
      failReady(new Error('the extraction worker exited before it was ready'));
      slot.onEvent?.({ type: 'exit' });
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
      else job.reject(new Error('the extraction worker did not start', { cause: error }));
      pump();
      return;
    }
    let settled = false;
    const baseline = process.memoryUsage.rss();
    const settle = (outcome: ExtractOutcome, keepWorker: boolean): void => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      job.signal.removeEventListener('abort', onAbort);
      slot.onEvent = undefined;
      if (keepWorker) release(slot);
      else retire(slot);
      job.resolve(outcome);
      pump();
    };
    const watchdog = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > options.memoryBudgetMb * 1024 * 1024) {
        settle(TOO_LARGE, false);
      }
    }, options.memorySampleMs);
    const onAbort = (): void => settle(TIMEOUT, false);
    slot.onEvent = (event) => {
      if (event.type === 'done') settle(event.outcome, true);
      else if (event.type === 'error')
        settle(isOutOfMemory(event.error) ? TOO_LARGE : CORRUPT, false);
      else if (event.type === 'exit') settle(CORRUPT, false);
      else settle(TIMEOUT, false);
    };
    if (job.signal.aborted) {
      settle(TIMEOUT, true); // aborted while the worker started: the worker is still good
      return;
    }
    job.signal.addEventListener('abort', onAbort, { once: true });
    const bytes = ownBuffer(job.request.bytes);
    slot.worker.postMessage({ ...job.request, bytes }, [bytes.buffer]);
  }

  function pump(): void {
    while (!closed && queue.length > 0) {
      let slot = slots.find((s) => !s.busy);
      if (slot === undefined && slots.length >= options.maxWorkers) return;
      const job = queue.shift();
      if (job === undefined) return;
      job.signal.removeEventListener('abort', job.onAbort);
      try {
        slot ??= startSlot();
      } catch (error) {
        job.reject(new Error('the extraction worker did not start', { cause: error }));
        continue;
      }
      slot.busy = true;
      clearTimeout(slot.idleTimer);
      slot.worker.ref();
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
        workers: slots.length,
        busy: slots.filter((s) => s.busy).length,
        queued: queue.length,
      };
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) {
        job.signal.removeEventListener('abort', job.onAbort);
        job.resolve(TIMEOUT);
      }
      const workers = slots.map((slot) => slot.worker);
      for (const slot of [...slots]) {
        slot.onEvent?.({ type: 'closed' });
        retire(slot);
      }
      await Promise.all(workers.map((worker) => worker.terminate().catch(() => undefined)));
    },
  };
}
