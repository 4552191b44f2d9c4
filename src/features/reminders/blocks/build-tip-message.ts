import type { KnownBlock } from '@slack/types';
import { levelWord } from '../../../kernel/knowledge/level-words.js';
import { bullets, section } from '../../../kernel/slack/blocks/block-kit.js';
import { escapeMrkdwn, truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import type { Tip } from '../tips/pick-tip.js';

const ITEM_MAX = 400;
const LIST_MAX = 5;

/** The first few items of a list, each escaped and shortened. */
const shortList = (items: readonly string[]): string =>
  bullets(items.slice(0, LIST_MAX).map((item) => escapeMrkdwn(truncate(item, ITEM_MAX))));

/** The parts of a tip, each a section; shared by the channel post and the private preview. */
export function tipBlocks(tip: Tip): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (tip.question) {
    const q = tip.question;
    const focus = tip.level ? ` (${levelWord(tip.level)})` : '';
    blocks.push(
      section(
        `:speech_balloon: *Question of the day${focus}*\n>${escapeMrkdwn(truncate(q.prompt, 600))}\n` +
          `*Look for*\n${shortList(q.lookFor)}\n*Red flags*\n${shortList(q.redFlags)}`,
      ),
    );
  }
  if (tip.term) {
    const t = tip.term;
    blocks.push(
      section(
        `:books: *Term of the day: ${escapeMrkdwn(truncate(t.name, 100))}*\n${escapeMrkdwn(truncate(t.meaning, 800))}\n` +
          `_On a resume:_ ${escapeMrkdwn(truncate(t.onResume, ITEM_MAX))}\n_Ask:_ ${escapeMrkdwn(truncate(t.probe, ITEM_MAX))}`,
      ),
    );
  }
  if (tip.mistake) {
    const m = tip.mistake;
    blocks.push(
      section(
        `:warning: *Mistake to avoid: ${escapeMrkdwn(truncate(m.name, 100))}*\n${escapeMrkdwn(truncate(m.problem, 800))}\n` +
          `*Instead*\n${shortList(m.instead)}`,
      ),
    );
  }
  if (tip.expectation) {
    const e = tip.expectation;
    blocks.push(
      section(
        `:handshake: *Expectation to honour: ${escapeMrkdwn(truncate(e.name, 100))}*\n` +
          `*Candidates expect*\n${shortList(e.expects)}\n*What breaks trust*\n${shortList(e.breaksTrust)}`,
      ),
    );
  }
  return blocks;
}

/** One line for notifications and screen readers, naming what the tip holds. */
function fallbackText(tip: Tip): string {
  const parts: string[] = [];
  if (tip.question) parts.push(`question: ${truncate(tip.question.prompt, 200)}`);
  if (tip.term) parts.push(`term: ${tip.term.name}`);
  if (tip.mistake) parts.push(`mistake to avoid: ${tip.mistake.name}`);
  if (tip.expectation) parts.push(`expectation: ${tip.expectation.name}`);
  return escapeMrkdwn(`Interview prep — ${parts.join(' · ')}`);
}

export type TipMessageOptions = {
  /** Shown in the heading, e.g. "Tuesday 5 January" in the channel's zone. */
  dateLabel: string;
  /** Slack user id of whoever set the reminder up. */
  createdBy: string;
};

/** The daily post (for chat.postMessage). */
export function buildTipMessage(tip: Tip, options: TipMessageOptions): SlackMessage {
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(`Interview prep · ${options.dateLabel}`, 150) },
    },
    ...tipBlocks(tip),
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Daily reminder set up by <@${escapeMrkdwn(options.createdBy)}> · \`/hire remind list\` to see it, \`/hire remind off\` to stop it`,
        },
      ],
    },
  ];
  return { text: fallbackText(tip), blocks };
}

/** `/hire remind preview`: the next tip, privately, marked as a preview. */
export function buildTipPreviewMessage(tip: Tip): SlackMessage {
  return {
    response_type: 'ephemeral',
    text: `Preview (only you see this): ${fallbackText(tip)}`,
    blocks: [
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: ':eyes: Preview, only visible to you: this is the tip this channel gets next.',
          },
        ],
      },
      ...tipBlocks(tip),
    ],
  };
}
