import type { KnownBlock } from '@slack/types';
import type { ResumeFlag } from '../../../kernel/knowledge/schemas/resume-flags-schema.js';
import { context, header, section } from '../../../kernel/slack/blocks/block-kit.js';
import { escapeMrkdwn, truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import { dateToken, link } from '../../../kernel/slack/blocks/text.js';
import type { Delivery, StoredFlag } from '../flag-record.js';

export type FlagsHomeInput = {
  /** This page of the viewer's own flags, newest first. */
  flags: readonly StoredFlag[];
  page: number;
  /** The guide's flags, to name the concerns. */
  knownFlags: readonly ResumeFlag[];
};

const FRAME_BLOCKS = 3;
const MOST_PER_PAGE = 10;

/** How many flags fit in `maxBlocks` (one block each, plus the header and notes). */
export function flagsPerPage(maxBlocks: number): number {
  return Math.max(0, Math.min(MOST_PER_PAGE, maxBlocks - FRAME_BLOCKS));
}

const WHERE: Record<Delivery, string> = {
  thread: 'posted in the thread',
  private: 'sent to you only',
  'private-fallback': 'sent to you only (the thread would not take it)',
  undelivered: 'not delivered, kept here',
};

const CHANNEL_ID = /^[CGD][A-Z0-9]{2,40}$/;

function flagLine(flag: StoredFlag, names: ReadonlyMap<string, string>): KnownBlock {
  const concerns =
    flag.concerns.length > 0
      ? flag.concerns.map((id) => escapeMrkdwn(names.get(id) ?? id)).join(' · ')
      : 'no concerns ticked';
  const where = CHANNEL_ID.test(flag.channelId) ? ` in <#${flag.channelId}>` : '';
  const note = flag.note ? `\n>${escapeMrkdwn(truncate(flag.note, 300)).replace(/\n/g, ' ')}` : '';
  return section(
    `*${dateToken(flag.createdAt)}* · ${link(flag.permalink, 'the message')}${where} · _${WHERE[flag.deliveredTo]}_\n${concerns}${note}`,
  );
}

/**
 * The viewer's own resume flags in their Home, private ones included: nobody else sees this
 * Home, so it shows what only they were told.
 */
export function buildFlagsHomeSection(input: FlagsHomeInput): KnownBlock[] {
  const blocks: KnownBlock[] = [header('Your resume flags')];
  if (input.flags.length === 0) {
    blocks.push(
      section(
        input.page > 1
          ? 'No older flags.'
          : 'You have not flagged a resume yet. On a message holding one, open *More actions* (⋯) and choose *Flag resume concerns*.',
      ),
    );
    return blocks;
  }
  const names = new Map(input.knownFlags.map((f) => [f.id, f.name]));
  blocks.push(context('Newest first. Only you see this list, private reviews included.'));
  for (const flag of input.flags) blocks.push(flagLine(flag, names));
  return blocks;
}
