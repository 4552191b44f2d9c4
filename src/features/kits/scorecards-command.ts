import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import {
  buildCandidateDeletedMessage,
  buildDeleteRefusedMessage,
  buildScorecardsUsageMessage,
} from './blocks/build-kit-replies.js';
import { buildScorecardsListMessage } from './blocks/build-scorecards-list-message.js';
import { parseScorecardsCommand } from './parse-scorecards-command.js';
import { mayDeleteCandidate, scorecardVisibility } from './scorecard-access.js';
import type { KitRepository } from './storage/kit-repository.js';

/**
 * `/hire scorecards <label>` and `/hire scorecards delete <label>`, answered privately: the
 * listing under the independence rule, or the erasure (kit creator or admin) with its counts.
 * Refusals change nothing.
 */
export async function answerScorecardsCommand(
  text: string,
  deps: {
    kits: Pick<KitRepository, 'listForCandidate' | 'deleteCandidate'>;
    teamId: string;
    userId: string;
    /** HIRE_ADMINS. */
    admins: readonly string[];
  },
): Promise<SlackMessage> {
  const command = parseScorecardsCommand(text);
  if (command.kind === 'usage') return buildScorecardsUsageMessage(command.problem);
  const records = await deps.kits.listForCandidate(deps.teamId, command.label);
  const mayDelete = mayDeleteCandidate({
    user: deps.userId,
    kits: records.kits,
    admins: deps.admins,
  });
  if (command.kind === 'delete') {
    if (records.kits.length === 0) {
      return buildCandidateDeletedMessage(command.label, { kits: 0, scorecards: 0 });
    }
    if (!mayDelete) return buildDeleteRefusedMessage(command.label);
    const counts = await deps.kits.deleteCandidate(deps.teamId, command.label);
    return buildCandidateDeletedMessage(command.label, counts);
  }
  return buildScorecardsListMessage({
    label: command.label,
    kits: records.kits,
    visibility: scorecardVisibility({
      viewer: deps.userId,
      kits: records.kits,
      scorecards: records.scorecards,
      admins: deps.admins,
    }),
    mayDelete,
  });
}
