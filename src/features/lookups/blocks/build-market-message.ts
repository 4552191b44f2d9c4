import { buildHireMessage } from '../../../kernel/hire-command/blocks/build-hire-message.js';
import type { Delivery } from '../../../kernel/hire-command/delivery.js';
import type { Market } from '../../../kernel/knowledge/schemas/market-schema.js';
import { fieldSections, sections } from '../../../kernel/slack/blocks/block-kit.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { esc, escList } from '../../../kernel/slack/blocks/text.js';

const DIFFICULTY: Record<Market['difficulty'], string> = {
  easy: 'Easy',
  moderate: 'Moderate',
  hard: 'Hard',
  'very-hard': 'Very hard',
};

const usd = (n: number) => (n >= 1000 ? `$${Math.round(n / 1000)}k` : `$${n}`);

/** Salary, difficulty and time to hire. */
export function buildMarketMessage(market: Market, delivery: Delivery): SlackMessage {
  const salary = `${usd(market.seniorSalaryUsd.min)} – ${usd(market.seniorSalaryUsd.max)}`;
  const weeks = `${market.timeToHireWeeks.min}–${market.timeToHireWeeks.max} weeks`;
  return buildHireMessage(
    {
      title: 'Market snapshot',
      fallback: `Senior salary (${esc(market.region)}): ${salary}. Hiring difficulty: ${DIFFICULTY[market.difficulty]}. Time to hire: ${weeks}.`,
      items: [
        fieldSections([
          `*Senior salary (${esc(market.region)})*\n${salary}`,
          `*Hiring difficulty*\n${DIFFICULTY[market.difficulty]}`,
          `*Average time to hire*\n${weeks}`,
        ]),
        ...(market.notes.length > 0 ? [sections(escList(market.notes.map((n) => n.text)))] : []),
      ],
    },
    delivery,
  );
}
