import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from '../kernel/slack/blocks/slack-message.js';

/** Undoes Slack's three escapes, last `&amp;` so that `&amp;lt;` shows as `&lt;`. */
function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The name a user id shows as, where the renderer knows the workspace (the sandbox does). */
export type NameOf = (userId: string) => string | undefined;

export type RenderOptions = { nameOf?: NameOf };

/**
 * mrkdwn to plain terminal text: `*bold*` and `_italic_` lose their markers, `<url|label>`
 * shows as `label (url)`, mentions show the user's name when known (else the id), quotes are
 * indented.
 */
export function mrkdwnToText(mrkdwn: string, options: RenderOptions = {}): string {
  const plain = mrkdwn
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => `@${options.nameOf?.(id) ?? id}`)
    .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) => `#${name || id}`)
    // A date token shows its fallback text, as Slack clients that cannot format it do.
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<!(\w+)>/g, '@$1')
    .replace(/(^|[\s(“"])\*([^*\n]+)\*(?=$|[\s).,:;!?”"])/gm, '$1$2')
    .replace(/(^|[\s(“"])_([^_\n]+)_(?=$|[\s).,:;!?”"])/gm, '$1$2')
    .replace(/^> ?/gm, '  │ ');
  return unescapeMrkdwn(plain);
}

type TextObject = { type: string; text: string };
const textOf = (t: TextObject | undefined, options: RenderOptions): string =>
  t === undefined ? '' : t.type === 'mrkdwn' ? mrkdwnToText(t.text, options) : t.text;

function buttonLine(labels: string[]): string {
  return labels.map((label) => `[ ${label} ]`).join(' ');
}

function renderBlock(block: KnownBlock, options: RenderOptions): string[] {
  switch (block.type) {
    case 'header': {
      const title = block.text.text;
      return [title, '═'.repeat(Math.min(title.length, 72))];
    }
    case 'section': {
      const lines: string[] = [];
      if (block.text !== undefined) lines.push(textOf(block.text as TextObject, options));
      for (const field of block.fields ?? []) lines.push(textOf(field as TextObject, options));
      const accessory = block.accessory;
      if (accessory?.type === 'button') lines.push(`  ${buttonLine([accessory.text.text])}`);
      return lines;
    }
    case 'context':
      return [
        block.elements
          .map((element) => ('text' in element ? textOf(element as TextObject, options) : ''))
          .filter((t) => t !== '')
          .join('  ·  '),
      ];
    case 'divider':
      return ['─'.repeat(40)];
    case 'actions':
      return [
        buttonLine(
          block.elements.flatMap((element) =>
            element.type === 'button' ? [element.text.text] : [],
          ),
        ),
      ];
    case 'input': {
      // A text box (the Home's search): its label, and what it holds or asks for.
      const element = block.element as {
        type: string;
        initial_value?: string;
        placeholder?: TextObject;
      };
      const inside =
        element.type === 'plain_text_input'
          ? (element.initial_value ?? textOf(element.placeholder, options) ?? '')
          : `(${element.type})`;
      return [`▸ ${textOf(block.label as TextObject, options)}: [ ${inside} ]`];
    }
    default:
      return [`(${block.type} block)`];
  }
}

/**
 * A message — or a view's blocks (the Home tab) — as readable terminal text: headers
 * underlined, buttons as `[ Label ]`, text boxes as `▸ Label: [ value ]`.
 */
export function renderMessageAsText(message: SlackMessage, options: RenderOptions = {}): string {
  const blocks = message.blocks ?? [];
  if (blocks.length === 0) return `${mrkdwnToText(message.text, options)}\n`;
  return `${blocks.map((block) => renderBlock(block, options).join('\n')).join('\n\n')}\n`;
}
