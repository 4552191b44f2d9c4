import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { createAppHireCommand } from '../../../../src/app/hire-subcommands.js';
import { checkViewLimits } from '../../../../src/dev/slack-limits.js';
import {
  buildAnswerResults,
  fitResults,
} from '../../../../src/features/home/blocks/build-home-results.js';
import { buildHomeTop } from '../../../../src/features/home/blocks/build-home-top.js';
import { buildHomeView } from '../../../../src/features/home/blocks/build-home-view.js';
import { buildShareModal } from '../../../../src/features/home/blocks/build-share-modal.js';
import { HOME_ACTIONS, HOME_SEARCH_BLOCK } from '../../../../src/features/home/home-ids.js';
import { decodeHomeState, EMPTY_HOME_STATE } from '../../../../src/features/home/home-state.js';
import { HIRE_ACTIONS } from '../../../../src/kernel/hire-command/hire-command-ids.js';
import { snapshotOf } from '../../../../src/kernel/knowledge/knowledge-source.js';
import { section } from '../../../../src/kernel/slack/blocks/block-kit.js';
import { fixtureKnowledge } from '../../../support/fixture-knowledge.js';

const hire = createAppHireCommand();
const snapshot = snapshotOf(fixtureKnowledge());
const answer = (command: string) => {
  const outcome = hire.run(command, snapshot);
  if (!('reply' in outcome)) throw new Error(`${command} needs Slack`);
  return outcome.reply;
};

type Element = { type: string; action_id?: string; value?: string; text?: { text: string } };
const elementsOf = (blocks: KnownBlock[]): Element[] =>
  blocks.flatMap((b) => {
    if (b.type === 'actions') return b.elements as Element[];
    if (b.type === 'section' && b.accessory) return [b.accessory as Element];
    if (b.type === 'input') return [b.element as Element];
    return [];
  });
const actionIdsPerBlock = (blocks: KnownBlock[]) =>
  blocks
    .filter((b) => b.type === 'actions')
    .map((b) => (b.type === 'actions' ? b.elements.map((e) => e.action_id) : []));
const home = (blocks: KnownBlock[]) => ({ type: 'home', blocks });

describe('the top of the Home', () => {
  const levels = fixtureKnowledge().levels.levels;

  it('has a search box that sends its words on Enter, and quick ways in', () => {
    const blocks = buildHomeTop({ levels, searchText: 'kafka' });
    expect(checkViewLimits(home(blocks))).toEqual([]);
    expect(blocks).toContainEqual(
      expect.objectContaining({
        type: 'input',
        block_id: HOME_SEARCH_BLOCK,
        dispatch_action: true,
        element: expect.objectContaining({
          type: 'plain_text_input',
          action_id: HOME_ACTIONS.search,
          initial_value: 'kafka',
          dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] },
        }),
      }),
    );
    const buttons = elementsOf(blocks).filter((e) => e.type === 'button');
    expect(buttons.map((b) => b.value)).toEqual([
      'levels',
      'glossary',
      ...levels.map((l) => `questions ${l.id}`),
      'kit',
    ]);
    expect(buttons.at(-1)?.action_id).toBe(HIRE_ACTIONS.buildKit);
    for (const ids of actionIdsPerBlock(blocks)) expect(new Set(ids).size).toBe(ids.length);
  });

  it('leaves the box empty when nothing was searched', () => {
    const input = buildHomeTop({ levels }).find((b) => b.type === 'input');
    expect(JSON.stringify(input)).not.toContain('initial_value');
  });
});

describe('a /hire answer in the Home', () => {
  it('turns every button into a Home action: open in place, share through a modal, close', () => {
    const blocks = buildAnswerResults(answer('questions senior'));
    const ids = elementsOf(blocks).map((e) => e.action_id ?? '');
    expect(ids.length).toBeGreaterThan(2);
    for (const id of ids) expect(id).toMatch(/^home_(open|share|clear)(:\d+)?$/);
    expect(ids).toContain(HOME_ACTIONS.share);
    expect(ids.at(-1)).toMatch(/^home_clear/);
    for (const ids of actionIdsPerBlock(blocks)) expect(new Set(ids).size).toBe(ids.length);
    // Values stay the /hire commands the answer's buttons carried.
    const share = elementsOf(blocks).find((e) => e.action_id === HOME_ACTIONS.share);
    expect(share?.value).toBe('questions senior');
    expect(share?.text?.text).toBe('Share in a channel…');
  });

  it('opens list entries in place (section accessories) and drops block ids', () => {
    const blocks = buildAnswerResults(answer('levels'));
    const accessories = blocks.flatMap((b) =>
      b.type === 'section' && b.accessory ? [b.accessory] : [],
    );
    expect(accessories.length).toBeGreaterThan(0);
    for (const a of accessories) expect((a as Element).action_id).toBe(HOME_ACTIONS.open);
    expect(JSON.stringify(blocks)).not.toContain('block_id');
  });

  it('gives each search hit an Open button, before the answer’s own buttons', () => {
    const blocks = buildAnswerResults(answer('search kafka'), [
      { title: 'Message Queue', command: 'glossary message-queue' },
    ]);
    const open = elementsOf(blocks).find((e) => e.text?.text === 'Message Queue');
    expect(open).toMatchObject({ action_id: HOME_ACTIONS.open, value: 'glossary message-queue' });
    expect(blocks.at(-1)?.type).toBe('actions');
    expect(JSON.stringify(blocks.at(-1))).toContain(HOME_ACTIONS.clear);
  });

  it('is cut to its budget keeping the buttons, so that its pages stay reachable', () => {
    const blocks = buildAnswerResults(answer('glossary'));
    expect(blocks.length).toBeGreaterThan(8);
    const cut = fitResults(blocks, 8);
    expect(cut).toHaveLength(8);
    expect(cut.at(-1)).toEqual(blocks.at(-1));
    expect(JSON.stringify(cut)).toContain('There is more to this answer');
    expect(fitResults(blocks, blocks.length)).toBe(blocks);
    expect(fitResults(blocks, 0)).toEqual([]);
  });
});

describe('the whole Home view', () => {
  const top = buildHomeTop({ levels: fixtureKnowledge().levels.levels });
  const lines = (n: number, text = 'entry') =>
    Array.from({ length: n }, (_, i) => section(`${text} ${i}`));

  it('frames each section and adds Previous/Next keyed by section id; the state rides along', () => {
    const state = { ...EMPTY_HOME_STATE, pages: { reminders: 2 } };
    const view = buildHomeView({
      state,
      top,
      results: [],
      sections: [
        { id: 'reminders', page: 2, blocks: lines(3), hasMore: true },
        { id: 'resume-flags', page: 1, blocks: lines(2), hasMore: false },
        { id: 'nothing', page: 1, blocks: [], hasMore: false },
      ],
    });
    expect(checkViewLimits(view)).toEqual([]);
    expect(decodeHomeState(view.private_metadata)).toEqual(state);
    const pages = elementsOf(view.blocks as KnownBlock[]).filter((e) =>
      e.action_id?.startsWith(HOME_ACTIONS.page),
    );
    expect(pages.map((p) => [p.text?.text, p.value])).toEqual([
      ['Previous page', 'reminders 1'],
      ['Next page', 'reminders 3'],
    ]);
    expect(view.blocks.filter((b) => b.type === 'divider')).toHaveLength(2);
  });

  it('stays within 250 kB: the largest sections give way to a note, the others stay whole', () => {
    // 2,900 two-byte characters: about 6 kB of JSON per block, 26 blocks per section.
    const heavy = (n: number) => Array.from({ length: n }, () => section('é'.repeat(2900)));
    const view = buildHomeView({
      state: EMPTY_HOME_STATE,
      top,
      results: lines(10, 'result'),
      sections: [
        { id: 'a', page: 1, blocks: heavy(26), hasMore: true },
        { id: 'b', page: 1, blocks: heavy(25), hasMore: true },
        { id: 'c', page: 1, blocks: heavy(24), hasMore: false },
      ],
    });
    expect(checkViewLimits(view)).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text.split('too long to show in the Home')).toHaveLength(3);
    expect(text).toContain('result 9');
    expect(view.blocks.filter((b) => JSON.stringify(b).includes('é'))).toHaveLength(24);
    // The sections cut short lose their Next button with their entries.
    expect(text).not.toContain('"a 2"');
  });

  it('never holds more than 100 blocks', () => {
    const view = buildHomeView({
      state: EMPTY_HOME_STATE,
      top,
      results: lines(60),
      sections: [{ id: 'a', page: 1, blocks: lines(60), hasMore: false }],
    });
    expect(view.blocks).toHaveLength(100);
  });
});

describe('the share modal', () => {
  it('asks for a channel and carries the command', () => {
    const modal = buildShareModal('glossary <!channel>');
    expect(checkViewLimits(modal)).toEqual([]);
    expect(modal.private_metadata).toBe('glossary <!channel>');
    expect(JSON.stringify(modal.blocks)).toContain('&lt;!channel&gt;');
    expect(JSON.stringify(modal.blocks)).not.toContain('<!channel>');
  });
});
