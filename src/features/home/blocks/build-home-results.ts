import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { HIRE_ACTION_PATTERNS } from '../../../kernel/hire-command/hire-command-ids.js';
import { actions, context, divider } from '../../../kernel/slack/blocks/block-kit.js';
import { truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { HOME_ACTIONS } from '../home-ids.js';

const CLOSE = { label: 'Close results', actionId: HOME_ACTIONS.clear, value: 'close' };

/**
 * A /hire answer's button as it works in the Home: "Share in channel" opens the share modal
 * (there is no channel here), every other one — whose value is a /hire command text, as for
 * all /hire buttons — shows its answer in the results area instead of replacing a message.
 */
function homeButton(button: Button): Button {
  if (button.value === undefined) return button;
  const share = HIRE_ACTION_PATTERNS.share.test(button.action_id ?? '');
  return {
    ...button,
    action_id: share ? HOME_ACTIONS.share : HOME_ACTIONS.open,
    ...(share ? { text: { ...button.text, text: 'Share in a channel…' } } : {}),
  };
}

/** Slack wants each action_id once per block: the second and later get `:2`, `:3`… */
function numbered(block: ActionsBlock): ActionsBlock {
  const seen = new Map<string, number>();
  return {
    ...block,
    elements: block.elements.map((element) => {
      if (element.type !== 'button' || element.action_id === undefined) return element;
      const n = (seen.get(element.action_id) ?? 0) + 1;
      seen.set(element.action_id, n);
      return n === 1 ? element : { ...element, action_id: `${element.action_id}:${n}` };
    }),
  };
}

function rewrite(block: KnownBlock): KnownBlock {
  if (block.type === 'actions')
    return numbered({
      ...block,
      elements: block.elements.map((e) => (e.type === 'button' ? homeButton(e) : e)),
    });
  if (block.type === 'section' && block.accessory?.type === 'button')
    return { ...block, accessory: homeButton(block.accessory) };
  return block;
}

/** An entry a search found: its title, and the /hire command that opens it. */
export type OpenableHit = { title: string; command: string };

/** Most search hits given an Open button (a message would show their commands instead). */
const MOST_HIT_BUTTONS = 10;

/**
 * A /hire answer laid into the Home's results area: its blocks as they are (header, body,
 * pages), its buttons working from the Home, and a way to close it. Search hits, which an
 * answer lists as commands to type, get Open buttons here, since nothing can be typed in the
 * Home. Block ids are dropped: they must be unique in the whole view, and nothing reads them.
 */
export function buildAnswerResults(
  answer: SlackMessage,
  hits: readonly OpenableHit[] = [],
): KnownBlock[] {
  const blocks = answer.blocks.map((block) => {
    const { block_id: _dropped, ...rest } = rewrite(block) as KnownBlock & { block_id?: string };
    return rest as KnownBlock;
  });
  const opens = actions(
    hits.slice(0, MOST_HIT_BUTTONS).map((hit) => ({
      label: truncate(hit.title, 60),
      actionId: HOME_ACTIONS.open,
      value: hit.command,
    })),
  );
  if (opens.length > 0) {
    const at = blocks.at(-1)?.type === 'actions' ? blocks.length - 1 : blocks.length;
    blocks.splice(at, 0, context('Open one:'), ...opens);
  }
  const last = blocks.at(-1);
  if (last?.type === 'actions' && last.elements.length < 25) {
    blocks[blocks.length - 1] = numbered({
      ...last,
      elements: [...last.elements, ...(actions([CLOSE])[0]?.elements ?? [])],
    });
  } else {
    blocks.push(...actions([CLOSE]));
  }
  return [divider(), ...blocks];
}

/**
 * Results cut to `maxBlocks` (more sections may leave less room than an answer's page needs):
 * the start of the body, a note, and the answer's buttons, so that its pages stay reachable.
 */
export function fitResults(results: KnownBlock[], maxBlocks: number): KnownBlock[] {
  if (results.length <= maxBlocks) return results;
  if (maxBlocks <= 0) return [];
  const tail = results.at(-1)?.type === 'actions' ? results.slice(-1) : [];
  const room = maxBlocks - tail.length - 1;
  if (room < 1) return tail.slice(0, maxBlocks);
  return [
    ...results.slice(0, room),
    context(
      'There is more to this answer than the Home can show beside your other things: type the command in a channel to read all of it.',
    ),
    ...tail,
  ];
}
