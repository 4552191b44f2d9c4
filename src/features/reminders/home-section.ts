import type { HomeSection } from '../../kernel/home-section.js';
import {
  buildRemindersHomeSection,
  remindersPerPage,
} from './blocks/build-reminders-home-section.js';
import { channelsWithMember } from './home/channel-membership.js';
import { mayChangeReminders } from './reminder-permissions.js';
import { createHomeReminderQueries } from './storage/reminders-for-home.js';

/**
 * At most this many channels with someone else's reminders are checked for the viewer on each
 * build (the most recently changed): each is a conversations.members call.
 */
export const MAX_CHANNELS_CHECKED = 20;

/**
 * The reminders of each person's Home: those they set up, and those of channels they are in
 * (asked of Slack when the Home is built with a client), newest first, paged.
 */
export const remindersHomeSection: HomeSection = {
  id: 'reminders',
  order: 20,
  async build({ viewer, page, maxBlocks, client }, deps) {
    const queries = createHomeReminderQueries(deps.store);
    const canChange = mayChangeReminders(deps.config.hireAdmins, viewer.userId);
    const perPage = remindersPerPage(maxBlocks, canChange);
    // Too little room to show one reminder: better left out than shown empty.
    if (perPage === 0) return { blocks: [], hasMore: false };
    let memberOf: string[] = [];
    let someUnchecked = false;
    if (client !== undefined) {
      const candidates = await queries.channelsSetUpByOthers(
        viewer.teamId,
        viewer.userId,
        MAX_CHANNELS_CHECKED + 1,
      );
      const checked = await channelsWithMember(
        client,
        candidates.slice(0, MAX_CHANNELS_CHECKED),
        viewer.userId,
      );
      memberOf = checked.memberOf;
      someUnchecked = checked.unchecked.length > 0 || candidates.length > MAX_CHANNELS_CHECKED;
    }
    const rows = await queries.listForViewer(
      { teamId: viewer.teamId, userId: viewer.userId, memberOf },
      { limit: perPage + 1, offset: (page - 1) * perPage },
    );
    return {
      blocks: buildRemindersHomeSection({
        reminders: rows.slice(0, perPage),
        page,
        canChange,
        memberChannels: client !== undefined,
        someUnchecked,
      }),
      hasMore: rows.length > perPage,
    };
  },
};
