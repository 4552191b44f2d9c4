import { pressedValue } from '../../kernel/hire-command/actions/button-value.js';
import type { ButtonArgs } from '../../kernel/slack/listener-router.js';
import { buildEntryNotice, buildReviewDecidedMessage } from './blocks/build-review-messages.js';
import { entryCollisions } from './check-entry.js';
import { contributionsOf, type TeamKnowledgeDeps } from './contributions.js';
import { isEntryAdmin } from './entry-permissions.js';
import { entryRefSchema } from './team-entry.js';

/**
 * Approve / Reject, from an admin's direct message or their Home: only an admin (HIRE_ADMINS)
 * decides, checked here. The first decision stands (a conditional update, even across
 * instances); the message pressed turns into who decided, the contributor is told, and the
 * admins' Homes are republished. An entry whose names were taken meanwhile is not approved.
 */
export function createReviewAction(decision: 'approve' | 'reject', deps: TeamKnowledgeDeps) {
  const c = contributionsOf(deps, `team-entry-${decision}`);

  return async ({ ack, body, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const userId = body.user.id;
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const inMessage = typeof body.response_url === 'string';
    const say = async (text: string) => {
      if (inMessage) await respond(buildEntryNotice(text));
      else c.log.info({ user: userId }, 'review button answered outside a message');
    };
    const ref = entryRefSchema.safeParse(pressedValue(body));
    if (!ref.success) {
      await say('That button no longer works.');
      return;
    }
    if (!isEntryAdmin(deps.config.hireAdmins, userId)) {
      await say('Only the admins named in HIRE_ADMINS approve or reject contributions.');
      return;
    }
    const { module, id } = ref.data;
    const record = await c.entries.get(teamId, module, id);
    if (record === undefined) {
      await say('That contribution is not there any more.');
      return;
    }
    if (decision === 'approve' && record.status === 'pending') {
      const collisions = entryCollisions(deps.knowledge.current().knowledge, record);
      const [problem] = Object.values(collisions);
      if (problem !== undefined) {
        await say(`Not approved: ${problem} Reject it, or ask the contributor to add it again.`);
        return;
      }
    }
    const decided = await c.entries.review(teamId, module, id, {
      status: decision === 'approve' ? 'live' : 'rejected',
      by: userId,
      now: deps.clock.now(),
    });
    // Already decided (by another admin, maybe on another instance): show who did.
    const now = decided ?? (await c.entries.get(teamId, module, id)) ?? record;
    if (inMessage) await respond(buildReviewDecidedMessage(now));
    if (decided === undefined) return;
    c.log.info({ user: userId, decision }, 'contribution decided');
    await c.changed(teamId);
    await c.tellContributor(client, decided);
  };
}
