import { describe, expect, it } from 'vitest';
import { checkViewLimits } from '../../../src/dev/slack-limits.js';
import { buildKitRequestModal } from '../../../src/features/kits/blocks/build-kit-request-modal.js';
import { parseKitRequestForm } from '../../../src/features/kits/kit-request-form.js';
import { KIT_REQUEST_INPUTS, KIT_REQUEST_VIEW } from '../../../src/features/kits/kits-ids.js';
import { createKitCommandParser } from '../../../src/features/kits/parse-kit-command.js';
import { loadKnowledge } from '../../../src/kernel/knowledge/load-knowledge.js';
import type { ViewStateValues } from '../../../src/kernel/slack/view-state.js';

const real = loadKnowledge();
const parser = createKitCommandParser(real.questions, real.levels);
const NOW = new Date('2026-03-02T12:00:00Z');
const ids = KIT_REQUEST_INPUTS;

function state(answers: {
  level?: string;
  minutes?: string;
  areas?: string[];
  label?: string;
  at?: number;
  panel?: string[];
  channel?: string;
  thread?: boolean;
}): ViewStateValues {
  const put = (input: { blockId: string; actionId: string }, value: Record<string, unknown>) => ({
    [input.blockId]: { [input.actionId]: value },
  });
  return {
    ...put(ids.level, {
      type: 'static_select',
      selected_option: answers.level ? { value: answers.level } : null,
    }),
    ...put(ids.minutes, {
      type: 'static_select',
      selected_option: { value: answers.minutes ?? '45' },
    }),
    ...put(ids.areas, {
      type: 'multi_static_select',
      selected_options: (answers.areas ?? []).map((value) => ({ value })),
    }),
    ...put(ids.label, { type: 'plain_text_input', value: answers.label ?? null }),
    ...put(ids.interviewAt, { type: 'datetimepicker', selected_date_time: answers.at ?? null }),
    ...put(ids.panel, { type: 'multi_users_select', selected_users: answers.panel ?? [] }),
    ...put(ids.channel, {
      type: 'conversations_select',
      selected_conversation: answers.channel ?? null,
    }),
    ...put(ids.thread, {
      type: 'checkboxes',
      selected_options: answers.thread ? [{ value: 'thread' }] : [],
    }),
  };
}

const parse = (values: ViewStateValues) => parseKitRequestForm(values, { seed: 'fresh', now: NOW });

describe('kit request modal', () => {
  it('offers the knowledge levels and areas, within view limits', () => {
    const view = buildKitRequestModal(parser);
    expect(checkViewLimits(view)).toEqual([]);
    expect(view.callback_id).toBe(KIT_REQUEST_VIEW);
    const blockIds = view.blocks.flatMap((b) => (b.block_id ? [b.block_id] : []));
    expect(blockIds).toEqual(Object.values(ids).map((i) => i.blockId));
    const json = JSON.stringify(view);
    for (const level of real.levels.levels) expect(json).toContain(`"value":"${level.id}"`);
    for (const area of real.questions.areas) expect(json).toContain(`"value":"${area.id}"`);
  });
});

describe('parseKitRequestForm', () => {
  it('reads the same request as the slash command, with panel, time and channel', () => {
    const at = Math.floor(NOW.getTime() / 1000) + 3600;
    const result = parse(
      state({
        level: 'senior',
        minutes: '60',
        areas: ['system-design', 'databases'],
        label: '  Backend   #42 ',
        at,
        panel: ['U0ALICE', 'U0BOB', 'U0ALICE'],
        channel: 'C0HIRING',
      }),
    );
    const typed = parser.parse('senior 60 system design databases for Backend #42', 'fresh');
    if (!result.ok || !typed.ok) throw new Error('expected both to parse');
    expect(result.form).toEqual({
      request: typed.request,
      panel: ['U0ALICE', 'U0BOB'],
      interviewAt: new Date(at * 1000),
      target: { kind: 'channel', channelId: 'C0HIRING', inThread: false },
    });
  });

  it('reads a thread of its own for a channel, and ignores the box without one', () => {
    const threaded = parse(state({ level: 'mid', channel: 'C0HIRING', thread: true }));
    const alone = parse(state({ level: 'mid', thread: true }));
    if (!threaded.ok || !alone.ok) throw new Error('expected both to parse');
    expect(threaded.form.target).toEqual({
      kind: 'channel',
      channelId: 'C0HIRING',
      inThread: true,
    });
    expect(alone.form.target).toEqual({ kind: 'private' });
  });

  it('defaults to a private kit with no time, panel or label', () => {
    const result = parse(state({ level: 'mid' }));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.form).toEqual({
      request: { level: 'mid', minutes: 45, areas: [], seed: 'fresh' },
      panel: [],
      target: { kind: 'private' },
    });
  });

  it('answers under each field that is wrong', () => {
    const result = parse(
      state({
        label: 'x'.repeat(81),
        at: Math.floor(NOW.getTime() / 1000) - 3 * 24 * 3600,
        panel: Array.from({ length: 9 }, (_, i) => `U0P${i}`),
      }),
    );
    if (result.ok) throw new Error('expected errors');
    expect(result.errors).toEqual({
      [ids.level.blockId]: 'Choose a level.',
      [ids.label.blockId]: expect.stringMatching(/under 80 characters/),
      [ids.interviewAt.blockId]: expect.stringMatching(/That time has passed/),
      [ids.panel.blockId]: 'Choose at most 8 people for the panel.',
    });
  });

  it('treats values the form never offered as an out-of-date form', () => {
    const result = parse(
      state({ level: 'guru', minutes: '7', areas: ['cooking'], panel: ['bob'], channel: 'nope' }),
    );
    if (result.ok) throw new Error('expected errors');
    expect(Object.keys(result.errors).sort()).toEqual(
      [ids.level, ids.minutes, ids.areas, ids.panel, ids.channel].map((i) => i.blockId).sort(),
    );
    for (const message of Object.values(result.errors)) expect(message).toMatch(/out of date/);
  });

  it('never throws on odd state', () => {
    for (const values of [{}, { kit_level: null }, { kit_level: { kit_level_choice: 5 } }]) {
      expect(() => parse(values as ViewStateValues)).not.toThrow();
    }
  });
});
