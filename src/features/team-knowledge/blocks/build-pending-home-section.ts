import type { KnownBlock } from '@slack/types';
import { context, header, section } from '../../../kernel/slack/blocks/block-kit.js';
import { dateToken, mention } from '../../../kernel/slack/blocks/text.js';
import type { TeamEntryRecord } from '../team-entry.js';
import { entryBody, reviewButtons } from './build-review-messages.js';

/** Header and the line under it. */
const FRAME_BLOCKS = 2;
/** Each contribution: its text, who and when, and the buttons. */
const BLOCKS_EACH = 3;
const MOST_PER_PAGE = 5;

export function pendingPerPage(maxBlocks: number): number {
  return Math.max(0, Math.min(MOST_PER_PAGE, Math.floor((maxBlocks - FRAME_BLOCKS) / BLOCKS_EACH)));
}

/** An admin's Home: the contributions waiting for them, each with Approve and Reject. */
export function buildPendingHomeSection(
  pending: readonly TeamEntryRecord[],
  page: number,
): KnownBlock[] {
  if (pending.length === 0 && page === 1) return [];
  const blocks: KnownBlock[] = [header('Contributions waiting for approval')];
  if (pending.length === 0) {
    blocks.push(section('No more contributions waiting.'));
    return blocks;
  }
  blocks.push(
    context('Terms and questions the team added in Slack; the team sees them once approved.'),
  );
  for (const record of pending) {
    // The body is cut to one section: the whole entry is in the admin's direct message.
    blocks.push(section(entryBody(record)));
    const changed =
      record.updatedAt.getTime() > record.addedAt.getTime()
        ? ` · changed by ${mention(record.updatedBy)} on ${dateToken(record.updatedAt)}`
        : '';
    blocks.push(
      context(`Added by ${mention(record.addedBy)} on ${dateToken(record.addedAt)}${changed}`),
    );
    blocks.push(reviewButtons(record));
  }
  return blocks;
}
