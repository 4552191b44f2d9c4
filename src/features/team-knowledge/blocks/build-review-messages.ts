import type { ActionsBlock, KnownBlock } from '@slack/types';
import { context, header, sections } from '../../../kernel/slack/blocks/block-kit.js';
import { truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { dateToken, esc, escList, mention } from '../../../kernel/slack/blocks/text.js';
import {
  entryRefValue,
  entryTitle,
  type ModuleEntry,
  type TeamEntryRecord,
} from '../team-entry.js';
import { TEAM_ENTRY_ACTIONS } from '../team-knowledge-ids.js';

const what = (e: ModuleEntry) => (e.module === 'glossary' ? 'glossary term' : 'interview question');

/** The entry's content, as an admin reads it before deciding. */
export function entryBody(e: ModuleEntry): string {
  if (e.module === 'glossary') {
    const t = e.entry;
    return [
      `*${esc(t.name)}*${t.aliases.length > 0 ? ` (also ${t.aliases.map(esc).join(', ')})` : ''}`,
      esc(t.meaning),
      `*On a resume:* ${esc(t.onResume)}`,
      `*Probe:* ${esc(t.probe)}`,
    ].join('\n');
  }
  const q = e.entry;
  return [
    `*${esc(q.prompt)}*`,
    `_${q.levels.join(', ')} · ${q.area}_`,
    `*Look for*\n${escList(q.lookFor)}`,
    `*Red flags*\n${escList(q.redFlags)}`,
    `*Follow-ups*\n${escList(q.followUps)}`,
  ].join('\n');
}

export function reviewButtons(record: ModuleEntry): ActionsBlock {
  const value = entryRefValue({ module: record.module, id: record.entry.id });
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: TEAM_ENTRY_ACTIONS.approve,
        text: { type: 'plain_text', text: 'Approve' },
        style: 'primary',
        value,
      },
      {
        type: 'button',
        action_id: TEAM_ENTRY_ACTIONS.reject,
        text: { type: 'plain_text', text: 'Reject' },
        style: 'danger',
        value,
      },
    ],
  };
}

/**
 * The direct message each admin gets for a contribution, with Approve and Reject: a new entry,
 * or a change to one (`edit`: it left the team's answers until approved).
 */
export function buildReviewRequestMessage(
  record: TeamEntryRecord,
  change: 'new' | 'edit' = 'new',
): SlackMessage {
  const title = esc(truncate(entryTitle(record), 80));
  const edit = change === 'edit';
  const who = mention(edit ? record.updatedBy : record.addedBy);
  const intro = edit
    ? `${who} changed this ${what(record)}; the team does not see it until it is approved:`
    : `${who} wants to add this for the team:`;
  const blocks: KnownBlock[] = [
    header(edit ? `Changed ${what(record)} to review` : `New ${what(record)} to review`),
    ...sections(`${intro}\n${entryBody(record)}`),
    reviewButtons(record),
  ];
  return {
    text: edit
      ? `${who} changed the ${what(record)} ${title}: approve or reject the change.`
      : `${who} wants to add the ${what(record)} ${title}: approve or reject it.`,
    blocks,
  };
}

/** The admin's message once someone decided: who, when, and what (no buttons left). */
export function buildReviewDecidedMessage(record: TeamEntryRecord): SlackMessage {
  const decided =
    record.status === 'live' ? 'Approved' : record.status === 'rejected' ? 'Rejected' : 'Closed';
  const by =
    record.reviewedBy === undefined
      ? ''
      : ` by ${mention(record.reviewedBy)}${record.reviewedAt ? ` on ${dateToken(record.reviewedAt)}` : ''}`;
  const line = `${decided}${by}.`;
  return {
    replace_original: true,
    text: `${line} ${esc(truncate(entryTitle(record), 80))}`,
    blocks: [
      header(`${what(record)[0]?.toUpperCase()}${what(record).slice(1)}: ${decided.toLowerCase()}`),
      ...sections(`${mention(record.addedBy)} added:\n${entryBody(record)}`),
      context(line),
    ],
  };
}

/** The contributor's direct message once an admin decided. */
export function buildContributorNotice(record: TeamEntryRecord): SlackMessage {
  const title = esc(truncate(entryTitle(record), 120));
  const by = record.reviewedBy === undefined ? 'an admin' : mention(record.reviewedBy);
  const text =
    record.status === 'live'
      ? record.module === 'glossary'
        ? `Your glossary term *${title}* was approved by ${by}: the team finds it with \`/hire glossary ${esc(truncate(record.entry.id, 60))}\`.`
        : `Your interview question *${title}* was approved by ${by}: it is among the team's questions now.`
      : `Your ${what(record)} *${title}* was not accepted by ${by}. Ask them why, or add it again with changes.`;
  return { text, blocks: sections(text) };
}

/** The contributor's note when their entry is pending: who decides. */
export function pendingText(record: TeamEntryRecord): string {
  return `Thanks! *${esc(truncate(entryTitle(record), 120))}* waits for an admin's approval; you will get a message when they decide.`;
}

/** The author's note when their change to a live entry waits: the entry is out until then. */
export function changePendingText(record: TeamEntryRecord): string {
  return `Your change waits for an admin: until they approve it, the team does not see *${esc(truncate(entryTitle(record), 120))}*. You will get a message when they decide.`;
}

/** The contributor's note when their entry is live at once. */
export function liveText(record: TeamEntryRecord): string {
  const title = esc(truncate(entryTitle(record), 120));
  return record.module === 'glossary'
    ? `*${title}* is in the team's glossary now: \`/hire glossary ${esc(truncate(record.entry.name, 60))}\`.`
    : `*${title}* is among the team's interview questions now.`;
}

/** A short private reply (ephemeral) to an edit or remove. */
export function buildEntryNotice(text: string): SlackMessage {
  return { response_type: 'ephemeral', replace_original: false, text, blocks: sections(text) };
}
