import type { FollowUpContext } from '../../kernel/hire-command/subcommand.js';
import {
  buildCannotChangeTerm,
  buildGoneNotice,
  buildNotYoursNotice,
  buildRemovedNotice,
} from './blocks/build-change-replies.js';
import { contributionsOf } from './contributions.js';
import { mayChangeEntry, needsApproval } from './entry-permissions.js';
import { findTeamTerm } from './find-team-term.js';
import { entryModal } from './open-entry-modal.js';

/**
 * `glossary edit|remove <term>` after the ack: the term must be one the team added in Slack,
 * and the caller its author or an admin (checked here, whatever the answer showed). Edit
 * opens the modal filled in; remove marks it removed, keeping who and when.
 */
export async function changeTeamTerm(
  action: 'edit' | 'remove',
  text: string,
  { command, client, respond, deps }: FollowUpContext,
): Promise<void> {
  const snapshot = deps.knowledge.current();
  const found = findTeamTerm(snapshot, text);
  if (found.kind !== 'slack') {
    await respond(buildCannotChangeTerm(text, found));
    return;
  }
  const c = contributionsOf(deps, `glossary-${action}`);
  const teamId = command.team_id;
  const record = await c.entries.get(teamId, 'glossary', found.id);
  if (record === undefined || record.status === 'removed' || record.status === 'rejected') {
    await respond(buildGoneNotice(found.name));
    return;
  }
  if (!mayChangeEntry(deps.config.hireAdmins, command.user_id, record)) {
    await respond(buildNotYoursNotice(found.name));
    return;
  }
  if (action === 'edit') {
    const view = entryModal({
      module: 'glossary',
      intent: { kind: 'edit', ref: { module: 'glossary', id: found.id } },
      knowledge: snapshot.knowledge,
      needsApproval: needsApproval(deps.config.hireAdmins),
      entry: record,
    });
    await client.views.open({ trigger_id: command.trigger_id, view });
    return;
  }
  const removed = await c.entries.remove(
    teamId,
    'glossary',
    found.id,
    command.user_id,
    deps.clock.now(),
  );
  await c.changed(teamId, removed);
  await respond(
    removed === undefined ? buildGoneNotice(found.name) : buildRemovedNotice(found.name),
  );
}
