import type { FileKind, SlackFile } from './attachment-schemas.js';

/** Slack's `filetype` values; `undefined` marks a type Slack knows but the reader cannot read. */
const BY_FILETYPE: Record<string, FileKind | undefined> = {
  pdf: 'pdf',
  docx: 'docx',
  text: 'text',
  txt: 'text',
  markdown: 'markdown',
  md: 'markdown',
};

const BY_MIMETYPE: Record<string, FileKind> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
};

const BY_EXTENSION: Record<string, FileKind> = {
  pdf: 'pdf',
  docx: 'docx',
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
};

/** Values that say nothing about the content, so the next clue decides. */
const UNINFORMATIVE = new Set(['', 'binary', 'auto', 'application/octet-stream']);

function extensionOf(name: string | undefined): string | undefined {
  const match = /\.([a-z0-9]{1,10})$/i.exec(name ?? '');
  return match?.[1]?.toLowerCase();
}

/**
 * What the file is, from Slack's own detection first (`filetype`, then `mimetype`), the
 * name's extension last. The first informative clue decides: a `png` named `cv.pdf` stays
 * unsupported. The downloaded bytes are checked again before parsing.
 */
export function detectFileKind(
  file: Pick<SlackFile, 'filetype' | 'mimetype' | 'name'>,
): FileKind | undefined {
  const filetype = file.filetype?.trim().toLowerCase() ?? '';
  if (!UNINFORMATIVE.has(filetype)) return BY_FILETYPE[filetype];
  const mimetype = (file.mimetype ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!UNINFORMATIVE.has(mimetype)) return BY_MIMETYPE[mimetype];
  const extension = extensionOf(file.name);
  return extension === undefined ? undefined : BY_EXTENSION[extension];
}
