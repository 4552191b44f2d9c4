import type { Logger } from 'pino';
import type { Clock } from '../../kernel/clock.js';
import type { FollowUpContext } from '../../kernel/hire-command/subcommand.js';
import type { KnowledgeSnapshot } from '../../kernel/knowledge/knowledge-source.js';
import { HIRE_ERROR_MESSAGE } from '../../kernel/slack/blocks/error-message.js';
import type { SlackMessage } from '../../kernel/slack/blocks/slack-message.js';
import { buildStatsMessage } from './blocks/build-stats-message.js';
import { periodStart } from './lookup-record.js';
import { lookupRecorderOf } from './lookup-recorder.js';
import { type LookupSummary, STATS_TOP, summarizeLookups } from './lookup-summary.js';
import { createLookupRepository, type LookupRepository } from './storage/lookup-repository.js';

export type StatsDeps = {
  lookups: Pick<LookupRepository, 'counts'>;
  clock: Clock;
  knowledge: KnowledgeSnapshot;
};

/** An entry id's name, for the modules whose names the lookup index knows. */
function nameIn(snapshot: KnowledgeSnapshot) {
  const levels = new Map(snapshot.knowledge.levels.levels.map((l) => [l.id as string, l.name]));
  return (module: string, id: string): string | undefined => {
    if (module === 'glossary') return snapshot.lookup.term(id)?.name;
    if (module === 'levels') return levels.get(id);
    return undefined;
  };
}

/** One workspace's lookups over the last `days`, ready for the builder. */
export async function summarizeStats(
  teamId: string,
  days: number,
  { lookups, clock, knowledge }: StatsDeps,
): Promise<LookupSummary> {
  const counts = await lookups.counts(teamId, periodStart(clock.now(), days), STATS_TOP);
  return summarizeLookups(counts, { days, nameOf: nameIn(knowledge) });
}

/** `/hire stats` after the ack: the stats of the caller's workspace, privately. */
export async function showStats(
  request: { teamId: string; days: number; respond: (message: SlackMessage) => Promise<unknown> },
  deps: StatsDeps & { logger: Pick<Logger, 'error'> },
): Promise<void> {
  let message: SlackMessage;
  try {
    message = buildStatsMessage(await summarizeStats(request.teamId, request.days, deps));
  } catch (error) {
    deps.logger.error({ err: error }, 'could not read lookup stats');
    message = HIRE_ERROR_MESSAGE;
  }
  await request.respond(message);
}

/** The same as a /hire follow-up; this instance's waiting records are written first. */
export const showStatsFollowUp =
  (days: number) =>
  async ({ command, respond, deps }: FollowUpContext): Promise<void> => {
    await lookupRecorderOf(deps.events)?.flush();
    await showStats(
      { teamId: command.team_id, days, respond },
      {
        lookups: createLookupRepository(deps.store),
        clock: deps.clock,
        knowledge: deps.knowledge.current(),
        logger: deps.logger,
      },
    );
  };
