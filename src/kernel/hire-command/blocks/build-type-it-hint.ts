import { sections } from '../../slack/blocks/block-kit.js';
import type { SlackMessage } from '../../slack/blocks/slack-message.js';
import { code } from '../../slack/blocks/text.js';

/** For a button whose command acts on a channel: it has to be typed there as a slash command. */
export function buildTypeItHint(command: string): SlackMessage {
  const text = `Type ${code(command)} in the channel it is for; it acts on that channel.`;
  return { response_type: 'ephemeral', text, blocks: sections(text) };
}
