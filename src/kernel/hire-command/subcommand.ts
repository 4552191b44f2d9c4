import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import type { KnowledgeSnapshot } from '../knowledge/knowledge-source.js';
import { normalizeQuery } from '../knowledge/search/normalize.js';
import type { ChannelAudienceLookup } from '../slack/access/channel-audience.js';
import type { SlackMessage } from '../slack/blocks/slack-message.js';

/** What an answer may use: the knowledge as it is now, and who shares it (if anyone). */
export type AnswerContext = KnowledgeSnapshot & {
  /** Slack user id of whoever shares the answer in the channel; unset for a private answer. */
  sharedBy?: string;
};

/** One line of `/hire help`. */
export type HelpLine = {
  usage: string;
  example: string;
  what: string;
};

/**
 * A follow-up's view of Slack: the command as sent, respond() and the Web API, the app, and
 * whether a channel is shared with another organisation (ask before posting there).
 */
export type FollowUpContext = {
  command: SlashCommand;
  respond: RespondFn;
  client: WebClient;
  deps: AppDeps;
  channelAudience: ChannelAudienceLookup;
};

/**
 * What a lookup looked for and whether it found it, for the team's view of its gaps: the
 * module searched, the query as normalised (normalizeQuery, never the raw text), hit or miss,
 * and the id of the one entry it landed on (an id from the knowledge, not user text).
 */
export type LookupRecord = { module: string; query: string; hit: boolean; entry?: string };

/**
 * A lookup of `text` in `module`: a hit when `found` names an entry (its id) or is true (a
 * pick list, search results). Only subcommands that look something up report one.
 */
export function lookupOf(module: string, text: string, found: string | boolean): LookupRecord {
  const query = normalizeQuery(text);
  if (typeof found === 'string') return { module, query, hit: true, entry: found };
  return { module, query, hit: found };
}

/** How a subcommand answers one request. */
export type Outcome =
  /**
   * Answered at once, inside ack(). An answer is memoized by its command text unless `fresh`
   * says it must be made anew each time (one drawn at random, one read from the store).
   */
  | { reply: SlackMessage; fresh?: boolean; lookup?: LookupRecord }
  /** Needs Slack or the store: ack() at once with nothing, then this runs. */
  | {
      followUp: (ctx: FollowUpContext) => Promise<void>;
      /**
       * Said instead where there is no Slack to follow up in (the terminal, a button): a line
       * for help to show, or the answer as far as it goes without Slack (made only if asked).
       */
      elsewhere: string | (() => SlackMessage);
    };

/**
 * One `/hire` subcommand, declared once: its name and spellings, its help lines, how it reads
 * its arguments (into a request its zod schema validates) and how it answers. The table in
 * src/app/hire-subcommands.ts lists them all; help, "did you mean", the CLI and the sandbox
 * read it from there.
 */
export type SubcommandDefinition<Schema extends z.ZodType> = {
  /** The canonical word, shown in help: `glossary`. */
  name: string;
  /** Every spelling people type (lower case, spaces allowed), the name included. */
  aliases: readonly string[];
  help: readonly HelpLine[];
  request: Schema;
  /** The text after the subcommand word into the request's input. Never throws. */
  read(args: string): z.input<Schema>;
  answer(request: z.output<Schema>, ctx: AnswerContext): Outcome;
};

/** A subcommand with its request type sealed in, so that different ones share one table. */
export type Subcommand = {
  name: string;
  aliases: readonly string[];
  help: readonly HelpLine[];
  /** The validated request, or undefined when the arguments make no valid one. */
  parse(args: string): unknown;
  /** Parses and answers in one step; undefined when the arguments make no valid request. */
  run(args: string, ctx: AnswerContext): Outcome | undefined;
};

export function defineSubcommand<Schema extends z.ZodType>(
  definition: SubcommandDefinition<Schema>,
): Subcommand {
  const { name, aliases, help, request, read, answer } = definition;
  const parse = (args: string): z.output<Schema> | undefined => {
    const parsed = request.safeParse(read(args));
    return parsed.success ? parsed.data : undefined;
  };
  return {
    name,
    aliases,
    help,
    parse,
    run(args, ctx) {
      const parsed = parse(args);
      return parsed === undefined ? undefined : answer(parsed, ctx);
    },
  };
}

/** A reply outcome; `lookup` when the answer looked something up in the knowledge. */
export const reply = (
  message: SlackMessage,
  options: { fresh?: boolean; lookup?: LookupRecord | undefined } = {},
): Outcome => ({
  reply: message,
  ...(options.fresh ? { fresh: true } : {}),
  ...(options.lookup && options.lookup.query !== '' ? { lookup: options.lookup } : {}),
});

/** A follow-up's `elsewhere`: the subcommand acts on a channel, so it needs Slack. */
export const slackOnly = (command: string): string =>
  `\`/hire ${command}\` works only inside Slack (or the local sandbox: \`npm start\` without Slack credentials).`;
