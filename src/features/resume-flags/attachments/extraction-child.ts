/**
 * Entry point of an extraction child process (see extraction-pool.ts). It loads the parsers
 * once, says `ready`, then answers one request at a time over IPC. Nothing here logs: the
 * file's text goes back to the pool and nowhere else.
 */
import { getResolvedPDFJS } from 'unpdf';
import { extractDocxText } from './extract-docx-text.js';
import { extractPdfText } from './extract-pdf-text.js';
import {
  type ChildMessage,
  type ExtractOutcome,
  type ExtractRequest,
  extractRequestSchema,
} from './extraction-messages.js';

async function extract(request: ExtractRequest): Promise<ExtractOutcome> {
  return request.kind === 'pdf'
    ? extractPdfText(request.bytes, request.limits)
    : extractDocxText(request.bytes, request.limits);
}

const send = process.send?.bind(process);
if (send === undefined) throw new Error('extraction-child runs only as a forked child process');
const reply = (message: ChildMessage): void => {
  send(message);
};

process.on('message', (raw: unknown) => {
  const parsed = extractRequestSchema.safeParse(raw);
  const answer = parsed.success
    ? extract(parsed.data)
    : Promise.resolve<ExtractOutcome>({ ok: false, reason: 'corrupt' });
  void answer
    .catch((): ExtractOutcome => ({ ok: false, reason: 'corrupt' }))
    .then((outcome) => reply({ type: 'done', outcome }));
});
// The pool going away (its process ended) ends this one too.
process.on('disconnect', () => process.exit(0));

// Loading PDF.js takes longer than reading a small PDF: pay it once, before the first file.
await getResolvedPDFJS();
reply({ type: 'ready' });
