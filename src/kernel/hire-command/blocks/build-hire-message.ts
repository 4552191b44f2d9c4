import type { KnownBlock } from '@slack/types';
import {
  actions,
  type ButtonSpec,
  context,
  header,
  sections,
} from '../../slack/blocks/block-kit.js';
import { escapeMrkdwn, truncate } from '../../slack/blocks/escape-mrkdwn.js';
import type { SlackMessage } from '../../slack/blocks/slack-message.js';
import { isUserId } from '../../slack/blocks/text.js';
import type { Delivery } from '../delivery.js';
import { HIRE_ACTIONS } from '../hire-command-ids.js';

export type HireAnswerParts = {
  /** Header text: plain, from the knowledge or fixed. */
  title: string;
  /** Notification text, already escaped mrkdwn, one or two lines. */
  fallback: string;
  /** A line shown above the body on every page (e.g. "No term matches …"). Escaped mrkdwn. */
  notice?: string;
  /** The body: each item is a group of blocks kept together on one page. */
  items: KnownBlock[][];
  /** Answer-specific buttons (related terms, another question…). */
  buttons?: ButtonSpec[];
};

/** Block budget for the body of one page, leaving room for header, notices and buttons. */
const PAGE_MAX_BLOCKS = 40;
/**
 * Serialized size budget for the body of one page. Slack answers `msg_blocks_too_long` near
 * 13,000 chars and checkMessageLimits allows 12,000; the frame adds at most ~1,500.
 */
const PAGE_MAX_CHARS = 9_000;

const size = (blocks: KnownBlock[]) => JSON.stringify(blocks).length;

/** Greedy paging: the same items always give the same pages, so `page N` is stable. */
export function paginate(items: KnownBlock[][]): KnownBlock[][][] {
  // Each item is measured once; one too big for a page on its own is split into its blocks.
  const units = items.flatMap((item) => {
    const chars = size(item);
    return item.length > PAGE_MAX_BLOCKS || chars > PAGE_MAX_CHARS
      ? item.map((block) => ({ blocks: [block], chars: size([block]) }))
      : [{ blocks: item, chars }];
  });
  const pages: KnownBlock[][][] = [];
  let current: KnownBlock[][] = [];
  let blocks = 0;
  let chars = 0;
  for (const unit of units) {
    if (
      current.length > 0 &&
      (blocks + unit.blocks.length > PAGE_MAX_BLOCKS || chars + unit.chars > PAGE_MAX_CHARS)
    ) {
      pages.push(current);
      current = [];
      blocks = 0;
      chars = 0;
    }
    current.push(unit.blocks);
    blocks += unit.blocks.length;
    chars += unit.chars;
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}

/** The command text that opens page `page` of the answer to `command`. */
export function pageCommand(command: string, page: number): string {
  return page <= 1 ? command : `${command} page ${page}`;
}

/**
 * Wraps an answer's parts into the message Slack receives: ephemeral with a Share button, or
 * in-channel with "Shared by"; paged when the body is too long for one message.
 */
export function buildHireMessage(parts: HireAnswerParts, delivery: Delivery): SlackMessage {
  const pages = paginate(parts.items);
  const pageCount = pages.length;
  const asked = delivery.page ?? 1;
  const pageNumber = Math.min(Math.max(1, asked), pageCount);
  const shared = delivery.sharedBy !== undefined;

  const blocks: KnownBlock[] = [header(parts.title)];
  if (parts.notice !== undefined) blocks.push(...sections(parts.notice));
  if (asked > pageCount)
    blocks.push(
      context(
        `There ${pageCount === 1 ? 'is only 1 page' : `are only ${pageCount} pages`}; this is the last.`,
      ),
    );
  blocks.push(...(pages[pageNumber - 1] ?? []).flat());

  const footer: string[] = [];
  if (pageCount > 1) footer.push(`Page ${pageNumber} of ${pageCount}`);
  if (shared) {
    const who = isUserId(delivery.sharedBy ?? '') ? `<@${delivery.sharedBy}>` : 'a teammate';
    footer.push(`Shared by ${who} · \`/hire ${escapeMrkdwn(truncate(delivery.command, 200))}\``);
  }
  if (footer.length > 0) blocks.push(context(...footer));

  // A shared copy is read by the whole channel: a button there would replace or page the message
  // for everyone, so it carries none; the footer shows the command to run it privately.
  if (!shared) {
    const buttons: ButtonSpec[] = [...(parts.buttons ?? [])];
    if (pageNumber > 1)
      buttons.push({
        label: 'Previous page',
        actionId: HIRE_ACTIONS.open,
        value: pageCommand(delivery.command, pageNumber - 1),
      });
    if (pageNumber < pageCount)
      buttons.push({
        label: 'Next page',
        actionId: HIRE_ACTIONS.open,
        value: pageCommand(delivery.command, pageNumber + 1),
      });
    buttons.push({
      label: 'Share in channel',
      actionId: HIRE_ACTIONS.share,
      value: pageCommand(delivery.command, pageNumber),
      style: 'primary',
    });
    blocks.push(...actions(buttons));
  }

  const pageNote = pageCount > 1 ? ` (page ${pageNumber} of ${pageCount})` : '';
  return {
    response_type: shared ? 'in_channel' : 'ephemeral',
    text: truncate(`${parts.fallback}${pageNote}`, 3000),
    blocks,
  };
}
