import type { KnownBlock } from '@slack/types';
import {
  actions,
  context,
  divider,
  header,
  sections,
} from '../../../kernel/slack/blocks/block-kit.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { planQuestions } from '../kit-plan.js';
import { fitBlocks, type KitView, kitFacts, kitTitle, scoreButton } from './build-kit-message.js';
import { type Fit, questionText } from './kit-segment-text.js';
import { esc, labelText, person, plural, timeline } from './kit-text.js';

function assignmentBlocks(kit: KitView, member: string, fit: Fit): KnownBlock[] {
  const all = planQuestions(kit.plan).length;
  const slots = timeline(kit.plan.segments).filter(
    (slot) => slot.segment.kind === 'question' && slot.segment.assignee === member,
  );
  const by = kit.createdBy === undefined ? '' : `, built by ${person(kit.createdBy)}`;
  const blocks: KnownBlock[] = [
    header(`Your interview questions: ${kit.plan.levelName} · ${kit.plan.minutes} min`),
    context(kitFacts(kit)),
    ...sections(
      slots.length > 0
        ? `You are on the panel of this kit${by}. You ask ${slots.length} of its ${plural(all, 'question')}; the times are from the start of the interview.`
        : `You are on the panel of this kit${by}. The panel has more members than the kit has questions, so none is yours to ask: listen, take notes, and score the interview afterwards.`,
    ),
    divider(),
  ];
  for (const { segment, start, end } of slots) {
    if (segment.kind !== 'question') continue;
    blocks.push(...sections(questionText(segment, start, end, fit)), divider());
  }
  blocks.push(
    context(
      'Score on your own: the other scorecards stay hidden from you until yours is in, and yours from them.',
    ),
  );
  if (kit.id !== undefined) blocks.push(...actions([scoreButton(kit.id)]));
  return blocks;
}

/** What one panel member receives: the questions assigned to them, timed, and the Score button. */
export function buildAssignmentMessage(kit: KitView, member: string): SlackMessage {
  const mine = planQuestions(kit.plan).filter((q) => q.assignee === member).length;
  return {
    text: `${esc(kitTitle(kit))}: you ask ${plural(mine, 'question')}, for ${labelText(kit.candidateLabel)}`,
    blocks: fitBlocks((fit) => assignmentBlocks(kit, member, fit)),
  };
}
