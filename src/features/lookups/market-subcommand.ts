import { z } from 'zod';
import { deliveryOf } from '../../kernel/hire-command/delivery.js';
import { pageSchema, takePage } from '../../kernel/hire-command/parse-args.js';
import { defineSubcommand, reply } from '../../kernel/hire-command/subcommand.js';
import { buildMarketMessage } from './blocks/build-market-message.js';

const marketRequest = z.object({ kind: z.literal('market'), page: pageSchema });

/** `/hire market`: salary range, hiring difficulty, time to hire. */
export const marketSubcommand = defineSubcommand({
  name: 'market',
  aliases: ['market', 'salary', 'salaries'],
  help: [
    { usage: 'market', example: 'market', what: 'Salary range, hiring difficulty, time to hire.' },
  ],
  request: marketRequest,
  read: (args) => ({ kind: 'market' as const, page: takePage(args).page }),
  answer: (request, ctx) =>
    reply(buildMarketMessage(ctx.knowledge.market, deliveryOf(ctx, 'market', request.page))),
});
