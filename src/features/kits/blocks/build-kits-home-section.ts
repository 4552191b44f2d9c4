import type { KnownBlock } from '@slack/types';
import { section } from '../../../kernel/slack/blocks/block-kit.js';
import type { StoredKit } from '../kit-records.js';
import { KIT_ACTIONS } from '../kits-ids.js';
import { esc, labelText, person, when } from './kit-text.js';

/** One kit waiting for the viewer's scorecard, with its Score button beside it. */
function kitRow(kit: StoredKit): KnownBlock {
  const facts = [
    `*${esc(kit.plan.levelName)} · ${kit.plan.minutes} min* for ${labelText(kit.candidateLabel)}`,
    kit.interviewAt === undefined ? undefined : `interview ${when(kit.interviewAt)}`,
    `built by ${person(kit.createdBy)} ${when(kit.createdAt)}`,
  ].filter((part) => part !== undefined);
  return {
    ...section(facts.join(' · ')),
    accessory: {
      type: 'button',
      action_id: KIT_ACTIONS.score,
      text: { type: 'plain_text', text: 'Score' },
      value: kit.id,
      style: 'primary',
    },
  };
}

/**
 * The viewer's part of the Home for kits: the interviews waiting for their scorecard, newest
 * first, one page of them. Nothing at all when none waits (the Home then leaves it out).
 */
export function buildKitsHomeSection(kits: readonly StoredKit[], page: number): KnownBlock[] {
  if (kits.length === 0 && page <= 1) return [];
  const title =
    kits.length === 0
      ? '*Interviews to score* · nothing more on this page.'
      : '*Interviews to score* · your scorecard is still missing for these. Others on the panel see theirs only after you submit.';
  return [section(title), ...kits.map(kitRow)];
}
