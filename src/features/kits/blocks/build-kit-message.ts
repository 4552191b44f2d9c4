import type { KnownBlock } from '@slack/types';
import {
  actions,
  type ButtonSpec,
  context,
  divider,
  header,
  sections,
} from '../../../kernel/slack/blocks/block-kit.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { planQuestions } from '../kit-plan.js';
import type { StoredKit } from '../kit-records.js';
import { KIT_ACTIONS } from '../kits-ids.js';
import { kitAgainCommand } from '../parse-kit-command.js';
import { FITS, type Fit, questionText, segmentText } from './kit-segment-text.js';
import { command, esc, labelText, person, plural, timeline, when } from './kit-text.js';

/**
 * A kit as the builders need it. `id` is there once the kit is stored: the "Score this
 * interview" button carries it, so a kit shown without one (the terminal) has no such button.
 */
export type KitView = Pick<StoredKit, 'plan' | 'panel'> &
  Partial<Pick<StoredKit, 'id' | 'candidateLabel' | 'interviewAt' | 'createdBy'>>;

/** Where the message goes: privately to the caller, or posted for the panel. */
export type KitAudience = 'private' | 'channel';

/**
 * Our budget for a message's serialized blocks: under the checker's 12,000 with room for
 * the ids and buttons Slack adds nothing to.
 */
export const MESSAGE_CHAR_BUDGET = 11_500;

export function scoreButton(kitId: string): ButtonSpec {
  return {
    label: 'Score this interview',
    actionId: KIT_ACTIONS.score,
    value: kitId,
    style: 'primary',
  };
}

export function kitTitle(kit: Pick<KitView, 'plan'>): string {
  return `Interview kit: ${kit.plan.levelName} · ${kit.plan.minutes} min`;
}

/** One line saying who, what and when: label, areas, panel, interview time. */
export function kitFacts(kit: KitView): string {
  const names = new Map(planQuestions(kit.plan).map((q) => [q.area, q.areaName]));
  const areas =
    kit.plan.areas.length > 0
      ? kit.plan.areas.map((a) => esc(names.get(a) ?? a)).join(', ')
      : 'areas balanced';
  return [
    `For ${labelText(kit.candidateLabel)}`,
    areas,
    plural(planQuestions(kit.plan).length, 'question'),
    kit.panel.length > 0 ? `panel: ${kit.panel.map(person).join(', ')}` : undefined,
    kit.interviewAt === undefined ? undefined : `interview ${when(kit.interviewAt)}`,
  ]
    .filter((part) => part !== undefined)
    .join(' · ');
}

function kitBlocks(kit: KitView, fit: Fit, notice: string | undefined): KnownBlock[] {
  const blocks: KnownBlock[] = [header(kitTitle(kit)), context(kitFacts(kit))];
  if (notice !== undefined) blocks.push(...sections(notice));
  if (kit.plan.notices.length > 0) blocks.push(context(...kit.plan.notices.map(esc)));
  for (const { segment, start, end } of timeline(kit.plan.segments)) {
    const text =
      segment.kind === 'question'
        ? questionText(segment, start, end, fit)
        : segmentText(segment, start, end, fit);
    blocks.push(...sections(text));
    if (segment.kind === 'opening' || segment.kind === 'question') blocks.push(divider());
  }
  blocks.push(
    context(
      `The same questions again, for the next candidate: ${command(kitAgainCommand(kit.plan))} · score with the button after the interview.`,
    ),
  );
  const buttons: ButtonSpec[] = [];
  if (kit.id !== undefined) buttons.push(scoreButton(kit.id));
  buttons.push({
    label: 'Same kit again',
    actionId: KIT_ACTIONS.again,
    value: kitAgainCommand(kit.plan),
  });
  blocks.push(...actions(buttons));
  return blocks;
}

/** Lays blocks out with ever shorter list items until the message is within Slack's limits. */
export function fitBlocks(draw: (fit: Fit) => KnownBlock[]): KnownBlock[] {
  let blocks: KnownBlock[] = [];
  for (const fit of FITS) {
    blocks = draw(fit);
    if (blocks.length <= 50 && JSON.stringify(blocks).length <= MESSAGE_CHAR_BUDGET) return blocks;
  }
  return blocks;
}

/**
 * The kit: a timed plan from opening to close, each question with what to look for, red flags
 * and a follow-up, and the buttons to score the interview and to build the same kit again.
 * `notice` (our own mrkdwn, escaped) says something about this copy, such as why it came
 * privately instead of to the channel asked for.
 */
export function buildKitMessage(
  kit: KitView,
  audience: KitAudience,
  options: { notice?: string } = {},
): SlackMessage {
  const questions = planQuestions(kit.plan).length;
  return {
    ...(audience === 'private' ? { response_type: 'ephemeral' as const } : {}),
    text: `${esc(kitTitle(kit))}, ${plural(questions, 'question')}, for ${labelText(kit.candidateLabel)}`,
    blocks: fitBlocks((fit) => kitBlocks(kit, fit, options.notice)),
  };
}
