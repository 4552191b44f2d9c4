import { type KitPlan, type PlanQuestion, planQuestions } from './kit-plan.js';

/**
 * Deals the plan's questions to the panel in turn, so counts differ by one at most. Members
 * keep the order they were chosen in; duplicates count once. An empty panel clears every
 * assignment.
 */
export function assignPanel(plan: KitPlan, panel: readonly string[]): KitPlan {
  const members = [...new Set(panel)];
  let next = 0;
  return {
    ...plan,
    segments: plan.segments.map((segment) => {
      if (segment.kind !== 'question') return segment;
      const { assignee: _previous, ...question } = segment;
      const assignee = members[next++ % Math.max(members.length, 1)];
      return assignee === undefined ? question : { ...question, assignee };
    }),
  };
}

export type PanelAssignment = { member: string; questions: PlanQuestion[] };

/** Each panel member with the questions they ask (possibly none, when the panel is large). */
export function panelAssignments(plan: KitPlan, panel: readonly string[]): PanelAssignment[] {
  const questions = planQuestions(plan);
  return [...new Set(panel)].map((member) => ({
    member,
    questions: questions.filter((q) => q.assignee === member),
  }));
}
