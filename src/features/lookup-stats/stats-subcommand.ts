import { z } from 'zod';
import { wordsSchema } from '../../kernel/hire-command/parse-args.js';
import { defineSubcommand, reply, slackOnly } from '../../kernel/hire-command/subcommand.js';
import { buildStatsPeriodMessage } from './blocks/build-stats-message.js';
import { showStatsFollowUp } from './show-stats.js';

const statsRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stats'), days: z.union([z.literal(7), z.literal(30)]) }),
  /** Words that name no period: answered with the periods there are. */
  z.object({ kind: z.literal('stats-period-unknown'), given: wordsSchema }),
]);

const PERIODS: Record<string, 7 | 30> = {
  '': 7,
  '7': 7,
  '7d': 7,
  '7 d': 7,
  '7 days': 7,
  '1w': 7,
  week: 7,
  '30': 30,
  '30d': 30,
  '30 d': 30,
  '30 days': 30,
  month: 30,
};

/** `/hire stats [7d|30d]`: what people look up and do not find, read from the store. */
export const statsSubcommand = defineSubcommand({
  name: 'stats',
  aliases: ['stats', 'statistics', 'lookup stats'],
  help: [
    {
      usage: 'stats [7d|30d]',
      example: 'stats 30d',
      what: 'What people look up most and do not find, with buttons to add the missing terms (Slack only).',
    },
  ],
  request: statsRequest,
  read(args) {
    const words = args.trim().toLowerCase().replace(/\s+/g, ' ');
    const days = PERIODS[words.replace(/^(?:last|the last|past) /, '')];
    return days === undefined
      ? { kind: 'stats-period-unknown' as const, given: args }
      : { kind: 'stats' as const, days };
  },
  answer(request) {
    if (request.kind === 'stats-period-unknown')
      return reply(buildStatsPeriodMessage(request.given));
    return { followUp: showStatsFollowUp(request.days), elsewhere: slackOnly('stats') };
  },
});
