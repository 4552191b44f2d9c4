import type { FollowUpContext } from '../../kernel/hire-command/subcommand.js';
import {
  buildCannotChangeEntry,
  buildGoneNotice,
  buildNotYoursNotice,
  buildRemovedNotice,
} from './blocks/build-change-replies.js';
import { contributionsOf } from './contributions.js';
import { isEntryAdmin, mayChangeEntry, needsApproval } from './entry-permissions.js';
import { findTeamEntry } from './find-team-entry.js';
import { entryModal } from './open-entry-modal.js';
import { entryTitle, type TeamEntryModule } from './team-entry.js';

/**
 * `glossary|questions edit|remove <term or id>` after the ack: the entry must be one the team
 * added in Slack — answered from now, or still waiting for an admin — and the caller its author
 * or an admin (checked here, whatever the answer showed). Edit opens the modal filled in;
 * remove marks it removed, keeping who and when.
 */
export async function changeTeamEntry(
  module: TeamEntryModule,
  action: 'edit' | 'remove',
  text: string,
  { command, client, respond, deps }: FollowUpContext,
): Promise<void> {
  const snapshot = deps.knowledge.current();
  const found = findTeamEntry(snapshot, module, text);
  if (found.kind === 'elsewhere') {
    await respond(buildCannotChangeEntry(module, text, found));
    return;
  }
  const c = contributionsOf(deps, `${module}-${action}`);
  const teamId = command.team_id;
  // The stored record decides; by its id, one not answered from is found too (pending, or
  // shown here at the next poll).
  const record = found.id === undefined ? undefined : await c.entries.get(teamId, module, found.id);
  if (record === undefined) {
    await respond(buildCannotChangeEntry(module, text, { kind: 'none' }));
    return;
  }
  const name = entryTitle(record);
  if (record.status === 'removed' || record.status === 'rejected') {
    await respond(buildGoneNotice(module, name));
    return;
  }
  if (!mayChangeEntry(deps.config.hireAdmins, command.user_id, record)) {
    await respond(buildNotYoursNotice(name));
    return;
  }
  if (action === 'edit') {
    const view = entryModal({
      module,
      intent: { kind: 'edit', ref: { module, id: record.entry.id } },
      knowledge: snapshot.knowledge,
      needsApproval:
        needsApproval(deps.config.hireAdmins) &&
        !isEntryAdmin(deps.config.hireAdmins, command.user_id),
      entry: record,
    });
    await client.views.open({ trigger_id: command.trigger_id, view });
    return;
  }
  const removed = await c.entries.remove(
    teamId,
    module,
    record.entry.id,
    command.user_id,
    deps.clock.now(),
  );
  await c.changed(teamId);
  await respond(
    removed === undefined ? buildGoneNotice(module, name) : buildRemovedNotice(module, name),
  );
}
