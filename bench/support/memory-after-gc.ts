import { once } from 'node:events';
import WebSocket from 'ws';
import type { NodeChild } from './node-child.js';

export interface MemoryAfterGc {
  /** VmRSS right after the collection. */
  rssBytes: number;
  /** V8's heapUsed after the collection: what is alive. */
  heapUsedBytes: number;
}

/** The memory of the app and the floor at one point of the run. */
export interface MemoryPoint {
  after: string;
  /** Requests hire-bot had served since warm-up. */
  appRequests: number;
  app: MemoryAfterGc;
  floor: MemoryAfterGc;
}

/** The line Node prints on stderr when started with `--inspect`. */
export const INSPECTOR_LINE = /Debugger listening on (ws:\/\/\S+)/;

/**
 * A child's memory after a full garbage collection, asked through the V8 inspector (the child
 * runs with `--inspect=127.0.0.1:0`; nothing in the app changes). Without the collection, a
 * reading lands anywhere on the heap's saw-tooth: under load the RSS of the same process moved
 * between ~150 and ~250 MB with no leak at all, and a major GC can be minutes apart, so neither
 * one reading nor the lowest of a 10 s window says what stayed alive.
 */
export async function memoryAfterGc(child: NodeChild, timeoutMs = 10_000): Promise<MemoryAfterGc> {
  const line = await child.waitForOutput(INSPECTOR_LINE, timeoutMs);
  const url = INSPECTOR_LINE.exec(line)?.[1];
  if (!url) throw new Error(`${child.name}: no inspector URL in "${line}"`);
  const socket = new WebSocket(url);
  await once(socket, 'open');
  const waiting = new Map<number, (message: InspectorReply) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as InspectorReply;
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  let lastId = 0;
  const call = (method: string, params: Record<string, unknown> = {}): Promise<unknown> =>
    new Promise((resolve, reject) => {
      lastId += 1;
      const id = lastId;
      const timer = setTimeout(
        () => reject(new Error(`${child.name}: ${method} timed out`)),
        timeoutMs,
      );
      waiting.set(id, (message) => {
        clearTimeout(timer);
        waiting.delete(id);
        if (message.error) reject(new Error(`${child.name}: ${method}: ${message.error.message}`));
        else resolve(message.result);
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    // Twice: the first collection can leave objects with finalizers for the second.
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const evaluated = (await call('Runtime.evaluate', {
      expression: 'process.memoryUsage().heapUsed',
      returnByValue: true,
    })) as { result?: { value?: unknown } };
    const heapUsedBytes = evaluated.result?.value;
    if (typeof heapUsedBytes !== 'number') throw new Error(`${child.name}: no heapUsed`);
    return { rssBytes: child.rssBytes(), heapUsedBytes };
  } finally {
    socket.close();
  }
}

interface InspectorReply {
  id?: number;
  result?: unknown;
  error?: { message: string };
}
