import type { ModalView } from '@slack/types';
import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import type { ViewStateValues } from '../../kernel/slack/view-state.js';
import {
  buildAlreadyScoredView,
  buildKitGoneView,
  buildNotOnPanelView,
  buildScorecardSavedView,
} from './blocks/build-kit-replies.js';
import { buildScorecardModal } from './blocks/build-scorecard-modal.js';
import { buildScorecardSummaryMessage } from './blocks/build-scorecard-summary-message.js';
import { expectedScorers, type StoredKit } from './kit-records.js';
import type { KitDestination } from './kit-request.js';
import { mayScore } from './scorecard-access.js';
import { parseScorecardForm } from './scorecard-form.js';
import type { KitRepository } from './storage/kit-repository.js';

type Kits = Pick<KitRepository, 'getKit' | 'scorecardsForKit' | 'saveScorecard'>;

/**
 * What the "Score this interview" button opens for this user: the form, or why not (the kit
 * is gone, they are not on its panel, they already scored it).
 */
export async function scorecardViewFor(
  kits: Kits,
  input: { teamId: string; kitId: string; userId: string },
): Promise<ModalView> {
  const kit = await kits.getKit(input.teamId, input.kitId);
  if (kit === undefined) return buildKitGoneView();
  if (!mayScore(kit, input.userId)) return buildNotOnPanelView(kit.candidateLabel);
  const mine = (await kits.scorecardsForKit(input.teamId, kit.id)).find(
    (s) => s.interviewer === input.userId,
  );
  if (mine !== undefined) return buildAlreadyScoredView(kit.candidateLabel, mine.createdAt);
  return buildScorecardModal(kit, input.userId);
}

/** A summary to post: privately to the interviewer, or where the kit went. */
export type SummaryPost =
  | { to: 'interviewer'; message: SlackMessage }
  | {
      to: 'kit-destination';
      destination: Exclude<KitDestination, { kind: 'private' }>;
      message: SlackMessage;
    };

export type ScorecardSubmission =
  /** Answer `ack({ response_action: 'errors', errors })`; nothing was stored. */
  | { kind: 'errors'; errors: Record<string, string> }
  /** Answer `ack({ response_action: 'update', view })`; then post `posts`, if any. */
  | { kind: 'done'; stored: boolean; view: ModalView; posts: SummaryPost[] };

/**
 * A submitted scorecard modal, start to finish: check the kit and the interviewer, read the
 * form, store it (a second submission is refused), and say what to post. The interviewer
 * gets their scorecard in full; the kit's channel or thread, if it had one, gets a line
 * saying who scored, never what.
 */
export async function submitScorecard(
  kits: Kits,
  input: {
    teamId: string;
    /** From the view's private_metadata. */
    kitId: string;
    userId: string;
    values: ViewStateValues;
    now: Date;
  },
): Promise<ScorecardSubmission> {
  const kit = await kits.getKit(input.teamId, input.kitId);
  if (kit === undefined)
    return { kind: 'done', stored: false, view: buildKitGoneView(), posts: [] };
  if (!mayScore(kit, input.userId)) {
    return {
      kind: 'done',
      stored: false,
      view: buildNotOnPanelView(kit.candidateLabel),
      posts: [],
    };
  }
  const form = parseScorecardForm(input.values, kit.plan, input.userId);
  if (!form.ok) return { kind: 'errors', errors: form.errors };

  const saved = await kits.saveScorecard({
    ...form.content,
    kitId: kit.id,
    teamId: kit.teamId,
    interviewer: input.userId,
    createdAt: input.now,
  });
  if (!saved.saved) {
    const view =
      saved.reason === 'already-scored'
        ? buildAlreadyScoredView(kit.candidateLabel, saved.existing.createdAt)
        : buildKitGoneView();
    return { kind: 'done', stored: false, view, posts: [] };
  }
  return {
    kind: 'done',
    stored: true,
    view: buildScorecardSavedView(kit.candidateLabel),
    posts: await summaryPosts(kits, kit, saved.scorecard),
  };
}

async function summaryPosts(
  kits: Kits,
  kit: StoredKit,
  scorecard: Parameters<typeof buildScorecardSummaryMessage>[0]['scorecard'],
): Promise<SummaryPost[]> {
  const scoredBy = (await kits.scorecardsForKit(kit.teamId, kit.id)).map((s) => s.interviewer);
  const common = { kit, scorecard, scoredBy, expected: expectedScorers(kit) };
  const posts: SummaryPost[] = [
    {
      to: 'interviewer',
      message: buildScorecardSummaryMessage({ ...common, audience: 'private' }),
    },
  ];
  if (kit.destination.kind !== 'private') {
    posts.push({
      to: 'kit-destination',
      destination: kit.destination,
      message: buildScorecardSummaryMessage({ ...common, audience: 'shared' }),
    });
  }
  return posts;
}
