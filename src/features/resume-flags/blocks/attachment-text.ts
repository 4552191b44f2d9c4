import { escapeMrkdwn, truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { FileKind, ReadFile } from '../attachments/attachment-schemas.js';
import type { AttachmentSummary, FileSkip } from '../read-message-files.js';

/** Files listed by name in a modal; more are counted, so the modal stays within its limits. */
const MAX_LISTED = 10;
const NAME_CHARS = 60;
const MB = 1024 * 1024;

const KIND_LABEL: Record<FileKind, string> = {
  pdf: 'PDF',
  docx: 'Word document',
  text: 'text file',
  markdown: 'Markdown file',
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** A file name as the reviewer sees it: on one line, shortened, escaped, quoted. */
export function fileName(name: string): string {
  return `“${escapeMrkdwn(truncate(name.replace(/\s+/g, ' ').trim() || 'unnamed file', NAME_CHARS))}”`;
}

/**
 * "its attached PDF" or "3 attached files (PDF, Word document)": what the loading modal says
 * it reads. An undefined kind is a file whose type only files.info will tell.
 */
export function readingWhat(kinds: readonly (FileKind | undefined)[]): string {
  const [only] = kinds;
  if (kinds.length === 1) return `its attached ${only ? KIND_LABEL[only] : 'file'}`;
  const labels = [...new Set(kinds.flatMap((kind) => (kind ? [KIND_LABEL[kind]] : [])))];
  const what = plural(kinds.length, 'attached file');
  return labels.length > 0 ? `${what} (${labels.join(', ')})` : what;
}

/** Why a file was not read, in words a reviewer can act on. */
export function skipReasonText(
  reason: FileSkip['reason'],
  limits: AttachmentSummary['limits'],
): string {
  switch (reason) {
    case 'unsupported-type':
      return 'not a type the bot can read: it reads PDF, Word (.docx), text and Markdown files, not images, zip archives or others';
    case 'too-large':
      return `too large: over ${Math.round(limits.maxBytes / MB)} MB, or it unpacks to far more than its size`;
    case 'no-access':
      return 'the bot is not allowed to download it (Slack refused; the file may be private or no longer shared)';
    case 'no-text-layer':
      return 'a scanned PDF: its pages are pictures without a text layer, and the bot does no OCR. Ask for a PDF saved from the document itself';
    case 'encrypted':
      return 'protected by a password';
    case 'corrupt':
      return 'damaged, or not the type it claims to be: it could not be opened';
    case 'timeout':
      return `took longer than ${Math.round(limits.timeoutMs / 1000)} seconds to download and read`;
    case 'deleted':
      return 'the file was deleted';
    case 'external':
      return 'a link to a file on another service (such as Google Drive), not a file in Slack';
    case 'too-many':
      return `left out: at most ${limits.maxFiles} files are read per message, those named like a resume first`;
    case 'empty':
      return 'there is no text in it';
    case 'reader-failed':
      return 'the file reader did not start; please try again in a minute';
  }
}

function readDetails(file: ReadFile, limits: AttachmentSummary['limits']): string {
  const details = [KIND_LABEL[file.type]];
  if (file.pages !== undefined) details.push(plural(file.pages, 'page'));
  if (file.truncated) {
    details.push(
      file.pages !== undefined && file.pages > limits.maxPages
        ? `only the first ${limits.maxPages} pages read`
        : 'only the beginning read',
    );
  }
  return details.join(', ');
}

function listed<T>(items: readonly T[], line: (item: T) => string): string[] {
  const lines = items.slice(0, MAX_LISTED).map(line);
  if (items.length > MAX_LISTED) lines.push(`• and ${items.length - MAX_LISTED} more`);
  return lines;
}

/** "Read from “cv.pdf” (PDF, 2 pages)", or undefined when no file was read. */
export function readFilesText(summary: AttachmentSummary): string | undefined {
  if (summary.read.length === 0) return undefined;
  const lines = listed(
    summary.read,
    (file) => `• ${fileName(file.name)} (${readDetails(file, summary.limits)})`,
  );
  return `:page_facing_up: *Read from the attached ${summary.read.length === 1 ? 'file' : 'files'}*\n${lines.join('\n')}`;
}

/** One line per file that was not read, with its reason; undefined when none was skipped. */
export function skippedFilesText(summary: AttachmentSummary): string | undefined {
  if (summary.skipped.length === 0) return undefined;
  const lines = listed(
    summary.skipped,
    (file) => `• ${fileName(file.name || file.id)}: ${skipReasonText(file.reason, summary.limits)}`,
  );
  return `:no_entry_sign: *Not read*\n${lines.join('\n')}`;
}
