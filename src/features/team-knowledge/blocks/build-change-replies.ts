import { truncate } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { code, echo, esc } from '../../../kernel/slack/blocks/text.js';
import type { TeamEntryLookup } from '../find-team-entry.js';
import type { TeamEntryModule } from '../team-entry.js';
import { buildEntryNotice } from './build-review-messages.js';

/** An entry's name or question as a bold title, escaped and kept short. */
const title = (name: string) => `*${esc(truncate(name, 120))}*`;

const where = (module: TeamEntryModule) =>
  module === 'glossary' ? "the team's glossary" : "the team's interview questions";

/** Why an entry cannot be edited or removed from Slack: not found, or not added there. */
export function buildCannotChangeEntry(
  module: TeamEntryModule,
  text: string,
  found: Exclude<TeamEntryLookup, { kind: 'slack' }>,
): SlackMessage {
  if (found.kind === 'elsewhere')
    return buildEntryNotice(
      `${title(found.name)} was not added in Slack: it comes with the guide or the team's files (knowledge/local). Change it in the team's files.`,
    );
  return buildEntryNotice(
    module === 'glossary'
      ? `No glossary term is called ${echo(text)}. Type its exact name: ${code('glossary')} lists them all.`
      : `No interview question has the id ${echo(text)}. A question the team added in Slack shows its id at the end of its answer (${code('questions senior')}, for instance): ${code('questions edit <id>')}.`,
  );
}

export const buildNotYoursNotice = (name: string): SlackMessage =>
  buildEntryNotice(
    `Only whoever added ${title(name)}, or an admin, may change it. Ask them, or an admin.`,
  );

export const buildRemovedNotice = (module: TeamEntryModule, name: string): SlackMessage =>
  buildEntryNotice(
    `Removed ${title(name)} from ${where(module)}. Who removed it and when are kept.`,
  );

export const buildGoneNotice = (module: TeamEntryModule, name: string): SlackMessage =>
  buildEntryNotice(
    `${title(name)} is no longer among ${where(module)}: it was removed or not accepted.`,
  );
