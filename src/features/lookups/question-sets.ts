import type { LevelId } from '../../kernel/knowledge/schemas/common.js';
import type { InterviewQuestion } from '../../kernel/knowledge/schemas/interview-questions-schema.js';

/** Questions shown at once; "Another question" moves to the next set. */
export const QUESTION_SET_SIZE = 3;

export type QuestionSet = {
  questions: InterviewQuestion[];
  /** The set shown (1-based, wrapped into range) and how many there are. */
  set: number;
  setCount: number;
  total: number;
};

/**
 * The questions for a level (and area), cut into consecutive sets in knowledge order. Set `n`
 * is always the same questions, so a button value such as `questions senior #2` is stable, and
 * numbers past the end wrap around.
 */
export function pickQuestionSet(
  all: readonly InterviewQuestion[],
  level: LevelId,
  area: string | undefined,
  set: number,
): QuestionSet {
  const matching = all.filter(
    (q) => q.levels.includes(level) && (area === undefined || q.area === area),
  );
  const setCount = Math.max(1, Math.ceil(matching.length / QUESTION_SET_SIZE));
  const index = (((set - 1) % setCount) + setCount) % setCount;
  return {
    questions: matching.slice(index * QUESTION_SET_SIZE, (index + 1) * QUESTION_SET_SIZE),
    set: index + 1,
    setCount,
    total: matching.length,
  };
}
