import { z } from 'zod';
import { type SkipReason, type SlackFile, slackFileSchema } from './attachment-schemas.js';

/** The one Web API method the reader calls; a Bolt `client` fits. */
export type FilesInfoClient = {
  files: { info(args: { file: string }): Promise<unknown> };
};

const filesInfoAnswerSchema = z.object({ file: slackFileSchema });

function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('data' in error)) return undefined;
  const data = error.data;
  if (typeof data !== 'object' || data === null || !('error' in data)) return undefined;
  return typeof data.error === 'string' ? data.error : undefined;
}

/**
 * The file object from `files.info`, for a payload that lacks the download URL or says
 * `check_file_info`. A deleted file is `deleted`; any other refusal (`file_not_found`, a
 * missing scope) is `no-access`; the deadline passing first is `timeout`.
 */
export async function lookUpFile(
  client: FilesInfoClient,
  id: string,
  signal: AbortSignal,
): Promise<{ ok: true; file: SlackFile } | { ok: false; reason: SkipReason }> {
  if (signal.aborted) return { ok: false, reason: 'timeout' };
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<'aborted'>((resolve) => {
    onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const answer = await Promise.race([client.files.info({ file: id }), aborted]);
    if (answer === 'aborted') return { ok: false, reason: 'timeout' };
    const parsed = filesInfoAnswerSchema.safeParse(answer);
    return parsed.success
      ? { ok: true, file: parsed.data.file }
      : { ok: false, reason: 'no-access' };
  } catch (error) {
    if (signal.aborted) return { ok: false, reason: 'timeout' };
    return {
      ok: false,
      reason: slackErrorCode(error) === 'file_deleted' ? 'deleted' : 'no-access',
    };
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
