/**
 * Entry point of an extraction worker thread (see extraction-pool.ts). It loads the parsers
 * once, says `ready`, then answers one request at a time. Nothing here logs: the file's
 * text goes back to the pool and nowhere else.
 */
import { parentPort } from 'node:worker_threads';
import { getResolvedPDFJS } from 'unpdf';
import { extractDocxText } from './extract-docx-text.js';
import { extractPdfText } from './extract-pdf-text.js';
import {
  type ExtractOutcome,
  type ExtractRequest,
  extractRequestSchema,
  type WorkerMessage,
} from './extraction-messages.js';

async function extract(request: ExtractRequest): Promise<ExtractOutcome> {
  return request.kind === 'pdf'
    ? extractPdfText(request.bytes, request.limits)
    : extractDocxText(request.bytes, request.limits);
}

const port = parentPort;
if (port === null) throw new Error('extraction-worker.ts runs only as a worker thread');

port.on('message', (raw: unknown) => {
  const parsed = extractRequestSchema.safeParse(raw);
  const answer = parsed.success
    ? extract(parsed.data)
    : Promise.resolve<ExtractOutcome>({ ok: false, reason: 'corrupt' });
  void answer
    .catch((): ExtractOutcome => ({ ok: false, reason: 'corrupt' }))
    .then((outcome) => port.postMessage({ type: 'done', outcome } satisfies WorkerMessage));
});

// Loading PDF.js takes longer than reading a small PDF: pay it once, before the first file.
await getResolvedPDFJS();
port.postMessage({ type: 'ready' } satisfies WorkerMessage);
