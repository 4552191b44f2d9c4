import type { EntryCredit } from '../../knowledge/knowledge-source.js';
import type { EntrySource } from '../../knowledge/schemas/common.js';
import { dateToken, mention } from '../../slack/blocks/text.js';

type Sourced = { source: EntrySource; projectFields?: readonly string[] };

/** `followUps` → `follow-ups`: field names as a reader would say them. */
const fieldWords = (field: string) => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Where an entry comes from, as one italic mrkdwn line for the end of its text: the guide,
 * hire-bot's own additions beyond it, or the team (with who added it in Slack, and when).
 */
export function sourceTag(entry: Sourced, credit?: EntryCredit): string {
  if (entry.source === 'team')
    return credit === undefined
      ? "_Your team's own_"
      : `_Your team's own · added by ${mention(credit.addedBy)} on ${dateToken(credit.addedAt)}_`;
  if (entry.source === 'project') return "_hire-bot's own, beyond the guide_";
  const own = entry.projectFields ?? [];
  return own.length === 0
    ? '_From the guide_'
    : `_From the guide (the ${own.map(fieldWords).join(', ')}: hire-bot's own)_`;
}
