import type { KnownBlock } from '@slack/types';

/**
 * A message as the bot sends it: the body of a slash-command `ack()`, a `respond()` call or
 * (without `response_type`) `chat.postMessage`. `text` is the notification and screen-reader
 * fallback, so it always says what the blocks say in one line or two.
 */
export type SlackMessage = {
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  delete_original?: boolean;
  text: string;
  blocks: KnownBlock[];
};
