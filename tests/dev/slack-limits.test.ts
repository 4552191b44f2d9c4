import { describe, expect, it } from 'vitest';
import {
  checkMessageLimits,
  checkViewLimits,
  MAX_VIEW_BYTES,
  viewBytes,
} from '../../src/dev/slack-limits.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const x = (n: number) => 'x'.repeat(n);
const section = (text: string) => ({ type: 'section', text: mrkdwn(text) });
const button = (over: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id: 'a',
  text: plain('Go'),
  value: 'v',
  ...over,
});
const actions = (...elements: unknown[]) => ({ type: 'actions', elements });
const option = (text: string, value = 'v', extra: Record<string, unknown> = {}) => ({
  text: plain(text),
  value,
  ...extra,
});
const options = (n: number) => Array.from({ length: n }, (_, i) => option(`o${i}`, `v${i}`));
const confirm = (over: Record<string, unknown> = {}) => ({
  title: plain('Sure?'),
  text: mrkdwn('Really'),
  confirm: plain('Yes'),
  deny: plain('No'),
  ...over,
});
const input = (element: unknown = { type: 'plain_text_input', action_id: 'in' }) => ({
  type: 'input',
  block_id: 'b-in',
  label: plain('Note'),
  element,
});
const modal = (over: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: plain('Title'),
  close: plain('Cancel'),
  blocks: [section('hi')],
  ...over,
});

type Row = { name: string; blocks: unknown[]; text?: string; expected: string[] };

const messageRows: Row[] = [
  { name: 'a plain section', blocks: [section('hello')], expected: [] },
  { name: '50 blocks', blocks: Array.from({ length: 50 }, () => section('a')), expected: [] },
  {
    name: '51 blocks',
    blocks: Array.from({ length: 51 }, () => section('a')),
    expected: ['/blocks: 51 blocks > 50'],
  },
  { name: 'section text of 3000', blocks: [section(x(3000))], expected: [] },
  {
    name: 'section text of 3012',
    blocks: [section('a'), section('b'), section('c'), section(x(3012))],
    expected: ['/blocks/3/text/text: 3012 chars > 3000'],
  },
  {
    name: 'empty section text',
    blocks: [section('')],
    expected: ['/blocks/0/text/text: 0 chars < 1'],
  },
  {
    name: 'section without text or fields',
    blocks: [{ type: 'section' }],
    expected: ['/blocks/0/text: required (a section needs text or fields)'],
  },
  {
    name: '10 fields, one of 2000',
    blocks: [
      {
        type: 'section',
        fields: [...Array.from({ length: 9 }, () => mrkdwn('f')), mrkdwn(x(2000))],
      },
    ],
    expected: [],
  },
  {
    name: '11 fields, one of 2001',
    blocks: [
      {
        type: 'section',
        fields: [...Array.from({ length: 10 }, () => mrkdwn('f')), mrkdwn(x(2001))],
      },
    ],
    expected: ['/blocks/0/fields: 11 fields > 10', '/blocks/0/fields/10/text: 2001 chars > 2000'],
  },
  { name: 'header of 150', blocks: [{ type: 'header', text: plain(x(150)) }], expected: [] },
  {
    name: 'header of 151',
    blocks: [{ type: 'header', text: plain(x(151)) }],
    expected: ['/blocks/0/text/text: 151 chars > 150'],
  },
  {
    name: 'mrkdwn header',
    blocks: [{ type: 'header', text: mrkdwn('h') }],
    expected: ['/blocks/0/text/type: must be "plain_text"'],
  },
  {
    name: 'context with 10 elements',
    blocks: [{ type: 'context', elements: Array.from({ length: 10 }, () => mrkdwn('c')) }],
    expected: [],
  },
  {
    name: 'context with 11 elements',
    blocks: [{ type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('c')) }],
    expected: ['/blocks/0/elements: 11 elements > 10'],
  },
  {
    name: 'actions with 25 buttons',
    blocks: [actions(...Array.from({ length: 25 }, (_, i) => button({ action_id: `a${i}` })))],
    expected: [],
  },
  {
    name: 'actions with 26 buttons',
    blocks: [actions(...Array.from({ length: 26 }, (_, i) => button({ action_id: `a${i}` })))],
    expected: ['/blocks/0/elements: 26 elements > 25'],
  },
  {
    name: 'empty actions',
    blocks: [actions()],
    expected: ['/blocks/0/elements: 0 elements < 1'],
  },
  {
    name: 'block_id of 256',
    blocks: [{ ...section('a'), block_id: x(256) }],
    expected: ['/blocks/0/block_id: 256 chars > 255'],
  },
  {
    name: 'action_id of 256',
    blocks: [actions(button({ action_id: x(256) }))],
    expected: ['/blocks/0/elements/0/action_id: 256 chars > 255'],
  },
  {
    name: 'button text 75, value 2000, url 3000',
    blocks: [actions(button({ text: plain(x(75)), value: x(2000), url: x(3000) }))],
    expected: [],
  },
  {
    name: 'button text 76, value 2001, url 3001',
    blocks: [actions(button({ text: plain(x(76)), value: x(2001), url: x(3001) }))],
    expected: [
      '/blocks/0/elements/0/text/text: 76 chars > 75',
      '/blocks/0/elements/0/value: 2001 chars > 2000',
      '/blocks/0/elements/0/url: 3001 chars > 3000',
    ],
  },
  {
    name: 'button without text',
    blocks: [actions({ type: 'button', action_id: 'a' })],
    expected: ['/blocks/0/elements/0/text: required'],
  },
  {
    name: 'option text/value/description of 76',
    blocks: [
      actions({
        type: 'static_select',
        action_id: 's',
        options: [option(x(76), x(76), { description: plain(x(76)) })],
      }),
    ],
    expected: [
      '/blocks/0/elements/0/options/0/text/text: 76 chars > 75',
      '/blocks/0/elements/0/options/0/value: 76 chars > 75',
      '/blocks/0/elements/0/options/0/description/text: 76 chars > 75',
    ],
  },
  {
    name: 'static_select with 100 options',
    blocks: [actions({ type: 'static_select', action_id: 's', options: options(100) })],
    expected: [],
  },
  {
    name: 'static_select with 101 options',
    blocks: [actions({ type: 'static_select', action_id: 's', options: options(101) })],
    expected: ['/blocks/0/elements/0/options: 101 options > 100'],
  },
  {
    name: 'checkboxes with 11 options',
    blocks: [actions({ type: 'checkboxes', action_id: 'c', options: options(11) })],
    expected: ['/blocks/0/elements/0/options: 11 options > 10'],
  },
  {
    name: 'radio buttons with 11 options',
    blocks: [actions({ type: 'radio_buttons', action_id: 'r', options: options(11) })],
    expected: ['/blocks/0/elements/0/options: 11 options > 10'],
  },
  {
    name: 'overflow with 5 options',
    blocks: [
      { ...section('a'), accessory: { type: 'overflow', action_id: 'o', options: options(5) } },
    ],
    expected: [],
  },
  {
    name: 'overflow with 6 options',
    blocks: [
      { ...section('a'), accessory: { type: 'overflow', action_id: 'o', options: options(6) } },
    ],
    expected: ['/blocks/0/accessory/options: 6 options > 5'],
  },
  {
    name: 'placeholder of 151',
    blocks: [
      actions({
        type: 'static_select',
        action_id: 's',
        placeholder: plain(x(151)),
        options: options(1),
      }),
    ],
    expected: ['/blocks/0/elements/0/placeholder/text: 151 chars > 150'],
  },
  {
    name: 'a valid confirm dialog',
    blocks: [actions(button({ confirm: confirm() }))],
    expected: [],
  },
  {
    name: 'confirm dialog over every limit',
    blocks: [
      actions(
        button({
          confirm: confirm({
            title: plain(x(101)),
            text: mrkdwn(x(301)),
            confirm: plain(x(31)),
            deny: plain(x(31)),
          }),
        }),
      ),
    ],
    expected: [
      '/blocks/0/elements/0/confirm/title/text: 101 chars > 100',
      '/blocks/0/elements/0/confirm/text/text: 301 chars > 300',
      '/blocks/0/elements/0/confirm/confirm/text: 31 chars > 30',
      '/blocks/0/elements/0/confirm/deny/text: 31 chars > 30',
    ],
  },
  {
    name: 'confirm dialog without deny',
    blocks: [actions(button({ confirm: confirm({ deny: undefined }) }))],
    expected: ['/blocks/0/elements/0/confirm/deny: required'],
  },
  {
    name: 'duplicate block_id',
    blocks: [
      { ...section('a'), block_id: 'same' },
      { ...section('b'), block_id: 'same' },
    ],
    expected: ['/blocks/1/block_id: duplicate block_id "same" (also /blocks/0)'],
  },
  {
    name: 'duplicate action_id in one block',
    blocks: [actions(button(), button())],
    expected: ['/blocks/0/elements/1/action_id: duplicate action_id "a" in this block'],
  },
  {
    name: 'same action_id in two blocks (allowed by Slack)',
    blocks: [actions(button()), actions(button())],
    expected: [],
  },
  {
    name: 'unknown block type',
    blocks: [{ type: 'banner' }],
    expected: ['/blocks/0/type: unknown block type "banner"'],
  },
  {
    name: 'image without alt_text',
    blocks: [{ type: 'image', image_url: 'https://example.com/a.png' }],
    expected: ['/blocks/0/alt_text: required'],
  },
  { name: 'divider', blocks: [{ type: 'divider' }], expected: [] },
];

describe('checkMessageLimits', () => {
  it.each(messageRows)('$name', ({ blocks, text, expected }) => {
    expect(checkMessageLimits({ text: text ?? 'fallback', blocks })).toEqual(expected);
  });

  it('accepts text of 4000 chars and flags 4001 (our own rule, stricter than Slack)', () => {
    expect(checkMessageLimits({ text: x(4000) })).toEqual([]);
    expect(checkMessageLimits({ text: x(4001) })).toEqual(['/text: 4001 chars > 4000']);
  });

  it('flags serialized blocks over 12,000 chars (our own margin below Slack’s ~13,000)', () => {
    const ok = Array.from({ length: 3 }, () => section(x(3000)));
    expect(checkMessageLimits({ text: 't', blocks: ok })).toEqual([]);
    const big = Array.from({ length: 5 }, () => section(x(3000)));
    const problems = checkMessageLimits({ text: 't', blocks: big });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\/blocks: \d+ serialized chars > 12000$/);
  });

  it('never throws on garbage', () => {
    const garbage = [1, 'x', [null], [{ type: 'section', text: 5 }], [{ fields: {} }]];
    for (const blocks of garbage) {
      expect(() => checkMessageLimits({ blocks: blocks as unknown[] })).not.toThrow();
      expect(checkMessageLimits({ blocks: blocks as unknown[] }).length).toBeGreaterThan(0);
    }
  });
});

type ViewRow = { name: string; view: unknown; expected: string[] };

const viewRows: ViewRow[] = [
  { name: 'a simple modal', view: modal(), expected: [] },
  {
    name: 'modal with input and submit',
    view: modal({ submit: plain('Save'), blocks: [input()] }),
    expected: [],
  },
  {
    name: 'modal with input but no submit',
    view: modal({ blocks: [input()] }),
    expected: ['/submit: required (the view has an input block)'],
  },
  {
    name: 'modal title, submit and close of 25',
    view: modal({ title: plain(x(25)), submit: plain(x(25)), close: plain(x(25)) }),
    expected: [
      '/title/text: 25 chars > 24',
      '/submit/text: 25 chars > 24',
      '/close/text: 25 chars > 24',
    ],
  },
  {
    name: 'modal without title',
    view: modal({ title: undefined }),
    expected: ['/title: required'],
  },
  {
    name: '100 blocks in a modal',
    view: modal({ blocks: Array.from({ length: 100 }, () => section('a')) }),
    expected: [],
  },
  {
    name: '101 blocks in a home tab',
    view: { type: 'home', blocks: Array.from({ length: 101 }, () => section('a')) },
    expected: ['/blocks: 101 blocks > 100'],
  },
  {
    name: 'private_metadata of 3001',
    view: modal({ private_metadata: x(3001) }),
    expected: ['/private_metadata: 3001 chars > 3000'],
  },
  {
    name: 'callback_id of 256',
    view: modal({ callback_id: x(256) }),
    expected: ['/callback_id: 256 chars > 255'],
  },
  {
    name: 'input label and hint of 2001',
    view: modal({
      submit: plain('Save'),
      blocks: [{ ...input(), label: plain(x(2001)), hint: plain(x(2001)) }],
    }),
    expected: ['/blocks/0/label/text: 2001 chars > 2000', '/blocks/0/hint/text: 2001 chars > 2000'],
  },
  {
    name: 'input without element',
    view: modal({ submit: plain('Save'), blocks: [{ type: 'input', label: plain('L') }] }),
    expected: ['/blocks/0/element: required'],
  },
  {
    name: 'checkboxes input with mrkdwn options',
    view: modal({
      submit: plain('Save'),
      blocks: [
        input({
          type: 'checkboxes',
          action_id: 'c',
          options: [{ text: mrkdwn('*a*'), value: 'a' }],
          initial_options: [{ text: mrkdwn('*a*'), value: 'a' }],
        }),
      ],
    }),
    expected: [],
  },
  {
    name: 'not a view type',
    view: { type: 'message', blocks: [] },
    expected: ['/type: must be "modal" or "home", got "message"'],
  },
];

describe('checkViewLimits', () => {
  it.each(viewRows)('$name', ({ view, expected }) => {
    expect(checkViewLimits(view)).toEqual(expected);
  });

  it('flags a view past Slack’s 250 kB (view_too_large), counted in UTF-8 bytes', () => {
    // Sections of 3,000 chars keep every per-block limit; 84 of them pass 250 kB, 80 do not.
    const home = (char: string, n: number) => ({
      type: 'home',
      blocks: Array.from({ length: n }, () => section(char.repeat(3000))),
    });
    expect(checkViewLimits(home('x', 80))).toEqual([]);
    const big = home('x', 84);
    expect(viewBytes(big)).toBeGreaterThan(MAX_VIEW_BYTES);
    expect(checkViewLimits(big)).toEqual([`: ${viewBytes(big)} bytes > 250000 (view_too_large)`]);
    // Multi-byte text reaches the ceiling with fewer chars: 30 sections of 3,000 × 3 bytes.
    const wide = home('€', 30);
    expect(JSON.stringify(wide).length).toBeLessThan(MAX_VIEW_BYTES);
    expect(checkViewLimits(wide)).toHaveLength(1);
  });

  it('never throws on garbage', () => {
    for (const view of [null, 'modal', [], { type: 'modal', blocks: 'x' }]) {
      expect(checkViewLimits(view).length).toBeGreaterThan(0);
    }
  });
});
