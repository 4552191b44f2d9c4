import type { Level } from '../../../kernel/knowledge/schemas/levels-schema.js';
import { escapeMrkdwn } from '../../../kernel/slack/blocks/escape-mrkdwn.js';

/** Why a flag is not posted in a channel shared with another organisation (Slack Connect). */
export const SHARED_CHANNEL_REASON =
  'the channel is shared with another organisation, and resume flags stay inside the hiring team';

/** Modal titles, submit and close labels may hold 24 characters. */
export const MODAL_TITLE = 'Flag resume concerns';

/** "Senior (about 7 years mentioned) · prepare with `/hire questions senior`". */
export function levelLine(
  levels: readonly Level[],
  level: string | undefined,
  years?: number,
): string {
  if (level === undefined) {
    return 'No years of experience mentioned, so no level estimate. Ask, then prepare with `/hire questions junior|mid|senior|staff`.';
  }
  const name = levels.find((l) => l.id === level)?.name ?? level;
  const about =
    years === undefined ? '' : ` (about ${years} year${years === 1 ? '' : 's'} mentioned)`;
  return `*Estimated level: ${escapeMrkdwn(name)}*${about} · prepare with \`/hire questions ${level}\``;
}
