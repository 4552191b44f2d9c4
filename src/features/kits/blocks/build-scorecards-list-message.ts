import type { KnownBlock, SectionBlock } from '@slack/types';
import {
  actions,
  type ButtonSpec,
  context,
  divider,
  fieldSections,
  header,
  LIMITS,
  sections,
} from '../../../kernel/slack/blocks/block-kit.js';
import { truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { planQuestions } from '../kit-plan.js';
import { expectedScorers, type StoredKit, type StoredScorecard } from '../kit-records.js';
import { KIT_ACTIONS } from '../kits-ids.js';
import type { ScorecardVisibility } from '../scorecard-access.js';
import { MESSAGE_CHAR_BUDGET } from './build-kit-message.js';
import { progressText } from './build-scorecard-summary-message.js';
import { FITS, type Fit } from './kit-segment-text.js';
import { command, esc, labelText, person, plural, ratingText, when } from './kit-text.js';

export type ScorecardsListInput = {
  /** The label as the viewer typed it. */
  label: string;
  /** The candidate's kits, newest first, and what the viewer may see of their scorecards. */
  kits: readonly StoredKit[];
  visibility: ScorecardVisibility;
  /** Whether to show how to erase them (the viewer may: mayDeleteCandidate). */
  mayDelete: boolean;
};

/** Room for the "N older kits … not shown" line, serialized. */
const NOT_SHOWN_CHARS = 120;

/** A section whose text heads fields; more than ten fields continue in further sections. */
function textWithFields(text: string, fields: string[]): SectionBlock[] {
  const [first, ...rest] = fieldSections(fields);
  const head: SectionBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) },
    ...(first?.fields === undefined ? {} : { fields: first.fields }),
  };
  return [head, ...rest];
}

/** One kit: its facts, the overall recommendations, then each question's ratings side by side. */
function kitGroup(kit: StoredKit, cards: StoredScorecard[], fit: Fit): KnownBlock[] {
  const scorers = cards.map((c) => c.interviewer);
  const blocks: KnownBlock[] = [
    ...textWithFields(
      `*${esc(kit.plan.levelName)} · ${kit.plan.minutes} min kit* · built ${when(kit.createdAt)} by ${person(kit.createdBy)} · ${progressText(scorers, expectedScorers(kit))}`,
      cards.map((c) => {
        const flags = Object.values(c.redFlags).reduce((n, list) => n + list.length, 0);
        return `${person(c.interviewer)}\n*Overall:* ${ratingText(c.recommendation)}${flags > 0 ? `\n:warning: ${plural(flags, 'red flag')}` : ''}`;
      }),
    ),
  ];
  for (const q of planQuestions(kit.plan)) {
    blocks.push(
      ...textWithFields(
        `*Q${q.number} · ${esc(q.areaName)}* ${esc(truncate(q.prompt, fit.item))}`,
        cards.map((c) => {
          const r = c.ratings[q.questionId];
          return `${person(c.interviewer)}: ${r === undefined ? '_not asked_' : ratingText(r)}`;
        }),
      ),
    );
  }
  const notes = cards.filter((c) => c.note !== undefined);
  if (notes.length > 0) {
    blocks.push(
      ...sections(
        `*Notes*\n${notes
          .map((c) => `${person(c.interviewer)}: “${esc(truncate(c.note ?? '', fit.item * 2))}”`)
          .join('\n')}`,
      ),
    );
  }
  blocks.push(divider());
  return blocks;
}

function listBlocks(input: ScorecardsListInput, fit: Fit): { blocks: KnownBlock[]; left: number } {
  const { kits, visibility } = input;
  // The label as the kit was built for it, which may differ from the typed one in case.
  const label = labelText(kits[0]?.candidateLabel ?? input.label);
  const blocks: KnownBlock[] = [header('Candidate scorecards')];
  const visibleByKit = new Map<string, StoredScorecard[]>();
  for (const card of visibility.visible) {
    visibleByKit.set(card.kitId, [...(visibleByKit.get(card.kitId) ?? []), card]);
  }

  if (kits.length === 0) {
    blocks.push(
      ...sections(
        `No kits or scorecards for ${label} in this workspace. The label must match the one the kit was built for (case and spacing aside).`,
      ),
    );
    return { blocks, left: 0 };
  }
  const summary = `${plural(visibility.visible.length, 'scorecard')} you can see · ${plural(kits.length, 'kit')} for ${label}`;
  blocks.push(context(summary));
  if (visibility.reason === 'submit-first') {
    blocks.push(
      ...sections(
        `:lock: ${plural(visibility.hidden, 'scorecard')} by others ${visibility.hidden === 1 ? 'stays' : 'stay'} hidden until you submit yours, so that every score is independent.`,
      ),
    );
  } else if (visibility.reason === 'not-involved') {
    blocks.push(
      ...sections(
        `:lock: Scorecards for ${label} are shown to the interviewers, the people who built its kits, and admins.`,
      ),
    );
  } else if (visibility.visible.length === 0) {
    blocks.push(...sections(`No scorecards for ${label} yet.`));
  }

  const pending = kits.filter((k) => visibility.pendingKitIds.includes(k.id));
  const tail: KnownBlock[] = [];
  if (input.mayDelete) {
    tail.push(
      context(
        `Erase everything stored for this candidate: ${command(`scorecards delete ${input.label}`)}`,
      ),
    );
  }
  tail.push(
    ...actions(
      pending.slice(0, 5).map(
        (kit): ButtonSpec => ({
          label: `Score: ${kit.plan.levelName} · ${kit.plan.minutes} min`,
          actionId: KIT_ACTIONS.score,
          value: kit.id,
          style: 'primary',
        }),
      ),
    ),
  );

  // Kits newest first, as many as fit beside the head, the tail and a "not shown" line.
  let used = blocks.length + tail.length + 1;
  let chars = JSON.stringify([...blocks, ...tail]).length + NOT_SHOWN_CHARS;
  let left = 0;
  for (const kit of kits) {
    const cards = visibleByKit.get(kit.id);
    if (cards === undefined) continue;
    const group = kitGroup(kit, cards, fit);
    const size = JSON.stringify(group).length + 1;
    if (left > 0 || used + group.length > 50 || chars + size > MESSAGE_CHAR_BUDGET) {
      left += 1;
      continue;
    }
    blocks.push(...group);
    used += group.length;
    chars += size;
  }
  if (left > 0) blocks.push(context(`${plural(left, 'older kit')} with scorecards not shown.`));
  blocks.push(...tail);
  return { blocks, left };
}

/** `/hire scorecards <label>`: the panel's scorecards side by side, under the independence rule. */
export function buildScorecardsListMessage(input: ScorecardsListInput): SlackMessage {
  // The first drawing that shows every kit wins; failing that, the shortest one.
  let blocks: KnownBlock[] = [];
  for (const fit of FITS) {
    const drawn = listBlocks(input, fit);
    blocks = drawn.blocks;
    if (drawn.left === 0) break;
  }
  return {
    response_type: 'ephemeral',
    text: `Scorecards for ${labelText(input.label)}: ${plural(input.visibility.visible.length, 'scorecard')} you can see`,
    blocks,
  };
}
