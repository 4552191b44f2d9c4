import { describe, expect, it } from 'vitest';
import { type PlanQuestion, planQuestions } from '../../../src/features/kits/kit-plan.js';
import {
  SCORECARD_INPUTS,
  SCORECARD_QUESTION_INPUTS,
} from '../../../src/features/kits/kits-ids.js';
import { scorecardContentSchema } from '../../../src/features/kits/scorecard.js';
import {
  parseScorecardForm,
  scorecardQuestions,
} from '../../../src/features/kits/scorecard-form.js';
import { loadKnowledge } from '../../../src/kernel/knowledge/load-knowledge.js';
import type { ViewStateValues } from '../../../src/kernel/slack/view-state.js';
import {
  makeKit,
  scorecardState as state,
  withHostileTeamQuestions,
} from './support/kit-fixtures.js';

const real = loadKnowledge();
const kit = makeKit(real, { minutes: 45 });
const [q1, q2, q3] = planQuestions(kit.plan) as [PlanQuestion, PlanQuestion, PlanQuestion];

const parse = (values: ViewStateValues, interviewer = 'U0CREATOR') =>
  parseScorecardForm(values, kit.plan, interviewer);

function errorsOf(result: ReturnType<typeof parse>) {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseScorecardForm', () => {
  it('reads ratings, ticked points and red flags by question id', () => {
    const result = parse(
      state({
        questions: {
          1: { seen: ['2', '0'], flags: ['1'], rating: 'strong-yes' },
          2: { rating: 'no' },
          3: {},
        },
        recommendation: 'yes',
        note: '  Solid on trade-offs.  ',
      }),
    );
    expect(result).toEqual({
      ok: true,
      content: {
        ratings: { [q1.questionId]: 'strong-yes', [q2.questionId]: 'no' },
        tickedPoints: { [q1.questionId]: [0, 2] },
        redFlags: { [q1.questionId]: [1] },
        recommendation: 'yes',
        note: 'Solid on trade-offs.',
      },
    });
    if (result.ok) expect(scorecardContentSchema.parse(result.content)).toEqual(result.content);
    expect(q3.questionId in (result.ok ? result.content.ratings : {})).toBe(false);
  });

  it('asks for the recommendation under its field', () => {
    expect(errorsOf(parse(state({ questions: { 1: { rating: 'yes' } } })))).toEqual({
      [SCORECARD_INPUTS.recommendation.blockId]: 'Choose an overall recommendation.',
    });
  });

  it('asks for a rating where boxes were ticked without one', () => {
    const errors = errorsOf(
      parse(
        state({
          questions: { 1: { rating: 'yes' }, 2: { seen: ['0'] }, 3: { flags: ['0'] } },
          recommendation: 'no',
        }),
      ),
    );
    expect(Object.keys(errors)).toEqual([
      SCORECARD_QUESTION_INPUTS.rating(2).blockId,
      SCORECARD_QUESTION_INPUTS.rating(3).blockId,
    ]);
    expect(errors[SCORECARD_QUESTION_INPUTS.rating(2).blockId]).toMatch(/Rate this question/);
  });

  it('wants at least one question rated', () => {
    expect(errorsOf(parse(state({ recommendation: 'yes' })))).toEqual({
      [SCORECARD_QUESTION_INPUTS.rating(1).blockId]: 'Rate at least one question you asked.',
    });
  });

  it('refuses an over-long note under the note field', () => {
    const errors = errorsOf(
      parse(
        state({
          questions: { 1: { rating: 'yes' } },
          recommendation: 'yes',
          note: 'x'.repeat(2001),
        }),
      ),
    );
    expect(errors).toEqual({
      [SCORECARD_INPUTS.note.blockId]: 'Keep the note under 2,000 characters.',
    });
  });

  it('treats values the form never offered as an out-of-date form', () => {
    const errors = errorsOf(
      parse(
        state({
          questions: {
            1: { seen: ['99'], rating: 'yes' },
            2: { flags: ['x'], rating: 'maybe' },
          },
          recommendation: 'hire!',
        }),
      ),
    );
    expect(errors).toEqual({
      [SCORECARD_QUESTION_INPUTS.lookFor(1).blockId]: expect.stringMatching(/out of date/),
      [SCORECARD_QUESTION_INPUTS.redFlags(2).blockId]: expect.stringMatching(/out of date/),
      [SCORECARD_QUESTION_INPUTS.rating(2).blockId]: expect.stringMatching(/out of date/),
      [SCORECARD_INPUTS.recommendation.blockId]: expect.stringMatching(/out of date/),
    });
  });

  it('never throws on odd state', () => {
    const odd: unknown[] = [{}, { kit_note: null }, { kit_q1_rating: { kit_rating: 'yes' } }];
    for (const values of odd) {
      expect(() => parse(values as ViewStateValues)).not.toThrow();
      expect(parse(values as ViewStateValues).ok).toBe(false);
    }
  });

  it("reads a panel member's own questions only, and accepts up to ten boxes of long lists", () => {
    const panelKit = makeKit(withHostileTeamQuestions(real), {
      minutes: 60,
      panel: ['U0ALICE', 'U0BOB'],
    });
    const mine = scorecardQuestions(panelKit.plan, 'U0BOB');
    expect(mine.map((q) => q.assignee)).toEqual(['U0BOB', 'U0BOB']);
    const [first] = mine;
    if (first === undefined) throw new Error('no question');
    const tenBoxes = Array.from({ length: 10 }, (_, i) => String(i));
    const values = state({
      questions: { [first.number]: { seen: tenBoxes, rating: 'yes' } },
      recommendation: 'strong-yes',
    });
    const result = parseScorecardForm(values, panelKit.plan, 'U0BOB');
    expect(result.ok).toBe(true);
    // The same answers from Alice name a question that is not hers: nothing of it is read.
    const alice = parseScorecardForm(values, panelKit.plan, 'U0ALICE');
    expect(alice.ok).toBe(false);
    const eleven = state({
      questions: { [first.number]: { seen: [...tenBoxes, '10'], rating: 'yes' } },
      recommendation: 'yes',
    });
    expect(parseScorecardForm(eleven, panelKit.plan, 'U0BOB').ok).toBe(false);
  });
});
