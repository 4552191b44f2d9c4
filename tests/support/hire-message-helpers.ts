import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from '../../src/kernel/slack/blocks/slack-message.js';

type AnyButton = { type: 'button'; action_id: string; value?: string; text: { text: string } };

/** Every button in a message: in actions blocks and as section accessories. */
export function buttonsOf(message: SlackMessage): AnyButton[] {
  return message.blocks.flatMap((block: KnownBlock) => {
    if (block.type === 'actions')
      return block.elements.filter((e) => e.type === 'button') as AnyButton[];
    if (block.type === 'section' && block.accessory?.type === 'button')
      return [block.accessory as AnyButton];
    return [];
  });
}

/** Every mrkdwn / plain text string Slack would render (not button values or ids). */
export function renderedStrings(message: SlackMessage): string[] {
  const out: string[] = [message.text];
  const walk = (node: unknown, key?: string): void => {
    if (typeof node === 'string') {
      if (key !== 'value' && key !== 'action_id' && key !== 'block_id' && key !== 'type')
        out.push(node);
      return;
    }
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node !== null && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(message.blocks);
  return out;
}

export const allText = (message: SlackMessage): string => renderedStrings(message).join('\n');
