import { buildCompareMessage } from '../../features/lookups/blocks/build-compare-message.js';
import { buildExpectationsMessage } from '../../features/lookups/blocks/build-expectations-message.js';
import { buildGlossaryListMessage } from '../../features/lookups/blocks/build-glossary-list-message.js';
import { buildGlossaryNoMatchMessage } from '../../features/lookups/blocks/build-glossary-no-match-message.js';
import { buildGlossaryTermMessage } from '../../features/lookups/blocks/build-glossary-term-message.js';
import {
  buildLevelDetailMessage,
  buildLevelsMessage,
} from '../../features/lookups/blocks/build-levels-message.js';
import { buildMarketMessage } from '../../features/lookups/blocks/build-market-message.js';
import { buildMistakesMessage } from '../../features/lookups/blocks/build-mistakes-message.js';
import { buildPickListMessage } from '../../features/lookups/blocks/build-pick-list-message.js';
import {
  buildChooseLevelMessage,
  buildQuestionsMessage,
} from '../../features/lookups/blocks/build-questions-message.js';
import { buildSearchMessage } from '../../features/lookups/blocks/build-search-message.js';
import { buildSkillsMessage } from '../../features/lookups/blocks/build-skills-message.js';
import {
  buildLanguagePoolMessage,
  buildSourcesMessage,
} from '../../features/lookups/blocks/build-sources-message.js';
import { pickQuestionSet } from '../../features/lookups/question-sets.js';
import { buildFlagsMessage } from '../../features/resume-flags/blocks/build-flags-message.js';
import type { GlossaryTerm } from '../knowledge/schemas/glossary-schema.js';
import type { Knowledge } from '../knowledge/schemas/knowledge-modules.js';
import type { EntryKind, KnowledgeLookup } from '../knowledge/search/knowledge-lookup.js';
import type { SlackMessage } from '../slack/blocks/slack-message.js';
import { code, echo, esc } from '../slack/blocks/text.js';
import { buildHelpMessage } from './build-help-message.js';
import type { Delivery } from './hire-message.js';
import type { HireRequest } from './hire-request.js';
import { parseHireCommand } from './parse-hire-command.js';

export type HireContext = { knowledge: Knowledge; lookup: KnowledgeLookup };
export type HireAnswerOptions = { sharedBy?: string };

type Req<K extends HireRequest['kind']> = Extract<HireRequest, { kind: K }>;
type Deliver = (command: string) => Delivery;

const notFound = (what: string, text: string, listing: string) =>
  `No ${what} matches ${echo(text)}; here are all ${listing}.`;

/** The entry `text` names in `kind`, or undefined plus a notice saying nothing matched. */
function resolve(
  ctx: HireContext,
  kind: EntryKind,
  text: string | undefined,
  what: string,
  listing: string,
) {
  if (text === undefined) return { id: undefined, notice: undefined };
  const id = ctx.lookup.findEntry(kind, text);
  return id === undefined
    ? { id, notice: notFound(what, text, listing) }
    : { id, notice: undefined };
}

function glossary(request: Req<'glossary'>, ctx: HireContext, deliver: Deliver): SlackMessage {
  if (request.term === undefined)
    return buildGlossaryListMessage(ctx.knowledge.glossary.terms, deliver('glossary'));
  const result = ctx.lookup.findTerm(request.term);
  if (result.kind === 'choices')
    return buildPickListMessage(
      request.term,
      result.choices.map((c) => c.term),
      deliver(`glossary ${request.term}`),
    );
  if (result.kind === 'none')
    return buildGlossaryNoMatchMessage(
      request.term,
      result.nearest,
      deliver(`glossary ${request.term}`),
    );
  const { term, matchedBy, label, exact } = result.match;
  const related = term.related
    .map((id) => ctx.lookup.term(id))
    .filter((t): t is GlossaryTerm => t !== undefined);
  // A product match keeps the product in the shared command so the shared copy explains it too.
  const command = matchedBy === 'product' ? `glossary ${label}` : `glossary ${term.id}`;
  return buildGlossaryTermMessage(
    { term, matchedBy, label, exact, query: request.term, related },
    deliver(command),
  );
}

function questions(request: Req<'questions'>, ctx: HireContext, deliver: Deliver): SlackMessage {
  const { knowledge } = ctx;
  const levels = knowledge.levels.levels;
  const areaNames = new Map(knowledge.questions.areas.map((a) => [a.id as string, a.name]));
  if (request.level === undefined) {
    const questionId = request.levelText && ctx.lookup.findEntry('question', request.levelText);
    const question = knowledge.questions.questions.find((q) => q.id === questionId);
    if (
      question !== undefined &&
      request.levelText !== undefined &&
      /^[a-z0-9-]+$/i.test(request.levelText.trim())
    ) {
      return buildQuestionsMessage(
        { questions: [question], areaNames, set: 1, setCount: 1, total: 1 },
        deliver(`questions ${question.id}`),
      );
    }
    const notice =
      request.levelText === undefined
        ? 'Which level are you interviewing for?'
        : `${echo(request.levelText)} is not a level I know. Pick one of these:`;
    return buildChooseLevelMessage(
      levels,
      notice,
      deliver(`questions${request.levelText ? ` ${request.levelText}` : ''}`),
    );
  }
  const level = levels.find((l) => l.id === request.level);
  let areaId = request.area === undefined ? undefined : ctx.lookup.findEntry('area', request.area);
  let notice: string | undefined;
  if (request.area !== undefined && areaId === undefined) {
    notice = `${echo(request.area)} is not an interview area; areas are ${knowledge.questions.areas.map((a) => esc(a.name)).join(', ')}. Here are ${esc(level?.name ?? request.level)} questions from every area.`;
  }
  let picked = pickQuestionSet(knowledge.questions.questions, request.level, areaId, request.set);
  if (picked.total === 0 && areaId !== undefined) {
    notice = `No ${esc(level?.name ?? request.level)} questions on ${esc(areaNames.get(areaId) ?? areaId)} yet; here are questions from every area.`;
    areaId = undefined;
    picked = pickQuestionSet(knowledge.questions.questions, request.level, undefined, request.set);
  }
  const base = `questions ${request.level}${areaId === undefined ? '' : ` ${areaId}`}`;
  const setCommand = (set: number) => (set > 1 ? `${base} #${set}` : base);
  const command = setCommand(picked.set);
  const next = picked.setCount > 1 ? setCommand((picked.set % picked.setCount) + 1) : undefined;
  if (picked.total === 0) {
    return buildChooseLevelMessage(
      levels,
      `There are no ${esc(level?.name ?? request.level)} questions yet.`,
      deliver(command),
    );
  }
  return buildQuestionsMessage(
    {
      level,
      areaName: areaId && areaNames.get(areaId),
      ...picked,
      areaNames,
      nextCommand: next,
      notice,
    },
    deliver(command),
  );
}

function levelsAnswer(request: Req<'levels'>, ctx: HireContext, deliver: Deliver): SlackMessage {
  const all = ctx.knowledge.levels.levels;
  const level = all.find((l) => l.id === request.level);
  if (level !== undefined) return buildLevelDetailMessage(level, deliver(`levels ${level.id}`));
  const notice =
    request.levelText === undefined ? undefined : notFound('level', request.levelText, 'levels');
  return buildLevelsMessage(all, notice, deliver('levels'));
}

/** Answers a parsed request. `remind` and `flags recent` need Slack; they get a pointer there. */
export function answerHireRequest(
  request: HireRequest,
  ctx: HireContext,
  options: HireAnswerOptions = {},
): SlackMessage {
  const page = 'page' in request ? request.page : 1;
  const deliver: Deliver = (command) => ({ command, page, sharedBy: options.sharedBy });
  const { knowledge } = ctx;
  switch (request.kind) {
    case 'glossary':
      return glossary(request, ctx, deliver);
    case 'questions':
      return questions(request, ctx, deliver);
    case 'levels':
      return levelsAnswer(request, ctx, deliver);
    case 'expectations': {
      const { id, notice } = resolve(ctx, 'aspect', request.aspect, 'aspect', 'aspects');
      const aspects = knowledge.expectations.aspects.filter((a) => id === undefined || a.id === id);
      return buildExpectationsMessage(
        aspects,
        { notice, single: id !== undefined },
        deliver(id ? `expectations ${id}` : 'expectations'),
      );
    }
    case 'flags':
      return buildFlagsMessage(knowledge.resumeFlags.flags, deliver('flags'));
    case 'mistakes': {
      const { id, notice } = resolve(ctx, 'mistake', request.topic, 'mistake', 'mistakes');
      const mistakes = knowledge.mistakes.mistakes.filter((m) => id === undefined || m.id === id);
      return buildMistakesMessage(
        mistakes,
        { notice, single: id !== undefined },
        deliver(id ? `mistakes ${id}` : 'mistakes'),
      );
    }
    case 'sources': {
      const { id, notice } = resolve(ctx, 'language', request.language, 'language', 'sources');
      const pool = knowledge.sourcing.languagePools.find((p) => p.language === id);
      if (pool !== undefined)
        return buildLanguagePoolMessage(pool, deliver(`sources ${pool.language}`));
      return buildSourcesMessage(knowledge.sourcing, notice, deliver('sources'));
    }
    case 'market':
      return buildMarketMessage(knowledge.market, deliver('market'));
    case 'compare':
      return buildCompareMessage(knowledge.comparison, deliver('compare'));
    case 'skills': {
      const { id, notice } = resolve(ctx, 'skill', request.topic, 'skill', 'skills');
      const skills = knowledge.skills.skills
        .filter((s) => id === undefined || s.id === id)
        .map((skill) => ({
          skill,
          terms: skill.terms
            .map((t) => ctx.lookup.term(t))
            .filter((t): t is GlossaryTerm => t !== undefined),
        }));
      return buildSkillsMessage(
        skills,
        { notice, single: id !== undefined },
        deliver(id ? `skills ${id}` : 'skills'),
      );
    }
    case 'search':
      if (request.words === undefined)
        return buildHelpMessage(
          { notice: `What should I look for? For example ${code('search outage')}.` },
          deliver('help'),
        );
      return buildSearchMessage(
        request.words,
        ctx.lookup.search(request.words),
        deliver(`search ${request.words}`),
      );
    case 'remind':
    case 'flags-recent': {
      const what = request.kind === 'remind' ? code('remind …') : code('flags recent');
      return buildHelpMessage(
        {
          notice: `${what} works only inside Slack (or the local sandbox: \`npm start\` without Slack credentials).`,
        },
        deliver('help'),
      );
    }
    case 'help':
      return help(request, deliver);
  }
}

function help(request: Req<'help'>, deliver: Deliver): SlackMessage {
  if (request.tooLong !== undefined)
    return buildHelpMessage(
      {
        notice: `That command is ${request.tooLong} characters long; /hire commands are short. Here is what works:`,
      },
      deliver('help'),
    );
  if (request.unknown === undefined) return buildHelpMessage({}, deliver('help'));
  const suggestion = request.suggestion;
  if (suggestion === undefined)
    return buildHelpMessage(
      { notice: `I don't know ${echo(request.unknown)}. Here is what works:` },
      deliver('help'),
    );
  const rest = request.unknown.split(' ').slice(1).join(' ');
  const command = rest === '' ? suggestion : `${suggestion} ${rest}`;
  return buildHelpMessage(
    {
      notice: `I don't know ${echo(request.unknown)}. Did you mean ${code(command)}?`,
      // The label is plain text but still leaves out the user's words; the notice shows them escaped.
      suggestion: { label: `Try /hire ${suggestion}${rest === '' ? '' : ' …'}`, command },
    },
    deliver('help'),
  );
}

/** Parses and answers the text after `/hire` (or a button's value). Never throws. */
export function answerHire(
  text: string,
  ctx: HireContext,
  options: HireAnswerOptions = {},
): SlackMessage {
  return answerHireRequest(parseHireCommand(text), ctx, options);
}
