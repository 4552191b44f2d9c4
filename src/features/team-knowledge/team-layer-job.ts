import { WebClient } from '@slack/web-api';
import type { BackgroundJob, StartContext } from '../../kernel/feature.js';
import { createTeamEntryRepository } from './storage/team-entry-repository.js';
import { type LayerSyncDeps, syncTeamLayer } from './sync-team-layer.js';

/** How often each instance asks whether the team's entries changed (one indexed row). */
export const POLL_MS = 500;

/**
 * Keeps this instance's knowledge in step with the team's entries in the store: learns the
 * installation's workspace (auth.test, as the access gate's installTeamId is that of the
 * token's workspace), then polls its revision and reloads the entries when it moved.
 */
export function startTeamLayerJob(
  ctx: StartContext,
  options: { pollMs?: number; teamId?: () => Promise<string | undefined> } = {},
): BackgroundJob {
  const logger = ctx.logger.child({ component: 'team-knowledge' });
  const sync: LayerSyncDeps = {
    entries: createTeamEntryRepository(ctx.store),
    layer: ctx.teamLayer,
    logger,
  };
  const client = new WebClient(ctx.slack.botToken, {
    slackApiUrl: ctx.slack.apiUrl,
    retryConfig: { retries: 0 },
  });
  const installTeam =
    options.teamId ??
    (async () => {
      const auth = await client.auth.test();
      return typeof auth.team_id === 'string' ? auth.team_id : undefined;
    });

  let teamId: string | undefined;
  let stopped = false;
  let failures = 0;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const tick = async () => {
    try {
      teamId ??= ctx.teamLayer.shown()?.teamId ?? (await installTeam());
      if (teamId !== undefined) await syncTeamLayer(sync, teamId);
      failures = 0;
    } catch (error) {
      // Logged once per run of failures: a database away for a while is one line, not many.
      if (failures === 0) logger.warn({ err: error }, 'could not read the team entries');
      failures += 1;
    }
  };
  const loop = () => {
    if (stopped) return;
    running = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, options.pollMs ?? POLL_MS);
    });
  };
  loop();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
