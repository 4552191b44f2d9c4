import MiniSearch from 'minisearch';
import type { SlackMessage } from '../slack/blocks/slack-message.js';
import { buildHelpMessage } from './blocks/build-help-message.js';
import type { HelpRequest } from './help-request.js';
import { MAX_COMMAND_LENGTH } from './parse-args.js';
import type { AnswerContext, HelpLine, Outcome, Subcommand } from './subcommand.js';

/** Where a command text goes: a subcommand with its arguments, or help. */
export type Route = { subcommand: Subcommand; args: string } | { help: HelpRequest };

export type HireCommand = {
  subcommands: readonly Subcommand[];
  /** Every help line, in table order, `help` last. */
  helpLines: readonly HelpLine[];
  route(text: string): Route;
  /** The request a text parses into (a subcommand's, or help's): for tests and tools. */
  parse(text: string): unknown;
  /** Parses and answers the text after `/hire` (or a button's value). Never throws on input. */
  run(text: string, ctx: AnswerContext): Outcome;
  /**
   * The answer as one message, where there is no Slack to follow up in (the terminal, tests):
   * a subcommand that acts on a channel gets help saying so.
   */
  answer(text: string, ctx: AnswerContext): SlackMessage;
  /** The message for an outcome, as `answer` gives it. */
  messageOf(outcome: Outcome, ctx: AnswerContext): SlackMessage;
};

const HELP_ALIASES = ['help', '?', 'usage'];
const HELP_LINE: HelpLine = { usage: 'help', example: 'help', what: 'This list.' };

/** The text after `/hire`, whitespace collapsed, a leading `/hire` (pasted along) dropped. */
function normalize(text: string): string {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\/hire(?:\s|$)/i, '')
    .trim();
}

/** Arguments no request can be made of (`questions senior page 9999`): help, quoting them. */
const unknownHelp = (text: string): HelpRequest => ({ kind: 'help', unknown: normalize(text) });

/**
 * The /hire dispatcher over a table of subcommands: finds the subcommand a text names (any
 * case, any of its spellings, longest spelling first), hands it the rest, and answers help —
 * with "did you mean" for a mistyped subcommand — for everything else.
 */
export function createHireCommand(subcommands: readonly Subcommand[]): HireCommand {
  const names = new Set<string>();
  for (const sub of subcommands) {
    if (names.has(sub.name)) throw new Error(`two /hire subcommands are called ${sub.name}`);
    names.add(sub.name);
  }
  const aliases = subcommands
    .flatMap((subcommand) => subcommand.aliases.map((alias) => ({ alias, subcommand })))
    .sort((a, b) => b.alias.length - a.alias.length);

  // Fuzzy index of one-word spellings, for "did you mean" on a mistyped subcommand.
  const index = new MiniSearch<{ id: number; alias: string; name: string }>({
    fields: ['alias'],
    storeFields: ['name'],
  });
  index.addAll(
    aliases
      .filter(({ alias }) => /^[a-z-]{3,}$/.test(alias))
      .map(({ alias, subcommand }, id) => ({ id, alias, name: subcommand.name })),
  );
  const suggest = (word: string): string | undefined => {
    if (word.length < 2) return undefined;
    const [hit] = index.search(word, { fuzzy: 0.4, maxFuzzy: 3, prefix: word.length >= 3 });
    return hit === undefined ? undefined : String(hit.name);
  };

  const helpLines = [...subcommands.flatMap((s) => s.help), HELP_LINE];

  const route = (text: string): Route => {
    const trimmed = normalize(text);
    if (trimmed.length > MAX_COMMAND_LENGTH)
      return { help: { kind: 'help', tooLong: trimmed.length } };
    const lower = trimmed.toLowerCase();
    if (trimmed === '' || HELP_ALIASES.includes(lower)) return { help: { kind: 'help' } };
    const found = aliases.find(({ alias }) => lower === alias || lower.startsWith(`${alias} `));
    if (found === undefined) {
      const firstWord = lower.split(' ')[0] ?? '';
      const suggestion = suggest(firstWord);
      return {
        help: { kind: 'help', unknown: trimmed, ...(suggestion ? { suggestion } : {}) },
      };
    }
    return { subcommand: found.subcommand, args: trimmed.slice(found.alias.length).trim() };
  };

  const run = (text: string, ctx: AnswerContext): Outcome => {
    const routed = route(text);
    const outcome = 'help' in routed ? undefined : routed.subcommand.run(routed.args, ctx);
    if (outcome !== undefined) return outcome;
    const request = 'help' in routed ? routed.help : unknownHelp(text);
    return { reply: buildHelpMessage(request, helpLines, { sharedBy: ctx.sharedBy }) };
  };
  const messageOf = (outcome: Outcome, ctx: AnswerContext): SlackMessage => {
    if ('reply' in outcome) return outcome.reply;
    const { elsewhere } = outcome;
    if (typeof elsewhere === 'function') return elsewhere();
    return buildHelpMessage({ kind: 'help' }, helpLines, {
      sharedBy: ctx.sharedBy,
      notice: elsewhere,
    });
  };

  return {
    subcommands,
    helpLines,
    route,
    parse(text) {
      const routed = route(text);
      if ('help' in routed) return routed.help;
      return routed.subcommand.parse(routed.args) ?? unknownHelp(text);
    },
    run,
    answer: (text, ctx) => messageOf(run(text, ctx), ctx),
    messageOf,
  };
}
