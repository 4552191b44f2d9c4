import { describe, expect, it } from 'vitest';
import { detectFileKind } from '../../../../src/features/resume-flags/attachments/file-kind.js';

describe('detectFileKind', () => {
  it.each([
    [{ filetype: 'pdf' }, 'pdf'],
    [{ filetype: 'docx' }, 'docx'],
    [{ filetype: 'text' }, 'text'],
    [{ filetype: 'markdown' }, 'markdown'],
    [{ mimetype: 'application/pdf' }, 'pdf'],
    [
      { mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      'docx',
    ],
    [{ mimetype: 'text/plain; charset=utf-8' }, 'text'],
    [{ mimetype: 'text/markdown' }, 'markdown'],
    [{ name: 'cv.PDF' }, 'pdf'],
    [{ name: 'notes.md' }, 'markdown'],
    [{ filetype: 'binary', mimetype: 'application/octet-stream', name: 'cv.docx' }, 'docx'],
  ] as const)('%o is %s', (file, kind) => {
    expect(detectFileKind(file)).toBe(kind);
  });

  it.each([
    { filetype: 'png', name: 'cv.pdf' },
    { filetype: 'zip', name: 'resume.docx' },
    { filetype: 'doc', name: 'resume.doc' },
    { mimetype: 'image/jpeg', name: 'cv.pdf' },
    { name: 'resume' },
    {},
  ])('%o is not readable (Slack’s own detection wins over the name)', (file) => {
    expect(detectFileKind(file)).toBeUndefined();
  });
});
