/**
 * Terminal mode: `npm run hire -- glossary Kafka` prints the answer as text;
 * `npm run --silent hire -- glossary Kafka --json` prints exactly the JSON the bot would send
 * (`{"response_type":…,"text":…,"blocks":[…]}`) and nothing else. Other tools drive the bot
 * through this interface, so its output and exit codes stay stable:
 *   0 — an answer was printed (including help for unknown input);
 *   1 — the knowledge could not be loaded (the reason on stderr).
 * `knowledge check` and `knowledge export` look after the knowledge itself (knowledge-command.ts).
 */
import { fileURLToPath } from 'node:url';
import dotenv from 'dotenv';
import { createAppHireCommand } from '../app/hire-subcommands.js';
import { knowledgeLocalDirFrom } from '../kernel/config.js';
import { snapshotOf } from '../kernel/knowledge/knowledge-source.js';
import type { SlackEntry } from '../kernel/knowledge/layered-knowledge-source.js';
import { KnowledgeError, loadKnowledge } from '../kernel/knowledge/load-knowledge.js';
import type { CliResult } from './cli-result.js';
import { runKnowledgeCommand } from './knowledge-command.js';
import { readSlackEntries } from './read-slack-entries.js';
import { renderMessageAsText } from './render-message.js';

export type { CliResult } from './cli-result.js';

export type CliOptions = {
  /** The guide's modules; default: the project's knowledge/ folder. */
  knowledgeDir?: string;
  /** The team's folder; absent: the guide's knowledge alone. */
  localDir?: string;
  /** `knowledge export`: the team's Slack-added entries, read from the database. */
  slackEntries?: readonly SlackEntry[];
};

const SLACK_ONLY =
  'needs Slack: it acts on a channel. Try it in a workspace, or in the local sandbox: run `npm start` without Slack credentials.';

/** Runs one command without touching process state, so tests and tools can call it directly. */
export function runHireCli(argv: readonly string[], options: CliOptions = {}): CliResult {
  const { knowledgeDir, localDir, slackEntries } = options;
  if (argv[0] === 'knowledge')
    return runKnowledgeCommand(argv.slice(1), {
      knowledgeDir,
      localDir,
      ...(slackEntries ? { slackEntries } : {}),
    });
  const json = argv.includes('--json');
  const text = argv.filter((arg) => arg !== '--json').join(' ');
  let knowledge: ReturnType<typeof loadKnowledge>;
  try {
    knowledge = loadKnowledge({ dir: knowledgeDir, localDir });
  } catch (error) {
    const reason = error instanceof KnowledgeError ? error.message : String(error);
    return {
      code: 1,
      stdout: '',
      stderr: `hire: the knowledge base cannot be loaded:\n${reason}\n`,
    };
  }
  const hire = createAppHireCommand();
  const snapshot = snapshotOf(knowledge);
  const outcome = hire.run(text, snapshot);
  const message = hire.messageOf(outcome, snapshot);
  // A subcommand that acts on a channel gets help saying so, and a line on stderr.
  const route = hire.route(text);
  const name = 'subcommand' in route ? route.subcommand.name : 'help';
  const slackOnly =
    'reply' in outcome || typeof outcome.elsewhere === 'function'
      ? ''
      : `/hire ${name} ${SLACK_ONLY}\n`;
  if (json) {
    const { response_type, text: fallback, blocks } = message;
    return {
      code: 0,
      stdout: `${JSON.stringify({ response_type, text: fallback, blocks })}\n`,
      stderr: slackOnly,
    };
  }
  return { code: 0, stdout: `${slackOnly}${renderMessageAsText(message)}`, stderr: '' };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `.env` fills in what the environment leaves unset, as at start-up (HIRE_KNOWLEDGE_LOCAL).
  dotenv.config({ quiet: true });
  const argv = process.argv.slice(2);
  // `knowledge export` includes what the team added in Slack when a database is configured.
  const databaseUrl = process.env.DATABASE_URL?.trim();
  const read =
    argv[0] === 'knowledge' && argv[1] === 'export' && databaseUrl
      ? await readSlackEntries(databaseUrl, process.env.HIRE_EXPORT_TEAM?.trim() || undefined)
      : { entries: [] };
  if ('problem' in read) {
    process.stderr.write(`hire: ${read.problem}\n`);
    process.exit(1);
  }
  const result = runHireCli(argv, {
    knowledgeDir: process.env.HIRE_KNOWLEDGE_DIR,
    localDir: knowledgeLocalDirFrom(process.env),
    slackEntries: read.entries,
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
