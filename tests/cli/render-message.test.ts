import { describe, expect, it } from 'vitest';
import { mrkdwnToText, renderMessageAsText } from '../../src/cli/render-message.js';
import type { SlackMessage } from '../../src/kernel/slack/blocks/slack-message.js';

const message: SlackMessage = {
  response_type: 'ephemeral',
  text: 'fallback',
  blocks: [
    { type: 'header', text: { type: 'plain_text', text: 'Message Queue' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*Kafka is a message queue.* R&amp;D &lt;!channel&gt;\n> probe _this_',
      },
    },
    { type: 'section', fields: [{ type: 'mrkdwn', text: '*Salary*\n$160k' }] },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: '*Latency*' },
      accessory: {
        type: 'button',
        action_id: 'hire_open',
        text: { type: 'plain_text', text: 'Latency' },
        value: 'glossary latency',
      },
    },
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: 'Page 1 of 2' },
        { type: 'mrkdwn', text: 'Shared by <@U123>' },
      ],
    },
    { type: 'divider' },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: 'hire_open',
          text: { type: 'plain_text', text: 'Next page' },
          value: 'glossary page 2',
        },
        {
          type: 'button',
          action_id: 'hire_share',
          text: { type: 'plain_text', text: 'Share in channel' },
          value: 'glossary',
        },
      ],
    },
  ],
};

describe('renderMessageAsText', () => {
  const text = renderMessageAsText(message);

  it('underlines headers and drops mrkdwn markers', () => {
    expect(text).toContain('Message Queue\n═════════════');
    expect(text).toContain('Kafka is a message queue. R&D <!channel>');
    expect(text).not.toContain('*');
    expect(text).toContain('probe this');
  });

  it('shows fields, context and buttons as [ Label ]', () => {
    expect(text).toContain('Salary\n$160k');
    expect(text).toContain('Page 1 of 2  ·  Shared by @U123');
    expect(text).toContain('[ Latency ]');
    expect(text).toContain('[ Next page ] [ Share in channel ]');
  });

  it('falls back to the text when there are no blocks', () => {
    expect(renderMessageAsText({ text: '*hi* &amp; bye', blocks: [] })).toBe('hi & bye\n');
  });

  it('shows a date token as its fallback text and links as label (url)', () => {
    expect(
      mrkdwnToText(
        '<!date^1795880311^{date_short_pretty} at {time}|2026-11-28 15:38 UTC> by <@U1> — <https://x.test/a|the message>',
      ),
    ).toBe('2026-11-28 15:38 UTC by @U1 — the message (https://x.test/a)');
    expect(
      mrkdwnToText('<@U1> and <@U2|old-label>', {
        nameOf: (id) => (id === 'U1' ? 'casey' : undefined),
      }),
    ).toBe('@casey and @U2');
  });

  it('shows channel mentions by name (or id) and a text box with its value or placeholder', () => {
    expect(mrkdwnToText('in <#C0HIRING> and <#C0OTHER|hiring-agency>')).toBe(
      'in #C0HIRING and #hiring-agency',
    );
    const box = (initial?: string) =>
      renderMessageAsText({
        text: '',
        blocks: [
          {
            type: 'input',
            label: { type: 'plain_text', text: 'Search the guide' },
            element: {
              type: 'plain_text_input',
              action_id: 'search',
              placeholder: { type: 'plain_text', text: 'Kafka…' },
              ...(initial ? { initial_value: initial } : {}),
            },
          },
        ],
      });
    expect(box()).toBe('▸ Search the guide: [ Kafka… ]\n');
    expect(box('raft')).toBe('▸ Search the guide: [ raft ]\n');
  });
});
