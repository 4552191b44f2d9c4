import type { KnownBlock, ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { checkMessageLimits, checkViewLimits } from '../../../../src/dev/slack-limits.js';
import { answerKitCommand } from '../../../../src/features/kits/answer-kit-command.js';
import { buildAssignmentMessage } from '../../../../src/features/kits/blocks/build-assignment-message.js';
import {
  buildKitErrorMessage,
  describeKitError,
} from '../../../../src/features/kits/blocks/build-kit-error-message.js';
import { buildKitMessage } from '../../../../src/features/kits/blocks/build-kit-message.js';
import {
  buildAlreadyScoredView,
  buildCandidateDeletedMessage,
  buildDeleteRefusedMessage,
  buildKitGoneView,
  buildNotOnPanelView,
  buildScorecardSavedView,
  buildScorecardsUsageMessage,
  buildScoreReminderMessage,
} from '../../../../src/features/kits/blocks/build-kit-replies.js';
import {
  buildScorecardModal,
  checkboxOption,
} from '../../../../src/features/kits/blocks/build-scorecard-modal.js';
import { buildScorecardSummaryMessage } from '../../../../src/features/kits/blocks/build-scorecard-summary-message.js';
import { buildScorecardsListMessage } from '../../../../src/features/kits/blocks/build-scorecards-list-message.js';
import { planQuestions } from '../../../../src/features/kits/kit-plan.js';
import type { StoredKit } from '../../../../src/features/kits/kit-records.js';
import { KIT_LENGTHS } from '../../../../src/features/kits/kit-request.js';
import {
  KIT_ACTIONS,
  KIT_SCORECARD_VIEW,
  SCORECARD_INPUTS,
  SCORECARD_QUESTION_INPUTS,
} from '../../../../src/features/kits/kits-ids.js';
import { createKitCommandParser } from '../../../../src/features/kits/parse-kit-command.js';
import type { KitKnowledge } from '../../../../src/features/kits/plan-kit.js';
import { scorecardVisibility } from '../../../../src/features/kits/scorecard-access.js';
import { MAX_CHECKBOXES } from '../../../../src/features/kits/scorecard-form.js';
import { loadKnowledge } from '../../../../src/kernel/knowledge/load-knowledge.js';
import { LEVEL_IDS } from '../../../../src/kernel/knowledge/schemas/common.js';
import {
  HOSTILE,
  HOSTILE_LABEL,
  liveTokens,
  makeKit,
  makeScorecard,
  withHostileTeamQuestions,
} from '../support/kit-fixtures.js';

const real = loadKnowledge();
const hostile = withHostileTeamQuestions(real);
const PANEL = ['U0ALICE', 'U0BOB', 'U0CAROL'];
const PEOPLE = [...PANEL, 'U0CREATOR'];
const NOTE = `${HOSTILE} ${'a long note '.repeat(200)}`.slice(0, 2000);

type Payload = { text?: string; blocks?: unknown[] } | ModalView;

/** Within Slack's limits, and no live mention or link but those of the people involved. */
function expectSafeMessage(message: { text: string; blocks: KnownBlock[] }, what: string) {
  expect(checkMessageLimits(message), what).toEqual([]);
  expect(liveTokens(message, PEOPLE), what).toEqual([]);
}
function expectSafeView(view: Payload, what: string) {
  expect(checkViewLimits(view), what).toEqual([]);
  expect(liveTokens(view, PEOPLE), what).toEqual([]);
}

function actionsOf(blocks: readonly KnownBlock[]) {
  return blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])) as {
    action_id: string;
    value?: string;
  }[];
}

/** Every kit variation the builders must hold: levels, lengths, panels, labels, knowledge. */
function* everyKit(): Generator<{ kit: StoredKit; what: string }> {
  const sets: [string, KitKnowledge][] = [
    ['real', real],
    ['hostile team questions', hostile],
  ];
  for (const [name, knowledge] of sets) {
    for (const level of LEVEL_IDS) {
      for (const minutes of KIT_LENGTHS) {
        for (const [i, panel] of [[], PANEL].entries()) {
          const label = i === 0 ? undefined : HOSTILE_LABEL;
          const kit = makeKit(knowledge, {
            level,
            minutes,
            panel,
            seed: `${level}-${minutes}`,
            ...(label === undefined ? {} : { label }),
            interviewAt: new Date('2026-03-03T09:00:00Z'),
          });
          yield { kit, what: `${name} ${level} ${minutes} panel=${panel.length}` };
        }
      }
    }
  }
}

describe('kit message', () => {
  it('stays within limits, privately and in a channel, for every kit', () => {
    for (const { kit, what } of everyKit()) {
      expectSafeMessage(buildKitMessage(kit, 'private'), `${what} private`);
      expectSafeMessage(buildKitMessage(kit, 'channel'), `${what} channel`);
    }
  });

  it('is private (ephemeral) or postable, with Score and Again buttons', () => {
    const kit = makeKit(real, { label: 'Backend #42', panel: PANEL });
    const mine = buildKitMessage(kit, 'private');
    expect(mine.response_type).toBe('ephemeral');
    expect(buildKitMessage(kit, 'channel').response_type).toBeUndefined();
    const buttons = actionsOf(mine.blocks);
    expect(buttons.map((b) => b.action_id)).toEqual([KIT_ACTIONS.score, KIT_ACTIONS.again]);
    expect(buttons[0]?.value).toBe(kit.id);
    expect(buttons[1]?.value).toBe(`kit senior 60 seed:${kit.plan.seed}`);
  });

  it('shows every segment with its time slot, the prompt and the assignee', () => {
    const kit = makeKit(real, { label: 'Backend #42', panel: PANEL, minutes: 45 });
    const text = JSON.stringify(buildKitMessage(kit, 'channel').blocks);
    expect(text).toContain('0:00–0:05 (5 min) · Opening');
    expect(text).toContain('0:05–0:16 (11 min) · Q1');
    expect(text).toContain('0:37–0:42 (5 min) · Their questions');
    expect(text).toContain('0:42–0:45 (3 min) · Close');
    for (const q of planQuestions(kit.plan)) {
      expect(text).toContain(`asked by <@${q.assignee}>`);
      expect(text).toContain(JSON.stringify(q.followUp).slice(1, -1));
    }
  });

  it('escapes the label and team text, and shortens items only when it must', () => {
    const kit = makeKit(hostile, { level: 'staff', minutes: 90, label: HOSTILE_LABEL });
    const message = buildKitMessage(kit, 'private');
    const json = JSON.stringify(message);
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('…');
    // The real knowledge fits whole: no item is cut.
    const plain = buildKitMessage(makeKit(real, { minutes: 90 }), 'private');
    for (const q of planQuestions(makeKit(real, { minutes: 90 }).plan)) {
      for (const item of q.lookFor)
        expect(JSON.stringify(plain)).toContain(item.replace(/"/g, '\\"'));
    }
  });

  it('has no Score button before the kit is stored (the terminal)', () => {
    const parser = createKitCommandParser(real.questions, real.levels);
    const message = answerKitCommand('senior 45', { parser, knowledge: real, seed: 'cli' });
    expect(actionsOf(message.blocks).map((b) => b.action_id)).toEqual([KIT_ACTIONS.again]);
    expectSafeMessage(message, 'cli');
  });
});

describe('assignment message', () => {
  it('gives each panel member their own questions, within limits', () => {
    for (const { kit, what } of everyKit()) {
      for (const member of kit.panel) {
        const message = buildAssignmentMessage(kit, member);
        expectSafeMessage(message, `${what} ${member}`);
        const mine = planQuestions(kit.plan).filter((q) => q.assignee === member);
        const text = JSON.stringify(message.blocks);
        for (const q of planQuestions(kit.plan)) {
          const shown = text.includes(`· Q${q.number} ·`);
          expect(shown, `${what} Q${q.number}`).toBe(mine.includes(q));
        }
      }
    }
  });

  it('tells a member without a question to listen and score', () => {
    const panel = ['U0A1', 'U0A2', 'U0A3', 'U0A4', 'U0A5'];
    const kit = makeKit(real, { minutes: 30, panel });
    const message = buildAssignmentMessage(kit, 'U0A5');
    expect(JSON.stringify(message.blocks)).toMatch(/none is yours to ask/);
    expect(actionsOf(message.blocks)[0]?.value).toBe(kit.id);
  });
});

describe('scorecard modal', () => {
  it('stays within view limits for every kit and interviewer', () => {
    for (const { kit, what } of everyKit()) {
      for (const who of [...kit.panel, 'U0CREATOR']) {
        expectSafeView(buildScorecardModal(kit, who), `${what} ${who}`);
      }
    }
  });

  it('carries only the kit id, and inputs keyed by the ids in kit-ids', () => {
    const kit = makeKit(real, { minutes: 60, label: 'X' });
    const view = buildScorecardModal(kit, 'U0CREATOR');
    expect(view.private_metadata).toBe(kit.id);
    expect(view.callback_id).toBe(KIT_SCORECARD_VIEW);
    const blockIds = view.blocks.flatMap((b) => (b.block_id === undefined ? [] : [b.block_id]));
    const expected = planQuestions(kit.plan).flatMap((q) => [
      SCORECARD_QUESTION_INPUTS.lookFor(q.number).blockId,
      SCORECARD_QUESTION_INPUTS.redFlags(q.number).blockId,
      SCORECARD_QUESTION_INPUTS.rating(q.number).blockId,
    ]);
    expect(blockIds).toEqual([
      ...expected,
      SCORECARD_INPUTS.recommendation.blockId,
      SCORECARD_INPUTS.note.blockId,
    ]);
  });

  it('shows a panel member only their questions, and offers at most ten checkboxes', () => {
    const kit = makeKit(hostile, { minutes: 90, panel: PANEL });
    const view = buildScorecardModal(kit, 'U0BOB');
    const ratings = view.blocks.filter((b) => b.block_id?.endsWith('_rating'));
    expect(ratings.map((b) => b.block_id)).toEqual(
      planQuestions(kit.plan)
        .filter((q) => q.assignee === 'U0BOB')
        .map((q) => SCORECARD_QUESTION_INPUTS.rating(q.number).blockId),
    );
    const checkboxes = view.blocks.flatMap((block) =>
      block.type === 'input' && 'element' in block && block.element.type === 'checkboxes'
        ? [block.element.options.length]
        : [],
    );
    expect(checkboxes.length).toBeGreaterThan(0);
    for (const n of checkboxes) expect(n).toBeLessThanOrEqual(MAX_CHECKBOXES);
    expect(JSON.stringify(view)).toContain('The first 10 of 12.');
  });

  it('continues a long point in the description instead of losing it', () => {
    const item =
      'Asks about requirements first (custom links, expiry, analytics, read/write ratio) before drawing boxes';
    const option = checkboxOption(item, '0');
    expect(option.text.text.length).toBeLessThanOrEqual(75);
    expect(option.description?.text.length).toBeLessThanOrEqual(75);
    expect(`${option.text.text} ${option.description?.text}`.replace(/ …|… /g, '')).toBe(item);
    expect(checkboxOption('Short point', '1')).toEqual({
      text: { type: 'plain_text', text: 'Short point' },
      value: '1',
    });
  });
});

describe('summary and listing', () => {
  it('stays within limits, privately and shared, for every kit', () => {
    for (const { kit, what } of everyKit()) {
      const card = makeScorecard(kit, kit.panel[0] ?? 'U0CREATOR', { note: NOTE });
      for (const audience of ['private', 'shared'] as const) {
        expectSafeMessage(
          buildScorecardSummaryMessage({
            kit,
            scorecard: card,
            scoredBy: [card.interviewer],
            expected: kit.panel.length > 0 ? kit.panel : ['U0CREATOR'],
            audience,
          }),
          `${what} ${audience}`,
        );
      }
    }
  });

  it('says what was scored privately, and only who scored when shared', () => {
    const kit = makeKit(real, { label: 'Backend #42', panel: PANEL });
    const card = makeScorecard(kit, 'U0ALICE', { note: 'Clear on trade-offs' });
    const input = { kit, scorecard: card, scoredBy: ['U0ALICE'], expected: PANEL };
    const full = JSON.stringify(buildScorecardSummaryMessage({ ...input, audience: 'private' }));
    const shared = JSON.stringify(buildScorecardSummaryMessage({ ...input, audience: 'shared' }));
    expect(full).toContain('Clear on trade-offs');
    expect(full).toContain('Strong no');
    expect(full).toContain('1 of 3 expected scorecards are in');
    expect(shared).toContain('1 of 3 expected scorecards are in');
    for (const secret of ['Clear on trade-offs', 'Strong', 'Red flags', 'Overall']) {
      expect(shared).not.toContain(secret);
    }
  });

  it('lists the panel side by side within limits, however many kits and notes', () => {
    for (const kitCount of [1, 3, 12]) {
      const kits = Array.from({ length: kitCount }, (_, i) =>
        makeKit(hostile, { minutes: 90, panel: PANEL, label: HOSTILE_LABEL, seed: `k${i}` }),
      );
      const scorecards = kits.flatMap((kit) =>
        PANEL.map((who, i) => makeScorecard(kit, who, { note: NOTE, index: i })),
      );
      const visibility = scorecardVisibility({ viewer: 'U0ALICE', kits, scorecards, admins: [] });
      const message = buildScorecardsListMessage({
        label: HOSTILE_LABEL,
        kits,
        visibility,
        mayDelete: true,
      });
      expectSafeMessage(message, `${kitCount} kits`);
      const text = JSON.stringify(message.blocks);
      if (kitCount === 12) expect(text).toMatch(/older kits? with scorecards not shown/);
      else expect(text).not.toMatch(/not shown/);
    }
  });

  it('puts each question’s ratings side by side, one field per interviewer', () => {
    const kit = makeKit(real, { minutes: 30, panel: PANEL, label: 'B' });
    const scorecards = PANEL.map((who, i) => makeScorecard(kit, who, { index: i }));
    const message = buildScorecardsListMessage({
      label: 'B',
      kits: [kit],
      visibility: scorecardVisibility({ viewer: 'U0CREATOR', kits: [kit], scorecards, admins: [] }),
      mayDelete: false,
    });
    const q1 = message.blocks.find((b) => b.type === 'section' && b.text?.text.startsWith('*Q1 ·'));
    if (q1?.type !== 'section') throw new Error('no Q1 row');
    expect(q1.fields?.map((f) => f.text)).toEqual([
      '<@U0ALICE>: :no_entry: Strong no',
      '<@U0BOB>: :x: No',
      '<@U0CAROL>: :white_check_mark: Yes',
    ]);
    expect(JSON.stringify(message)).not.toContain('scorecards delete');
  });

  it('hides the others until the viewer submits, offering the Score button', () => {
    const kit = makeKit(real, { panel: PANEL, label: 'B' });
    const scorecards = [makeScorecard(kit, 'U0ALICE', { note: 'secret note' })];
    const visibility = scorecardVisibility({
      viewer: 'U0BOB',
      kits: [kit],
      scorecards,
      admins: [],
    });
    const message = buildScorecardsListMessage({
      label: 'B',
      kits: [kit],
      visibility,
      mayDelete: false,
    });
    const text = JSON.stringify(message);
    expect(text).not.toContain('secret note');
    expect(text).toContain('hidden until you submit yours');
    expect(actionsOf(message.blocks)).toEqual([
      expect.objectContaining({ action_id: KIT_ACTIONS.score, value: kit.id }),
    ]);
    expectSafeMessage(message, 'pending');
  });

  it('answers plainly when nothing is stored for the label', () => {
    const message = buildScorecardsListMessage({
      label: HOSTILE_LABEL,
      kits: [],
      visibility: { visible: [], hidden: 0, pendingKitIds: [] },
      mayDelete: false,
    });
    expectSafeMessage(message, 'none');
    expect(JSON.stringify(message)).toContain('No kits or scorecards for');
  });
});

describe('errors and small replies', () => {
  const parser = createKitCommandParser(real.questions, real.levels);

  it('name what is accepted and the nearest accepted value', () => {
    const cases: [string, RegExp][] = [
      ['', /Which level/],
      ['seniour', /Did you mean \*senior\*/],
      ['senior 7', /Kits run 30, 45, 60, 90 minutes.*Did you mean \*30\*/],
      ['senior 60 databse', /Did you mean \*Databases\*.*Areas: System design/],
      ['senior for ', /Name the candidate/],
      ['senior seed:*', /not a kit seed/],
    ];
    for (const [text, expected] of cases) {
      const parsed = parser.parse(text, 's');
      if (parsed.ok) throw new Error(`${text} parsed`);
      const message = buildKitErrorMessage(parsed.error);
      expect(message.text, text).toMatch(expected);
      expect(message.response_type).toBe('ephemeral');
      expectSafeMessage(message, text);
    }
  });

  it('escape what the user typed', () => {
    const parsed = parser.parse('<!channel> 60', 's');
    if (parsed.ok) throw new Error('parsed');
    expect(describeKitError(parsed.error)).toContain('&lt;!channel&gt;');
    expect(
      describeKitError(
        { kind: 'no-questions', level: 'staff', areas: ['databases'] },
        new Map([['databases', 'Databases']]),
      ),
    ).toMatch(/No staff questions in Databases/);
  });

  it('all stay within limits with a hostile label', () => {
    const kit = makeKit(real, { label: HOSTILE_LABEL, panel: PANEL });
    const messages = [
      buildScoreReminderMessage(kit, new Date('2026-03-03T10:00:00Z')),
      buildCandidateDeletedMessage(HOSTILE_LABEL, { kits: 2, scorecards: 5 }),
      buildCandidateDeletedMessage(HOSTILE_LABEL, { kits: 0, scorecards: 0 }),
      buildDeleteRefusedMessage(HOSTILE_LABEL),
      buildScorecardsUsageMessage('Keep the candidate label under 80 characters.'),
    ];
    for (const message of messages) expectSafeMessage(message, message.text);
    const views = [
      buildAlreadyScoredView(HOSTILE_LABEL, new Date()),
      buildNotOnPanelView(HOSTILE_LABEL),
      buildKitGoneView(),
      buildScorecardSavedView(HOSTILE_LABEL),
      buildScorecardSavedView(undefined),
    ];
    for (const view of views) expectSafeView(view, JSON.stringify(view).slice(0, 80));
    expect(JSON.stringify(messages[1])).toContain('Erased 5 scorecards and 2 kits');
    expect(actionsOf(messages[0]?.blocks ?? [])[0]?.value).toBe(kit.id);
  });
});
