import { createAppHireCommand } from '../../src/app/hire-subcommands.js';
import { snapshotOf } from '../../src/kernel/knowledge/knowledge-source.js';
import type { Knowledge } from '../../src/kernel/knowledge/schemas/knowledge-modules.js';
import type { SlackMessage } from '../../src/kernel/slack/blocks/slack-message.js';

/** The app's /hire table, for tests that go through it. */
export const hire = createAppHireCommand();

/** What a test answers against: a knowledge snapshot. */
export const answerContext = (knowledge: Knowledge) => snapshotOf(knowledge);

/** The answer /hire gives `text`, as one message (a follow-up becomes help saying so). */
export function answerHire(
  text: string,
  ctx: ReturnType<typeof answerContext>,
  options: { sharedBy?: string } = {},
): SlackMessage {
  return hire.answer(text, { ...ctx, ...options });
}

/** What /hire makes of `text`: a subcommand's request, or help. */
export const parseHireCommand = (text: string): unknown => hire.parse(text);
