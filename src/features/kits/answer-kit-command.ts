import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import { buildKitErrorMessage } from './blocks/build-kit-error-message.js';
import { buildKitMessage, type KitAudience } from './blocks/build-kit-message.js';
import type { KitPlan } from './kit-plan.js';
import type { KitRequest } from './kit-request.js';
import type { KitCommandParser } from './parse-kit-command.js';
import { type KitDeliveryAsked, parseKitDelivery } from './parse-kit-delivery.js';
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

/** A `/hire kit` command that passed every check: the kit's words, where it goes, the panel. */
export type KitCommand = { kitText: string; to: KitDeliveryAsked; panel: string[] };

/** Any seed: whether a command can make a kit does not depend on which questions are drawn. */
const CHECK_SEED = 'check';

/**
 * Everything `/hire kit …` can be refused for, decided from the text alone (so the refusal is
 * the same every time): the delivery clauses, the kit's level, length, areas and label, and
 * whether any question fits. Nothing is drawn yet.
 */
export function checkKitCommand(
  args: string,
  deps: { parser: KitCommandParser; knowledge: KitKnowledge },
): { ok: true; command: KitCommand } | { ok: false; message: SlackMessage } {
  const delivery = parseKitDelivery(args);
  if (!delivery.ok) return { ok: false, message: buildKitErrorMessage(delivery.error) };
  const planned = planKitCommand(delivery.kitText, { ...deps, seed: CHECK_SEED });
  if (!planned.ok) return planned;
  const { kitText, to, panel } = delivery;
  return { ok: true, command: { kitText, to, panel } };
}

/**
 * The whole kit as a message without storing it: what the terminal (`hire kit senior 45`) and
 * the benchmark show. Stored kits are shown with their id, which adds the Score button.
 */
export function answerKitCommand(
  text: string,
  deps: { parser: KitCommandParser; knowledge: KitKnowledge; seed: string },
  audience: KitAudience = 'private',
  options: { notice?: string } = {},
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
    options,
  );
}
