import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { echo, esc } from '../../../kernel/slack/blocks/text.js';
import type { TeamTermLookup } from '../find-team-term.js';
import { buildEntryNotice } from './build-review-messages.js';

/** Why a term cannot be edited or removed from Slack. */
export function buildCannotChangeTerm(
  text: string,
  found: Exclude<TeamTermLookup, { kind: 'slack' }>,
): SlackMessage {
  return buildEntryNotice(
    found.kind === 'none'
      ? `No glossary term is called ${echo(text)}. Type its exact name: \`/hire glossary\` lists them all.`
      : `*${esc(found.name)}* was not added in Slack: it comes with the guide or the team's files (knowledge/local), and is changed there.`,
  );
}

export const buildNotYoursNotice = (name: string): SlackMessage =>
  buildEntryNotice(
    `Only whoever added *${esc(name)}*, or an admin, may change it. Ask them, or an admin.`,
  );

export const buildRemovedNotice = (name: string): SlackMessage =>
  buildEntryNotice(
    `Removed *${esc(name)}* from the team's glossary. Who removed it and when are kept.`,
  );

export const buildGoneNotice = (name: string): SlackMessage =>
  buildEntryNotice(`*${esc(name)}* was removed meanwhile.`);
