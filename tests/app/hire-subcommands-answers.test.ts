import { describe, expect, it } from 'vitest';
import { checkMessageLimits } from '../../src/dev/slack-limits.js';
import { LOOKUP_ACTIONS } from '../../src/features/lookups/lookups-ids.js';
import {
  HIRE_ACTION_PATTERNS,
  HIRE_ACTIONS,
} from '../../src/kernel/hire-command/hire-command-ids.js';
import { answerContext, answerHire, hire } from '../support/answer-hire.js';
import { defined } from '../support/defined.js';
import { fixtureKnowledge } from '../support/fixture-knowledge.js';
import { allText, buttonsOf } from '../support/hire-message-helpers.js';
import { tryLoadRealKnowledge } from '../support/real-knowledge.js';

const knowledge = fixtureKnowledge();
const ctx = answerContext(knowledge);
const share = (text: string) =>
  buttonsOf(answerHire(text, ctx)).find((b) => b.action_id === HIRE_ACTIONS.share);

describe('/hire answers', () => {
  it('answers privately with a Share button whose value is the canonical command', () => {
    const message = answerHire('define LOAD-BALANCER', ctx);
    expect(message.response_type).toBe('ephemeral');
    expect(share('define LOAD-BALANCER')?.value).toBe('glossary load-balancer');
    expect(message.text).toContain('Load Balancer');
    expect(checkMessageLimits(message)).toEqual([]);
  });

  it('explains a product match and keeps the product in the shared command', () => {
    const message = answerHire('glossary kafka', ctx);
    expect(message.text).toMatch(/^Kafka is a message queue\./);
    expect(allText(message)).toContain('What happened when a consumer fell behind?');
    expect(share('glossary kafka')?.value).toBe('glossary Kafka');
    const related = buttonsOf(message).filter((b) => HIRE_ACTION_PATTERNS.open.test(b.action_id));
    expect(related.map((b) => b.value)).toEqual(['glossary pub-sub']);
  });

  it('offers a pick list with one button per close term', () => {
    const message = answerHire('glossary load', ctx);
    const values = buttonsOf(message)
      .filter((b) => b.action_id === HIRE_ACTIONS.open)
      .map((b) => b.value);
    expect(values.sort()).toEqual(['glossary load-balancer', 'glossary load-testing']);
  });

  it('answers a miss with the nearest terms and how to list all', () => {
    const message = answerHire('glossary containerisationing', ctx);
    expect(message.text).toContain('No glossary term matches');
    expect(allText(message)).toContain('/hire glossary');
    expect(buttonsOf(message).map((b) => b.value)).toContain('glossary container');
  });

  it('never lets echoed user text ping or link', () => {
    for (const text of [
      'glossary <!channel>',
      '<!here> hi',
      'search <@U123> <http://evil|x>',
      'questions <!everyone>',
    ]) {
      const rendered = allText(answerHire(text, ctx));
      expect(rendered, text).not.toMatch(/<!|<@|<http/);
      expect(rendered, text).toMatch(/&lt;/);
    }
  });

  it('builds the in-channel version for sharedBy, without buttons', () => {
    const message = answerHire('glossary kafka', ctx, { sharedBy: 'U0123ABC' });
    expect(message.response_type).toBe('in_channel');
    expect(buttonsOf(message)).toEqual([]);
    expect(allText(message)).toContain('Shared by <@U0123ABC>');
    // Without buttons, the related terms are named instead of pointed at.
    expect(allText(message)).toContain('Related terms: Pub/Sub');
    expect(allText(message)).not.toContain('buttons below');
  });

  it('does not put an invalid sharedBy id into a mention', () => {
    const message = answerHire('glossary kafka', ctx, { sharedBy: 'U1> <!channel' });
    expect(allText(message)).not.toContain('<!channel');
    expect(allText(message)).toContain('Shared by a teammate');
  });

  it('gives a different, deterministic set of questions for "Another question"', () => {
    const first = answerHire('questions senior', ctx);
    const another = buttonsOf(first).find((b) => b.action_id === LOOKUP_ACTIONS.anotherQuestion);
    expect(another?.value).toBe('questions senior #2');
    const second = answerHire(another?.value ?? '', ctx);
    expect(allText(second)).not.toEqual(allText(first));
    expect(answerHire('questions senior #2', ctx)).toEqual(second);
    // Past the last set it wraps around to the first.
    const back = buttonsOf(second).find((b) => b.action_id === LOOKUP_ACTIONS.anotherQuestion);
    expect(back?.value).toBe('questions senior');
  });

  it('filters questions by level and area', () => {
    const text = allText(answerHire('questions jr databases', ctx));
    expect(text).toContain('A query got slow overnight');
    expect(text).not.toContain('link shortener');
    expect(share('questions 5+ years db')?.value).toBe('questions senior databases');
  });

  it('lists the valid levels for an unknown level, and explains an unknown area', () => {
    const message = answerHire('questions wizard', ctx);
    expect(message.text).toContain('is not a level I know');
    expect(buttonsOf(message).map((b) => b.value)).toEqual(
      expect.arrayContaining([
        'questions junior',
        'questions mid',
        'questions senior',
        'questions staff',
      ]),
    );
    expect(answerHire('questions senior cooking', ctx).blocks.length).toBeGreaterThan(2);
    expect(allText(answerHire('questions senior cooking', ctx))).toContain(
      'is not an interview area',
    );
  });

  it('answers levels, expectations, flags, mistakes, sources, market, compare and skills', () => {
    expect(allText(answerHire('levels', ctx))).toContain('Staff+');
    expect(allText(answerHire('levels sr', ctx))).toContain('Senior capability');
    expect(allText(answerHire('expectations oncall', ctx))).toContain('A fair rotation');
    expect(allText(answerHire('expectations', ctx))).toContain('A role with nowhere to go');
    const flags = allText(answerHire('flags', ctx));
    expect(flags).toContain('Green flags');
    expect(flags).toContain('Generic backend claims');
    expect(allText(answerHire('mistakes', ctx))).toContain('Puzzle-heavy interviews');
    expect(allText(answerHire('sources golang', ctx))).toContain('GopherCon');
    expect(allText(answerHire('market', ctx))).toContain('$160k – $220k');
    expect(allText(answerHire('compare', ctx))).toContain('Small teams');
    expect(allText(answerHire('skills api', ctx))).toContain('Versioning strategy');
  });

  it('groups search results by module', () => {
    const text = allText(answerHire('search design', ctx));
    expect(text).toMatch(/Interview questions[\s\S]*Core skills/);
    expect(text).toContain('/hire skills api-design');
  });

  it('shows usage with examples and a "did you mean" button', () => {
    expect(allText(answerHire('', ctx))).toContain('/hire questions senior databases');
    const message = answerHire('glosary kafka', ctx);
    expect(message.text).toContain('Did you mean `/hire glossary kafka`?');
    expect(buttonsOf(message).find((b) => b.value === 'glossary kafka')?.text.text).toBe(
      'Try /hire glossary …',
    );
  });

  it('points remind and flags recent at Slack when asked directly', () => {
    expect(answerHire('remind daily 9am', ctx).text).toContain('works only inside Slack');
    expect('followUp' in hire.run('remind daily 9am', ctx)).toBe(true);
    expect(answerHire('flags recent', ctx).text).toContain('works only inside Slack');
  });

  it('pages long lists with Next and Previous buttons that the parser understands', () => {
    // Forty copies of the glossary make a list too long for one message.
    const many = fixtureKnowledge();
    many.glossary.terms = Array.from({ length: 120 }, (_, i) => ({
      ...defined(knowledge.glossary.terms[0], 'a term'),
      id: `term-${i}`,
      name: `Term ${i}`,
      related: [],
    }));
    const big = answerContext(many);
    const first = answerHire('glossary', big);
    expect(checkMessageLimits(first)).toEqual([]);
    const next = buttonsOf(first).find((b) => b.text.text === 'Next page');
    expect(next?.value).toBe('glossary page 2');
    const second = answerHire(next?.value ?? '', big);
    expect(checkMessageLimits(second)).toEqual([]);
    expect(buttonsOf(second).find((b) => b.text.text === 'Previous page')?.value).toBe('glossary');
    // Every term appears on exactly one page.
    const seen: string[] = [];
    for (let page = 1; page < 20; page++) {
      const message = answerHire(`glossary page ${page}`, big);
      seen.push(
        ...buttonsOf(message).flatMap((b) =>
          b.value?.startsWith('glossary term-') ? [b.value] : [],
        ),
      );
      if (!buttonsOf(message).some((b) => b.text.text === 'Next page')) break;
    }
    expect(seen.sort()).toEqual(many.glossary.terms.map((t) => `glossary ${t.id}`).sort());
  });
});

const real = tryLoadRealKnowledge();

describe('answerHire (real knowledge)', () => {
  // Skips only while knowledge/*.yml is still being written by other helpers.
  it.skipIf(real.knowledge === undefined)(
    `answers the issue's examples within Slack's limits (skipped if knowledge does not load: ${real.reason ?? 'loads'})`,
    () => {
      const k = defined(real.knowledge, 'real knowledge');
      const realCtx = answerContext(k);
      expect(answerHire('glossary Kafka', realCtx).text).toMatch(/^Kafka is /);
      expect(answerHire('glossary latancy', realCtx).blocks[0]).toMatchObject({
        text: { text: 'Latency' },
      });
      for (const text of [
        'glossary',
        'questions senior',
        'questions jr databases',
        'levels',
        'expectations',
        'flags',
        'mistakes',
        'sources',
        'market',
        'compare',
        'skills',
        'search database',
        'help',
      ]) {
        expect(checkMessageLimits(answerHire(text, realCtx)), text).toEqual([]);
      }
    },
  );
});
