import {
  type AttachmentLimits,
  type AttachmentLimitsInput,
  resolveAttachmentLimits,
} from './attachment-limits.js';
import type {
  AttachmentReadResult,
  ChosenFile,
  FileOutcome,
  SkipReason,
  SlackFile,
} from './attachment-schemas.js';
import { checkDownloadedContent } from './check-content.js';
import { type AttachmentChoice, chooseAttachments, fileSkipReason } from './choose-attachments.js';
import { decodePlainText } from './decode-plain-text.js';
import { downloadFile } from './download-file.js';
import type { ExtractOutcome } from './extraction-messages.js';
import { createExtractionPool, type ExtractionPool } from './extraction-pool.js';
import { detectFileKind } from './file-kind.js';
import { createConcurrencyLimit } from './limit-concurrency.js';
import { type FilesInfoClient, lookUpFile } from './look-up-file.js';

/** A pino logger fits. Only a file's type, size, page count and outcome are logged. */
export type AttachmentLogger = {
  info(fields: Record<string, unknown>, message: string): void;
};

export type AttachmentReaderOptions = {
  /** Node's global fetch by default. */
  fetch?: typeof globalThis.fetch;
  logger?: AttachmentLogger;
  limits?: AttachmentLimitsInput;
  /** Origins the bot token may be sent to; Slack's file host by default. */
  downloadOrigins?: readonly string[];
  /** The extraction child's entry file, when not the default (see spawn-extraction-child.ts). */
  childUrl?: URL;
};

export type ReadAttachmentsOptions = {
  /** The bot token (xoxb-…) sent with each download. */
  botToken: string;
  /** For `files.info` when a payload lacks what the download needs. */
  client: FilesInfoClient;
  /** Ends every read still running, which then reports `timeout`. */
  signal?: AbortSignal;
};

export type AttachmentReader = {
  /** The bounds this reader applies (the modal quotes the size and time limits). */
  limits: AttachmentLimits;
  /**
   * Which files `read` would try and which it would skip up front, from the file objects
   * alone (no download): for saying what is being read before the read starts.
   */
  plan(files: unknown): AttachmentChoice;
  /**
   * Reads the resume-like files of a message (`message.files` as Slack sent it). Each file
   * ends either in `read` or in `skipped` with its reason, whatever the file or Slack does;
   * it rejects only when the extraction child cannot start at all (a broken install).
   */
  read(files: unknown, options: ReadAttachmentsOptions): Promise<AttachmentReadResult>;
  /** Stops the extraction children (for shutdown). */
  close(): Promise<void>;
};

export const SLACK_FILE_ORIGINS = ['https://files.slack.com'] as const;

type Context = {
  limits: AttachmentLimits;
  fetch: typeof globalThis.fetch;
  origins: readonly string[];
  extract: ExtractionPool['extract'];
  botToken: string;
  client: FilesInfoClient;
};

type Bytes = { bytes: number };

/**
 * One reader per process: it owns the extraction children and bounds how many files are
 * downloaded and parsed at once across every caller (`maxConcurrentReads`), so memory stays
 * bounded when several people use the shortcut together. Bytes and text stay in memory.
 */
export function createAttachmentReader(options: AttachmentReaderOptions = {}): AttachmentReader {
  const limits = resolveAttachmentLimits(options.limits);
  const pool = createExtractionPool({
    ...limits,
    ...(options.childUrl ? { childUrl: options.childUrl } : {}),
  });
  const reads = createConcurrencyLimit(limits.maxConcurrentReads);
  const logger = options.logger;

  async function readOne(chosen: ChosenFile, context: Context, signal: AbortSignal | undefined) {
    const started = performance.now();
    const deadline = AbortSignal.any([
      AbortSignal.timeout(limits.timeoutMs),
      ...(signal ? [signal] : []),
    ]);
    const size: Bytes = { bytes: 0 };
    let outcome: FileOutcome;
    const release = await reads.acquire(deadline);
    if (release === undefined) {
      outcome = skip(chosen, 'timeout');
    } else {
      try {
        outcome = await readChosen(chosen, context, deadline, size);
      } finally {
        release();
      }
    }
    logger?.info(
      {
        type: outcome.ok ? outcome.file.type : chosen.kind,
        bytes: size.bytes,
        ...(outcome.ok ? { pages: outcome.file.pages, chars: outcome.text.length } : {}),
        outcome: outcome.ok ? 'read' : outcome.skipped.reason,
        ms: Math.round(performance.now() - started),
      },
      'resume attachment',
    );
    return outcome;
  }

  return {
    limits,
    plan: (files) => chooseAttachments(files, limits),
    async read(files, { botToken, client, signal }) {
      const choice = chooseAttachments(files, limits);
      const context: Context = {
        limits,
        fetch: options.fetch ?? globalThis.fetch,
        origins: options.downloadOrigins ?? SLACK_FILE_ORIGINS,
        extract: pool.extract,
        botToken,
        client,
      };
      const outcomes = await Promise.all(
        choice.chosen.map((chosen) => readOne(chosen, context, signal)),
      );
      const read = outcomes.flatMap((o) => (o.ok ? [o] : []));
      return {
        text: read.map((o) => o.text).join('\n\n'),
        read: read.map((o) => o.file),
        skipped: [...choice.skipped, ...outcomes.flatMap((o) => (o.ok ? [] : [o.skipped]))],
      };
    },
    close: () => pool.close(),
  };
}

function skip(chosen: Pick<ChosenFile, 'id' | 'name'>, reason: SkipReason): FileOutcome {
  return { ok: false, skipped: { id: chosen.id, name: chosen.name, reason } };
}

/** Looks the file up when needed, downloads, checks the bytes, and extracts the text. */
async function readChosen(
  chosen: ChosenFile,
  context: Context,
  signal: AbortSignal,
  size: Bytes,
): Promise<FileOutcome> {
  let file: SlackFile = chosen.file;
  let kind = chosen.kind;
  // Who the outcome is about; an id-only entry gets its name from files.info (for the modal).
  let target = { id: chosen.id, name: chosen.name };
  if (chosen.needsInfo) {
    const found = await lookUpFile(context.client, chosen.id, signal);
    if (!found.ok) return skip(target, found.reason);
    file = found.file;
    target = { id: chosen.id, name: file.name ?? file.title ?? chosen.name };
    const reason = fileSkipReason(file, context.limits);
    if (reason !== undefined) return skip(target, reason);
    kind = detectFileKind(file) ?? kind;
  }
  if (kind === undefined) return skip(target, 'unsupported-type');
  const url = file.url_private_download ?? file.url_private;
  if (url === undefined) return skip(target, 'no-access');
  const download = await downloadFile(url, {
    botToken: context.botToken,
    fetch: context.fetch,
    maxBytes: context.limits.maxBytes,
    signal,
    allowedOrigins: context.origins,
  });
  if (!download.ok) return skip(target, download.reason);
  size.bytes = download.bytes.byteLength;
  const check = checkDownloadedContent(kind, download.bytes, download.contentType);
  if (!check.ok) return skip(target, check.reason);

  let extracted: ExtractOutcome;
  if (kind === 'text' || kind === 'markdown') {
    const decoded = decodePlainText(download.bytes, context.limits.maxTextChars);
    extracted = decoded.ok
      ? { ok: true, text: decoded.text.trim(), truncated: decoded.truncated }
      : { ok: false, reason: 'corrupt' };
    if (extracted.ok && extracted.text === '') extracted = { ok: false, reason: 'empty' };
  } else {
    extracted = await context.extract(
      { kind, bytes: download.bytes, limits: context.limits },
      signal,
    );
  }
  if (!extracted.ok) return skip(target, extracted.reason);
  return {
    ok: true,
    text: extracted.text,
    file: {
      ...target,
      type: kind,
      bytes: size.bytes,
      ...(extracted.pages !== undefined ? { pages: extracted.pages } : {}),
      truncated: extracted.truncated,
    },
  };
}
