import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkMessageLimits } from '../../../src/dev/slack-limits.js';
import { createLookupRecorder } from '../../../src/features/lookup-stats/lookup-recorder.js';
import { startLookupStatsJob } from '../../../src/features/lookup-stats/lookup-stats-job.js';
import { missesHomeSection } from '../../../src/features/lookup-stats/misses-home-section.js';
import { showStats } from '../../../src/features/lookup-stats/show-stats.js';
import { createLookupRepository } from '../../../src/features/lookup-stats/storage/lookup-repository.js';
import type { SlackMessage } from '../../../src/kernel/slack/blocks/slack-message.js';
import { answerContext, answerHire, hire, parseHireCommand } from '../../support/answer-hire.js';
import { createTestDeps, type TestDeps, testConfig } from '../../support/app-test-deps.js';
import { fixtureKnowledge } from '../../support/fixture-knowledge.js';

const ctx = answerContext(fixtureKnowledge());

describe('/hire stats: reading the period', () => {
  it('7 days by default; 7d / 30d and their usual spellings', () => {
    for (const text of [
      'stats',
      'stats 7d',
      'STATS 7 days',
      'stats week',
      'statistics last 7d',
      'lookup stats 7',
    ])
      expect(parseHireCommand(text), text).toEqual({ kind: 'stats', days: 7 });
    for (const text of ['stats 30d', 'stats 30 days', 'stats month', 'stats the last 30d'])
      expect(parseHireCommand(text), text).toEqual({ kind: 'stats', days: 30 });
  });

  it('any other period: a friendly answer naming the ones it accepts, at once, nothing read', () => {
    expect(parseHireCommand('stats 90d')).toEqual({ kind: 'stats-period-unknown', given: '90d' });
    const outcome = hire.run('stats <!channel> forever', ctx);
    expect('reply' in outcome && outcome.lookup).toBeFalsy();
    const message = answerHire('stats 365d', ctx);
    expect(message.text).toContain('stats 7d');
    expect(message.text).toContain('stats 30d');
    expect(message.text).toContain('365d');
    expect(JSON.stringify(answerHire('stats <!channel>', ctx))).not.toContain('<!channel>');
  });

  it('is listed in help and needs Slack elsewhere', () => {
    expect(answerHire('help', ctx).text + JSON.stringify(answerHire('help', ctx).blocks)).toContain(
      'stats [7d|30d]',
    );
    expect(answerHire('stats', ctx).text).toContain('works only inside Slack');
  });
});

describe('/hire stats over the store', () => {
  let deps: TestDeps;
  beforeEach(async () => {
    ({ deps } = await createTestDeps());
  });
  afterEach(async () => {
    await deps.store.close();
  });

  async function record(
    events: Parameters<ReturnType<typeof createLookupRecorder>['record']>[0][],
  ) {
    const recorder = createLookupRecorder({
      lookups: createLookupRepository(deps.store),
      clock: deps.clock,
      logger: deps.logger,
    });
    for (const event of events) recorder.record(event);
    await recorder.stop();
  }
  const miss = (query: string, teamId = 'T1') => ({
    teamId,
    subcommand: 'glossary',
    module: 'glossary',
    query,
    hit: false,
  });

  async function stats(teamId: string, days: number): Promise<SlackMessage> {
    const sent: SlackMessage[] = [];
    await showStats(
      { teamId, days, respond: async (m) => sent.push(m) },
      {
        lookups: createLookupRepository(deps.store),
        clock: deps.clock,
        knowledge: deps.knowledge.current(),
        logger: deps.logger,
      },
    );
    expect(sent).toHaveLength(1);
    return sent[0] as SlackMessage;
  }

  it("shows the workspace's own lookups: names of entries found, misses with Add buttons", async () => {
    await record([
      miss('quokkabase'),
      miss('quokkabase'),
      miss('secret other team term', 'T2'),
      { ...miss('queue'), hit: true, entry: 'message-queue' },
    ]);
    const message = await stats('T1', 7);
    expect(checkMessageLimits(message)).toEqual([]);
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('*Message Queue* · glossary');
    expect(json).toContain('“quokkabase”');
    expect(json).toContain('"value":"quokkabase"');
    expect(json).not.toContain('secret other team');
  });

  it('a lookup older than the period is not counted; the sweep drops those past 90 days', async () => {
    await record([miss('old news')]);
    (deps.clock as unknown as { advance(ms: number): void }).advance(10 * 24 * 3600_000);
    expect((await stats('T1', 7)).text).toBe('No lookups recorded in the last 7 days.');
    expect((await stats('T1', 30)).text).toContain('old news');
    (deps.clock as unknown as { advance(ms: number): void }).advance(81 * 24 * 3600_000);
    await record([miss('fresh')]);
    const recorder = createLookupRecorder({
      lookups: createLookupRepository(deps.store),
      clock: deps.clock,
      logger: deps.logger,
    });
    const job = startLookupStatsJob({
      lookups: createLookupRepository(deps.store),
      recorder,
      clock: deps.clock,
      logger: deps.logger,
    });
    // The job sweeps at start; a later sweep finds nothing more to drop.
    expect(await job.sweep()).toBe(0);
    await job.stop();
    expect(await createLookupRepository(deps.store).misses('T1', new Date(0), 10)).toEqual([
      { query: 'fresh', count: 1 },
    ]);
  });

  it("the Home's misses: for admins (anyone when HIRE_ADMINS is empty), the last 7 days", async () => {
    await record([miss('quokkabase'), miss('wombatdb')]);
    const viewer = { teamId: 'T1', userId: 'U0ANY', isAdmin: false };
    const open = await missesHomeSection.build({ viewer, page: 1, maxBlocks: 20 }, deps);
    expect(JSON.stringify(open.blocks)).toContain('quokkabase');
    const withAdmins = { ...deps, config: testConfig({ HIRE_ADMINS: 'U0ADMIN' }) };
    const refused = await missesHomeSection.build({ viewer, page: 1, maxBlocks: 20 }, withAdmins);
    expect(refused.blocks).toEqual([]);
    const admin = { ...viewer, userId: 'U0ADMIN', isAdmin: true };
    const shown = await missesHomeSection.build(
      { viewer: admin, page: 1, maxBlocks: 2 },
      withAdmins,
    );
    expect(shown.blocks).toHaveLength(2);
    const otherTeam = { ...admin, teamId: 'T2' };
    expect(
      (await missesHomeSection.build({ viewer: otherTeam, page: 1, maxBlocks: 20 }, withAdmins))
        .blocks,
    ).toEqual([]);
  });
});
