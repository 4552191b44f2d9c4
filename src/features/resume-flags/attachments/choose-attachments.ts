import {
  type ChosenFile,
  type SkippedFile,
  type SlackFile,
  slackFileSchema,
} from './attachment-schemas.js';
import { detectFileKind } from './file-kind.js';

export type AttachmentChoice = {
  /** Files to read, resume-like names first, at most `maxFiles`. */
  chosen: ChosenFile[];
  /** Every other entry of `files`, with the reason it is not read. */
  skipped: SkippedFile[];
};

// Words that name a resume in the languages hiring teams here use; accents are stripped first.
const RESUME_NAME =
  /(^|[^a-z])(resume|cv|lebenslauf|curriculum|vitae|bewerbung|candidature)([^a-z]|$)/;

/** True when the file's name or title reads like a resume. */
export function looksLikeResumeName(file: Pick<SlackFile, 'name' | 'title'>): boolean {
  return [file.name, file.title].some((value) =>
    RESUME_NAME.test(
      (value ?? '')
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase(),
    ),
  );
}

function displayName(file: SlackFile): string {
  return file.name ?? file.title ?? file.id;
}

function stringField(value: unknown, key: string): string {
  if (typeof value !== 'object' || value === null) return '';
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field.slice(0, 200) : '';
}

/**
 * Picks the files of a message that the reader will try, from `message.files` as Slack sent
 * it (untrusted: anything not shaped like a file object is skipped). Deleted, external,
 * unsupported and declared-oversized files are skipped with their reason; of the rest, those
 * named like a resume come first, in message order, up to `maxFiles`.
 */
export function chooseAttachments(
  files: unknown,
  limits: { maxFiles: number; maxBytes: number },
): AttachmentChoice {
  const skipped: SkippedFile[] = [];
  const candidates: { chosen: ChosenFile; named: boolean }[] = [];
  for (const entry of Array.isArray(files) ? files : []) {
    const parsed = slackFileSchema.safeParse(entry);
    if (!parsed.success) {
      const name = stringField(entry, 'name') || stringField(entry, 'title');
      skipped.push({ id: stringField(entry, 'id'), name, reason: 'unsupported-type' });
      continue;
    }
    const file = parsed.data;
    const base = { id: file.id, name: displayName(file) };
    const kind = detectFileKind(file);
    const reason = fileSkipReason(file, limits);
    // Slack shows a Slack Connect file as its id alone: files.info tells what it is.
    const typeFromInfo = reason === 'unsupported-type' && isIdOnlyCheckFileInfo(file);
    if (reason !== undefined && !typeFromInfo) {
      skipped.push({ ...base, reason });
      continue;
    }
    candidates.push({
      chosen: { ...base, ...(kind ? { kind } : {}), needsInfo: needsFileInfo(file), file },
      named: looksLikeResumeName(file),
    });
  }
  const ordered = [...candidates.filter((c) => c.named), ...candidates.filter((c) => !c.named)].map(
    (c) => c.chosen,
  );
  for (const extra of ordered.slice(limits.maxFiles)) {
    skipped.push({ id: extra.id, name: extra.name, reason: 'too-many' });
  }
  return { chosen: ordered.slice(0, limits.maxFiles), skipped };
}

/**
 * Why a file cannot be read, from what its object says (also applied to a `files.info`
 * answer), or undefined when it may be.
 */
export function fileSkipReason(
  file: SlackFile,
  limits: { maxBytes: number },
): SkippedFile['reason'] | undefined {
  if (file.mode === 'tombstone') return 'deleted';
  if (file.mode === 'external' || file.is_external === true) return 'external';
  if (detectFileKind(file) === undefined) return 'unsupported-type';
  if (file.size !== undefined && file.size > limits.maxBytes) return 'too-large';
  return undefined;
}

/** A `check_file_info` entry with no type or name at all: only files.info can say more. */
function isIdOnlyCheckFileInfo(file: SlackFile): boolean {
  return (
    file.file_access === 'check_file_info' &&
    file.filetype === undefined &&
    file.mimetype === undefined &&
    file.name === undefined &&
    file.title === undefined
  );
}

/** The payload lacks a download URL, or Slack says to look the file up first. */
export function needsFileInfo(file: SlackFile): boolean {
  return (
    file.file_access === 'check_file_info' ||
    (file.url_private_download === undefined && file.url_private === undefined)
  );
}
