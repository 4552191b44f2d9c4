/**
 * Run from the esbuild bundle (dist/tests/support/read-attachment-bundled.js) by
 * spawn-extraction-child.test.ts: reads a PDF and a .docx through the bundled reader, whose
 * extraction child must be found in dist/, and prints the outcome as one JSON line.
 */
import { createAttachmentReader } from '../../src/features/resume-flags/attachments/read-resume-attachments.js';
import { buildDocx, buildPdf, RESUME_PAGES } from './resume-fixtures.js';
import { startSlackFileServer } from './slack-file-server.js';

const TOKEN = 'xoxb-bundled';
const server = await startSlackFileServer(TOKEN);
const reader = createAttachmentReader({ downloadOrigins: [server.origin] });
try {
  const pdf = await buildPdf();
  const docx = await buildDocx(RESUME_PAGES);
  const files = [
    {
      id: 'F1',
      name: 'cv.pdf',
      filetype: 'pdf',
      url_private_download: server.serve('/F1', { body: pdf }),
    },
    {
      id: 'F2',
      name: 'cv.docx',
      filetype: 'docx',
      url_private_download: server.serve('/F2', { body: docx }),
    },
  ];
  const noInfo = { files: { info: () => Promise.reject(new Error('not expected')) } };
  const result = await reader.read(files, { botToken: TOKEN, client: noInfo });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await reader.close();
  await server.close();
}
