import type { KnownBlock } from '@slack/types';
import type { Level } from '../../../kernel/knowledge/schemas/levels-schema.js';
import type { ResumeFlag } from '../../../kernel/knowledge/schemas/resume-flags-schema.js';
import { bullets, context, sections } from '../../../kernel/slack/blocks/block-kit.js';
import { escapeMrkdwn, truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { link, mention } from '../../../kernel/slack/blocks/text.js';
import { levelLine } from './resume-text.js';

export type FlagSummaryInput = {
  reviewerId: string;
  concerns: readonly ResumeFlag[];
  strengths: readonly ResumeFlag[];
  levels: readonly Level[];
  level?: string;
  years?: number;
  note?: string;
  /** Link to the flagged message. */
  permalink?: string;
  /** Set when the summary comes privately because the thread could not take it (our text). */
  privateBecause?: string;
};

/** The review as posted in the thread or sent privately: concerns with a question each. */
export function buildFlagSummaryMessage(input: FlagSummaryInput): SlackMessage {
  const { reviewerId, concerns, strengths, note } = input;
  const count = `${concerns.length} concern${concerns.length === 1 ? '' : 's'}`;
  const blocks: KnownBlock[] = [
    ...sections(
      `:triangular_flag_on_post: *Resume review* by ${mention(reviewerId)} of ${link(input.permalink, 'this message')}: ${count}`,
    ),
  ];
  if (input.privateBecause) {
    blocks.push(context(`:lock: Sent only to you: ${escapeMrkdwn(input.privateBecause)}`));
  }
  blocks.push(
    ...sections(
      concerns.length > 0
        ? `*Concerns*\n${bullets(concerns.map((f) => `*${escapeMrkdwn(f.name)}* — _ask:_ ${escapeMrkdwn(f.ask)}`))}`
        : '*Concerns:* none ticked.',
    ),
  );
  if (strengths.length > 0) {
    blocks.push(
      ...sections(`*Strengths:* ${strengths.map((f) => escapeMrkdwn(f.name)).join(' · ')}`),
    );
  }
  blocks.push(...sections(levelLine(input.levels, input.level, input.years)));
  if (note) {
    const quoted = escapeMrkdwn(truncate(note, 2000))
      .split('\n')
      .map((line) => `>${line}`)
      .join('\n');
    blocks.push(...sections(`*Note*\n${quoted}`));
  }
  return {
    text: `Resume review by ${mention(reviewerId)}: ${count}.`,
    blocks,
  };
}
