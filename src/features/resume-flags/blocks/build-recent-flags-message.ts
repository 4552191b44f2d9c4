import type { KnownBlock } from '@slack/types';
import type { ResumeFlag } from '../../../kernel/knowledge/schemas/resume-flags-schema.js';
import { context, header, sections } from '../../../kernel/slack/blocks/block-kit.js';
import { escapeMrkdwn, truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { dateToken, link, mention } from '../../../kernel/slack/blocks/text.js';
import { isSharedWithChannel, type StoredFlag } from '../flag-record.js';

const HOW_TO_FLAG =
  'To flag one: hover over a message with a resume, open *More actions* (⋯) and choose *Flag resume concerns*.';

function flagBlock(flag: StoredFlag, names: ReadonlyMap<string, string>): KnownBlock[] {
  const concerns =
    flag.concerns.length > 0
      ? flag.concerns.map((id) => escapeMrkdwn(names.get(id) ?? id)).join(' · ')
      : 'no concerns ticked';
  const note = flag.note ? `\n>${escapeMrkdwn(truncate(flag.note, 300)).replace(/\n/g, ' ')}` : '';
  // The list holds another person's flags only when they were posted in the channel.
  const mine = isSharedWithChannel(flag.deliveredTo) ? '' : ' · :lock: _only you can see this_';
  return sections(
    `*${dateToken(flag.createdAt)}* — ${mention(flag.flaggedBy)} flagged ${link(flag.permalink, 'a message')}${mine}\n${concerns}${note}`,
  );
}

/** `/hire flags recent`: the channel's latest flags, newest first, privately. */
export function buildRecentFlagsMessage(
  flags: readonly StoredFlag[],
  knownFlags: readonly ResumeFlag[],
): SlackMessage {
  if (flags.length === 0) {
    return {
      response_type: 'ephemeral',
      text: 'No resumes flagged in this channel yet.',
      blocks: sections(
        `:triangular_flag_on_post: *No resumes flagged in this channel yet.*\n${HOW_TO_FLAG}`,
      ),
    };
  }
  const names = new Map(knownFlags.map((f) => [f.id, f.name]));
  return {
    response_type: 'ephemeral',
    text:
      flags.length === 1
        ? 'The latest resume flag in this channel.'
        : `The ${flags.length} latest resume flags in this channel.`,
    blocks: [
      header('Recent resume flags in this channel'),
      ...flags.flatMap((flag) => flagBlock(flag, names)),
      context(HOW_TO_FLAG),
    ],
  };
}
