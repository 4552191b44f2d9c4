import type { KnownBlock } from '@slack/types';
import { buildHireMessage } from '../../../kernel/hire-command/blocks/build-hire-message.js';
import { sourceTag } from '../../../kernel/hire-command/blocks/source-tag.js';
import type { Delivery } from '../../../kernel/hire-command/delivery.js';
import { HIRE_ACTIONS } from '../../../kernel/hire-command/hire-command-ids.js';
import type { EntryCredit } from '../../../kernel/knowledge/knowledge-source.js';
import type { GlossaryTerm } from '../../../kernel/knowledge/schemas/glossary-schema.js';
import { context, sections } from '../../../kernel/slack/blocks/block-kit.js';
import type { SlackMessage } from '../../../kernel/slack/blocks/slack-message.js';
import { code, echo, esc } from '../../../kernel/slack/blocks/text.js';

export type GlossaryTermAnswer = {
  term: GlossaryTerm;
  /** How the query found the term; a product match is explained ("Kafka is a message queue"). */
  matchedBy: 'id' | 'name' | 'alias' | 'product';
  label: string;
  /** False when the query only came close (a typo, a prefix): the answer says so. */
  exact: boolean;
  query: string;
  related: GlossaryTerm[];
  /** Who added the term in Slack and when; absent for the guide's and the team files' terms. */
  credit?: EntryCredit;
};

/** Where the term came from; a term added in Slack also says how to change it. */
function sourceLine(answer: GlossaryTermAnswer): string {
  const tag = sourceTag(answer.term, answer.credit);
  return answer.credit === undefined
    ? tag
    : `${tag} · its author or an admin can change it: ${code(`glossary edit ${answer.term.id}`)}`;
}

/** The product sentence: "Kafka is a message queue." */
export function productSentence(label: string, term: GlossaryTerm): string {
  return `${label} is ${term.productNoun ?? `an example of ${term.name}`}.`;
}

export function buildGlossaryTermMessage(
  answer: GlossaryTermAnswer,
  delivery: Delivery,
): SlackMessage {
  const { term } = answer;
  const byProduct = answer.matchedBy === 'product';
  const intro: string[] = [];
  if (byProduct)
    intro.push(`*${esc(productSentence(answer.label, term))}* Here is *${esc(term.name)}*:`);
  else if (answer.matchedBy === 'alias')
    intro.push(`_${esc(answer.label)}_ is another name for *${esc(term.name)}*.`);
  if (!answer.exact) intro.push(`_Closest match for ${echo(answer.query)}._`);

  const meaning = sections([...intro, esc(term.meaning)].join('\n'));
  const items: KnownBlock[][] = [meaning];
  if (term.products.length > 0)
    items.push(
      sections(
        `*Products:* ${term.products.map(esc).join(', ')} — each is ${esc(term.productNoun ?? '')}.`,
      ),
    );
  items.push(sections(`*On a resume*\n${esc(term.onResume)}`));
  items.push(sections(`*Ask to probe real experience*\n> ${esc(term.probe)}`));
  items.push([context(sourceLine(answer))]);
  if (answer.related.length > 0) {
    // A shared copy carries no buttons (a click would change it for everyone), so it names them.
    const line = delivery.sharedBy
      ? `Related terms: ${answer.related.map((t) => esc(t.name)).join(' · ')}`
      : 'Related terms (buttons below):';
    items.push([context(line)]);
  }

  const fallback = byProduct
    ? `${esc(productSentence(answer.label, term))} ${esc(term.name)}: ${esc(term.meaning)}`
    : `${esc(term.name)}: ${esc(term.meaning)}`;
  return buildHireMessage(
    {
      title: term.name,
      fallback,
      items,
      buttons: answer.related.map((t) => ({
        label: t.name,
        actionId: HIRE_ACTIONS.open,
        value: `glossary ${t.id}`,
      })),
    },
    delivery,
  );
}
