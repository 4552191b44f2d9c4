import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import {
  buildCandidateDeletedMessage,
  buildDeleteRefusedMessage,
  buildScorecardsUsageMessage,
} from './blocks/build-kit-replies.js';
import { buildScorecardsListMessage } from './blocks/build-scorecards-list-message.js';
import { expectedScorers } from './kit-records.js';
import type { ScorecardsCommand } from './parse-scorecards-command.js';
import { mayDeleteCandidate, scorecardVisibility } from './scorecard-access.js';
import type { KitRepository } from './storage/kit-repository.js';

/** The answer, and whose waiting scorecards changed (an erasure takes kits off their Home). */
export type ScorecardsAnswer = { message: SlackMessage; homesChanged: string[] };

/**
 * `/hire scorecards <label>` and `/hire scorecards delete <label>`, answered privately: the
 * listing under the independence rule, or the erasure (kit creator or admin) with its counts.
 * Refusals change nothing.
 */
export async function answerScorecardsCommand(
  command: ScorecardsCommand,
  deps: {
    kits: Pick<KitRepository, 'listForCandidate' | 'deleteCandidate'>;
    teamId: string;
    userId: string;
    /** HIRE_ADMINS. */
    admins: readonly string[];
  },
): Promise<ScorecardsAnswer> {
  const unchanged = (message: SlackMessage): ScorecardsAnswer => ({ message, homesChanged: [] });
  if (command.kind === 'usage') return unchanged(buildScorecardsUsageMessage(command.problem));
  const records = await deps.kits.listForCandidate(deps.teamId, command.label);
  const mayDelete = mayDeleteCandidate({
    user: deps.userId,
    kits: records.kits,
    admins: deps.admins,
  });
  if (command.kind === 'delete') {
    if (records.kits.length === 0) {
      return unchanged(buildCandidateDeletedMessage(command.label, { kits: 0, scorecards: 0 }));
    }
    if (!mayDelete) return unchanged(buildDeleteRefusedMessage(command.label));
    const counts = await deps.kits.deleteCandidate(deps.teamId, command.label);
    return {
      message: buildCandidateDeletedMessage(command.label, counts),
      homesChanged: [...new Set(records.kits.flatMap(expectedScorers))],
    };
  }
  return unchanged(
    buildScorecardsListMessage({
      label: command.label,
      kits: records.kits,
      visibility: scorecardVisibility({
        viewer: deps.userId,
        kits: records.kits,
        scorecards: records.scorecards,
        admins: deps.admins,
      }),
      mayDelete,
    }),
  );
}
