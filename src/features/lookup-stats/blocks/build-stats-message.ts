import type { KnownBlock } from '@slack/types';
import { context, header, section } from '../../../kernel/slack/blocks/block-kit.js';
import { escapeMrkdwn } from '../../../kernel/slack/blocks/escape-mrkdwn.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { code, echo } from '../../../kernel/slack/blocks/text.js';
import { KEEP_LOOKUPS_DAYS } from '../lookup-record.js';
import type { LookupSummary } from '../lookup-summary.js';
import { barText, missRow, quoted } from './miss-row.js';

const PRIVACY = `Counted per workspace, never who looked; records are kept ${KEEP_LOOKUPS_DAYS} days.`;

/** A share as a whole percent; a few among many is "<1", never a misleading 0. */
function percent(part: number, whole: number): string {
  const value = whole === 0 ? 0 : Math.round((part / whole) * 100);
  return value === 0 && part > 0 ? '&lt;1' : String(value);
}

function topLine(row: LookupSummary['top'][number]): string {
  // An entry's name comes from the knowledge; a search's words from a person: both escaped.
  const label = row.isEntry ? `*${escapeMrkdwn(row.label)}*` : quoted(row.label);
  return `${barText(row.bar, row.count)}  ${label} · ${escapeMrkdwn(row.module)}`;
}

/** `/hire stats`: the most looked-up entries, the misses with their Add buttons, use per subcommand. */
export function buildStatsMessage(summary: LookupSummary): SlackMessage {
  const period = `the last ${summary.days} days`;
  if (summary.total === 0) {
    return {
      response_type: 'ephemeral',
      text: `No lookups recorded in ${period}.`,
      blocks: [
        section(
          `:bar_chart: *No lookups recorded in ${period}.* They are counted as people use ${code('glossary <term>')}, ${code('search <words>')} and the other lookups.`,
        ),
        context(PRIVACY),
      ],
    };
  }
  const blocks: KnownBlock[] = [
    header(`Lookups in ${period}`),
    section(
      `*${summary.total}* ${summary.total === 1 ? 'lookup' : 'lookups'}; *${summary.missTotal}* found nothing (${percent(summary.missTotal, summary.total)}%).`,
    ),
    section(
      summary.top.length === 0
        ? '*Most looked up*\nNothing was found yet in this period.'
        : `*Most looked up*\n${summary.top.map(topLine).join('\n')}`,
    ),
    section(
      summary.misses.length === 0
        ? '*Not found*\nEvery lookup found something. :tada:'
        : '*Not found* · the team’s glossary gaps',
    ),
    ...summary.misses.map((miss, i) => missRow(miss, i + 1)),
    section(
      `*Use per subcommand*\n${summary.bySubcommand
        .map(
          (row) =>
            `${barText(row.bar, row.count)}  ${escapeMrkdwn(row.subcommand)}${row.misses > 0 ? ` (${row.misses} not found)` : ''}`,
        )
        .join('\n')}`,
    ),
    context(PRIVACY),
  ];
  const topMiss = summary.misses[0];
  return {
    response_type: 'ephemeral',
    text: `Lookups in ${period}: ${summary.total}, ${summary.missTotal} found nothing${topMiss ? `; most missed: ${quoted(topMiss.query)}` : ''}.`,
    blocks,
  };
}

/** A period `/hire stats` does not know: what it accepts. Changes nothing. */
export function buildStatsPeriodMessage(given: string): SlackMessage {
  const text = `I can show the last 7 days or the last 30, not ${echo(given)}: ${code('stats 7d')} (the default) or ${code('stats 30d')}.`;
  return { response_type: 'ephemeral', text, blocks: [section(`:bar_chart: ${text}`)] };
}
