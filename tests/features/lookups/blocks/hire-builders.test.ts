import { describe, expect, it } from 'vitest';
import { checkMessageLimits } from '../../../../src/dev/slack-limits.js';
import { buildCompareMessage } from '../../../../src/features/lookups/blocks/build-compare-message.js';
import { buildExpectationsMessage } from '../../../../src/features/lookups/blocks/build-expectations-message.js';
import { buildGlossaryListMessage } from '../../../../src/features/lookups/blocks/build-glossary-list-message.js';
import { buildGlossaryNoMatchMessage } from '../../../../src/features/lookups/blocks/build-glossary-no-match-message.js';
import { buildGlossaryTermMessage } from '../../../../src/features/lookups/blocks/build-glossary-term-message.js';
import {
  buildLevelDetailMessage,
  buildLevelsMessage,
} from '../../../../src/features/lookups/blocks/build-levels-message.js';
import { buildMarketMessage } from '../../../../src/features/lookups/blocks/build-market-message.js';
import { buildMistakesMessage } from '../../../../src/features/lookups/blocks/build-mistakes-message.js';
import { buildPickListMessage } from '../../../../src/features/lookups/blocks/build-pick-list-message.js';
import {
  buildChooseLevelMessage,
  buildQuestionsMessage,
} from '../../../../src/features/lookups/blocks/build-questions-message.js';
import { buildSearchMessage } from '../../../../src/features/lookups/blocks/build-search-message.js';
import { buildSkillsMessage } from '../../../../src/features/lookups/blocks/build-skills-message.js';
import {
  buildLanguagePoolMessage,
  buildSourcesMessage,
} from '../../../../src/features/lookups/blocks/build-sources-message.js';
import { LOOKUP_ACTIONS } from '../../../../src/features/lookups/lookups-ids.js';
import { buildFlagsMessage } from '../../../../src/features/resume-flags/blocks/build-flags-message.js';
import { buildHelpMessage } from '../../../../src/kernel/hire-command/blocks/build-help-message.js';
import { HIRE_ACTIONS } from '../../../../src/kernel/hire-command/hire-command-ids.js';
import type { SlackMessage } from '../../../../src/kernel/slack/blocks/slack-message.js';
import { hire } from '../../../support/answer-hire.js';
import { defined } from '../../../support/defined.js';
import { fixtureKnowledge } from '../../../support/fixture-knowledge.js';
import { allText, buttonsOf } from '../../../support/hire-message-helpers.js';

const k = fixtureKnowledge();
const term = (id: string) =>
  defined(
    k.glossary.terms.find((t) => t.id === id),
    id,
  );
const level = (id: string) =>
  defined(
    k.levels.levels.find((l) => l.id === id),
    id,
  );
const areaNames = new Map(k.questions.areas.map((a) => [a.id as string, a.name]));
const d = (command: string) => ({ command });

/** Each builder on fixture content; snapshots catch layout changes, assertions pin the essentials. */
const messages: Record<string, SlackMessage> = {
  'glossary term by product': buildGlossaryTermMessage(
    {
      term: term('message-queue'),
      matchedBy: 'product',
      label: 'Kafka',
      exact: true,
      query: 'Kafka',
      related: [term('pub-sub')],
    },
    d('glossary Kafka'),
  ),
  'glossary term by typo': buildGlossaryTermMessage(
    {
      term: term('latency'),
      matchedBy: 'name',
      label: 'Latency',
      exact: false,
      query: 'latancy',
      related: [],
    },
    d('glossary latency'),
  ),
  'pick list': buildPickListMessage(
    'load',
    [term('load-balancer'), term('load-testing')],
    d('glossary load'),
  ),
  'no match': buildGlossaryNoMatchMessage('zzz', [term('latency')], d('glossary zzz')),
  'glossary list': buildGlossaryListMessage(k.glossary.terms, d('glossary')),
  questions: buildQuestionsMessage(
    {
      level: level('senior'),
      questions: k.questions.questions.slice(0, 3),
      areaNames,
      set: 1,
      setCount: 2,
      total: 6,
      nextCommand: 'questions senior #2',
    },
    d('questions senior'),
  ),
  'choose level': buildChooseLevelMessage(k.levels.levels, 'Which level?', d('questions')),
  levels: buildLevelsMessage(k.levels.levels, undefined, d('levels')),
  'level detail': buildLevelDetailMessage(level('mid'), d('levels mid')),
  expectations: buildExpectationsMessage(
    k.expectations.aspects,
    { single: false },
    d('expectations'),
  ),
  flags: buildFlagsMessage(k.resumeFlags.flags, d('flags')),
  mistakes: buildMistakesMessage(k.mistakes.mistakes, { single: false }, d('mistakes')),
  sources: buildSourcesMessage(k.sourcing, undefined, d('sources')),
  'language pool': buildLanguagePoolMessage(
    defined(k.sourcing.languagePools[0], 'a language pool'),
    d('sources Go'),
  ),
  market: buildMarketMessage(k.market, d('market')),
  compare: buildCompareMessage(k.comparison, d('compare')),
  skills: buildSkillsMessage(
    k.skills.skills.map((skill) => ({ skill, terms: [] })),
    { single: false },
    d('skills'),
  ),
  search: buildSearchMessage(
    'queue',
    [
      {
        module: 'glossary',
        label: 'Glossary',
        hits: [
          {
            id: 'glossary/message-queue',
            title: 'Message Queue',
            command: 'glossary message-queue',
            score: 1,
          },
        ],
      },
    ],
    d('search queue'),
  ),
  'search none': buildSearchMessage('<!channel>', [], d('search <!channel>')),
  help: buildHelpMessage({ kind: 'help' }, hire.helpLines),
};

describe('hire builders', () => {
  it.each(Object.entries(messages))('%s: within limits, ephemeral, shareable', (_, message) => {
    expect(checkMessageLimits(message)).toEqual([]);
    expect(message.response_type).toBe('ephemeral');
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.blocks[0]?.type).toBe('header');
    expect(buttonsOf(message).filter((b) => b.action_id === HIRE_ACTIONS.share)).toHaveLength(1);
  });

  it.each(Object.entries(messages))('%s matches its snapshot', (_, message) => {
    expect(message).toMatchSnapshot();
  });

  it('says why a product matched, shows products, resume, probe and related buttons', () => {
    const message = defined(messages['glossary term by product'], 'message');
    const text = allText(message);
    expect(text).toContain('*Kafka is a message queue.*');
    expect(text).toContain('Kafka, RabbitMQ, Amazon SQS');
    expect(text).toContain('*On a resume*');
    expect(text).toContain('What happened when a consumer fell behind?');
    expect(buttonsOf(message).find((b) => b.text.text === 'Pub/Sub')).toMatchObject({
      action_id: HIRE_ACTIONS.open,
      value: 'glossary pub-sub',
    });
  });

  it('says when a term is only the closest match, escaping the query', () => {
    expect(allText(defined(messages['glossary term by typo'], 'message'))).toContain(
      'Closest match for “latancy”',
    );
    expect(allText(defined(messages['search none'], 'message'))).toContain('“&lt;!channel&gt;”');
  });

  it('puts each question with look-for, red flags and follow-ups, and an Another question button', () => {
    const message = defined(messages.questions, 'message');
    expect(allText(message)).toMatch(/Look for[\s\S]*Red flags[\s\S]*Follow-ups/);
    expect(
      buttonsOf(message).find((b) => b.action_id === LOOKUP_ACTIONS.anotherQuestion)?.value,
    ).toBe('questions senior #2');
  });

  it('splits a section longer than 3,000 chars instead of cutting it', () => {
    const long = { ...term('latency'), meaning: 'word '.repeat(1500).trim() };
    const message = buildGlossaryTermMessage(
      {
        term: long,
        matchedBy: 'name',
        label: 'Latency',
        exact: true,
        query: 'latency',
        related: [],
      },
      d('glossary latency'),
    );
    expect(checkMessageLimits(message)).toEqual([]);
    expect(allText(message).match(/word/g)?.length).toBeGreaterThanOrEqual(1500);
  });

  it('gives repeated buttons in one actions block distinct action ids', () => {
    const message = buildHelpMessage({ kind: 'help' }, hire.helpLines);
    const ids = buttonsOf(message).map((b) => b.action_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(`${HIRE_ACTIONS.open}:2`);
  });
});
