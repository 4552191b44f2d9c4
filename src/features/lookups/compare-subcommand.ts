import { z } from 'zod';
import { deliveryOf } from '../../kernel/hire-command/delivery.js';
import { pageSchema, takePage } from '../../kernel/hire-command/parse-args.js';
import { defineSubcommand, reply } from '../../kernel/hire-command/subcommand.js';
import { buildCompareMessage } from './blocks/build-compare-message.js';

const compareRequest = z.object({ kind: z.literal('compare'), page: pageSchema });

/** `/hire compare`: a backend specialist or a full-stack engineer, and when each fits. */
export const compareSubcommand = defineSubcommand({
  name: 'compare',
  aliases: ['compare', 'comparison', 'fullstack', 'full-stack', 'backend vs full-stack'],
  help: [
    { usage: 'compare', example: 'compare', what: 'Backend specialist or full-stack engineer?' },
  ],
  request: compareRequest,
  read: (args) => ({ kind: 'compare' as const, page: takePage(args).page }),
  answer: (request, ctx) =>
    reply(buildCompareMessage(ctx.knowledge.comparison, deliveryOf(ctx, 'compare', request.page))),
});
