import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import { buildKitErrorMessage } from './blocks/build-kit-error-message.js';
import { buildKitMessage, type KitAudience } from './blocks/build-kit-message.js';
import type { KitPlan } from './kit-plan.js';
import type { KitRequest } from './kit-request.js';
import type { KitCommandParser } from './parse-kit-command.js';
import { type KitKnowledge, planKit } from './plan-kit.js';

export type KitAnswer =
  | { ok: true; request: KitRequest; plan: KitPlan }
  | { ok: false; message: SlackMessage };

/**
 * `/hire kit …` up to the plan: parse, then plan with the panel. A refusal comes back as the
 * private answer to show; a plan is ready to be stored and shown (buildKitMessage).
 */
export function planKitCommand(
  text: string,
  deps: { parser: KitCommandParser; knowledge: KitKnowledge; seed: string; panel?: string[] },
): KitAnswer {
  const parsed = deps.parser.parse(text, deps.seed);
  if (!parsed.ok) return { ok: false, message: buildKitErrorMessage(parsed.error) };
  const planned = planKit({ ...parsed.request, panel: deps.panel ?? [] }, deps.knowledge);
  if (!planned.ok) {
    const names = new Map(deps.knowledge.questions.areas.map((a) => [a.id, a.name]));
    return { ok: false, message: buildKitErrorMessage(planned.error, names) };
  }
  return { ok: true, request: parsed.request, plan: planned.plan };
}

/**
 * The whole kit as a message without storing it: what the terminal (`hire kit senior 45`) and
 * the benchmark show. Stored kits are shown with their id, which adds the Score button.
 */
export function answerKitCommand(
  text: string,
  deps: { parser: KitCommandParser; knowledge: KitKnowledge; seed: string },
  audience: KitAudience = 'private',
): SlackMessage {
  const answer = planKitCommand(text, deps);
  if (!answer.ok) return answer.message;
  return buildKitMessage(
    {
      plan: answer.plan,
      panel: [],
      ...(answer.request.candidateLabel === undefined
        ? {}
        : { candidateLabel: answer.request.candidateLabel }),
    },
    audience,
  );
}
