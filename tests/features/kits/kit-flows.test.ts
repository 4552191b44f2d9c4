import { describe, expect, it } from 'vitest';
import { checkMessageLimits, checkViewLimits } from '../../../src/dev/slack-limits.js';
import { storeKit } from '../../../src/features/kits/kit-flow.js';
import { planQuestions } from '../../../src/features/kits/kit-plan.js';
import type { KitDestination } from '../../../src/features/kits/kit-request.js';
import { KIT_SCORECARD_VIEW } from '../../../src/features/kits/kits-ids.js';
import { parseScorecardsCommand } from '../../../src/features/kits/parse-scorecards-command.js';
import { planKit } from '../../../src/features/kits/plan-kit.js';
import {
  retentionCutoff,
  sweepScoreReminders,
} from '../../../src/features/kits/score-reminder-sweep.js';
import { scorecardViewFor, submitScorecard } from '../../../src/features/kits/scorecard-flow.js';
import { answerScorecardsCommand } from '../../../src/features/kits/scorecards-command.js';
import type { KitRepository } from '../../../src/features/kits/storage/kit-repository.js';
import type { SlackMessage } from '../../../src/kernel/slack/blocks/slack-message.js';
import { fixtureKnowledge } from '../../support/fixture-knowledge.js';
import { forEachBackend } from '../../support/test-stores.js';
import { scorecardState } from './support/kit-fixtures.js';

const knowledge = fixtureKnowledge();
const TEAM = 'T0TEAM1';
const PANEL = ['U0ALICE', 'U0BOB'];
const LABEL = 'Backend #42';
const T0 = new Date('2026-03-02T09:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const CHANNEL: KitDestination = { kind: 'channel', channelId: 'C0HIRING' };

async function newKit(
  kits: KitRepository,
  options: { destination?: KitDestination; panel?: string[]; interviewAt?: Date } = {},
) {
  const panel = options.panel ?? PANEL;
  const planned = planKit(
    { level: 'senior', minutes: 45, areas: [], seed: 'flow', panel },
    knowledge,
  );
  if (!planned.ok) throw new Error('no plan');
  return storeKit(kits, {
    teamId: TEAM,
    createdBy: 'U0MANAGER',
    request: { candidateLabel: LABEL },
    plan: planned.plan,
    panel,
    destination: options.destination ?? CHANNEL,
    ...(options.interviewAt === undefined ? {} : { interviewAt: options.interviewAt }),
    now: T0,
  });
}

/** Rates every question the interviewer is given, with a note that says who wrote it. */
function answers(kit: Awaited<ReturnType<typeof newKit>>['kit'], interviewer: string) {
  const mine = planQuestions(kit.plan).filter((q) => q.assignee === interviewer);
  return scorecardState({
    questions: Object.fromEntries(mine.map((q) => [q.number, { seen: ['0'], rating: 'yes' }])),
    recommendation: 'strong-yes',
    note: `note by ${interviewer}`,
  });
}

const text = (message: SlackMessage) => JSON.stringify(message);

forEachBackend('kit flows', (backend) => {
  it('stores a kit and sends it to its channel and each member their questions', async () => {
    const kits = (await backend.store()).kits;
    const { kit, posts } = await newKit(kits);
    expect(await kits.getKit(TEAM, kit.id)).toEqual(kit);
    expect(posts.map((p) => (p.to === 'member' ? `member:${p.userId}` : p.to))).toEqual([
      'destination',
      'member:U0ALICE',
      'member:U0BOB',
    ]);
    for (const post of posts) expect(checkMessageLimits(post.message)).toEqual([]);
    const { posts: mine } = await newKit(kits, { destination: { kind: 'private' }, panel: [] });
    expect(mine.map((p) => p.to)).toEqual(['creator']);
    // A plan made for another panel is dealt again to the panel the kit is stored with.
    const planned = planKit(
      { level: 'mid', minutes: 30, areas: [], seed: 'p', panel: ['U0X1'] },
      knowledge,
    );
    if (!planned.ok) throw new Error('no plan');
    const { kit: dealt } = await storeKit(kits, {
      teamId: TEAM,
      createdBy: 'U0MANAGER',
      request: {},
      plan: planned.plan,
      panel: ['U0CAROL'],
      destination: { kind: 'private' },
      now: T0,
    });
    expect(planQuestions(dealt.plan).map((q) => q.assignee)).toEqual(['U0CAROL', 'U0CAROL']);
  });

  it('scores independently: stored once, shared without content, hidden until you submit', async () => {
    const kits = (await backend.store()).kits;
    const { kit } = await newKit(kits);
    const ask = (userId: string) =>
      answerScorecardsCommand(parseScorecardsCommand(LABEL.toLowerCase()), {
        kits,
        teamId: TEAM,
        userId,
        admins: [],
      }).then((answer) => answer.message);

    const form = await scorecardViewFor(kits, { teamId: TEAM, kitId: kit.id, userId: 'U0ALICE' });
    expect(form.callback_id).toBe(KIT_SCORECARD_VIEW);
    expect(form.submit).toBeDefined();
    expect(checkViewLimits(form)).toEqual([]);

    const incomplete = await submitScorecard(kits, {
      teamId: TEAM,
      kitId: kit.id,
      userId: 'U0ALICE',
      values: scorecardState({}),
      now: T0,
    });
    expect(incomplete.kind).toBe('errors');
    expect(await kits.scorecardsForKit(TEAM, kit.id)).toEqual([]);

    const done = await submitScorecard(kits, {
      teamId: TEAM,
      kitId: kit.id,
      userId: 'U0ALICE',
      values: answers(kit, 'U0ALICE'),
      now: T0,
    });
    if (done.kind !== 'done') throw new Error(JSON.stringify(done));
    expect(done.stored).toBe(true);
    const [own, shared] = done.posts;
    expect(own?.to).toBe('interviewer');
    expect(shared).toMatchObject({ to: 'kit-destination', destination: CHANNEL });
    expect(text(own?.message ?? { text: '', blocks: [] })).toContain('note by U0ALICE');
    expect(text(shared?.message ?? { text: '', blocks: [] })).not.toContain('note by U0ALICE');
    expect(text(shared?.message ?? { text: '', blocks: [] })).toContain('1 of 2 expected');

    // Bob has not scored: Alice's scorecard stays hidden from him.
    const before = await ask('U0BOB');
    expect(text(before)).not.toContain('note by U0ALICE');
    expect(text(before)).toContain('hidden until you submit yours');

    await submitScorecard(kits, {
      teamId: TEAM,
      kitId: kit.id,
      userId: 'U0BOB',
      values: answers(kit, 'U0BOB'),
      now: T0,
    });
    const after = await ask('U0BOB');
    expect(text(after)).toContain('note by U0ALICE');
    expect(text(after)).toContain('note by U0BOB');
    expect(checkMessageLimits(after)).toEqual([]);

    // A second submission is refused and the first one stands.
    const again = await submitScorecard(kits, {
      teamId: TEAM,
      kitId: kit.id,
      userId: 'U0ALICE',
      values: scorecardState({ questions: { 1: { rating: 'no' } }, recommendation: 'no' }),
      now: T0,
    });
    expect(again).toMatchObject({ kind: 'done', stored: false, posts: [] });
    expect(JSON.stringify(again)).toContain('cannot be changed');
    const reopened = await scorecardViewFor(kits, {
      teamId: TEAM,
      kitId: kit.id,
      userId: 'U0ALICE',
    });
    expect(reopened.submit).toBeUndefined();
    expect((await kits.scorecardsForKit(TEAM, kit.id)).map((s) => s.recommendation)).toEqual([
      'strong-yes',
      'strong-yes',
    ]);
  });

  it('turns away people off the panel, other teams and erased kits', async () => {
    const kits = (await backend.store()).kits;
    const { kit } = await newKit(kits);
    const carol = await scorecardViewFor(kits, { teamId: TEAM, kitId: kit.id, userId: 'U0CAROL' });
    expect(JSON.stringify(carol)).toContain('you are not on it');
    const elsewhere = await submitScorecard(kits, {
      teamId: 'T0OTHER',
      kitId: kit.id,
      userId: 'U0ALICE',
      values: answers(kit, 'U0ALICE'),
      now: T0,
    });
    expect(elsewhere).toMatchObject({ kind: 'done', stored: false });
    expect(JSON.stringify(elsewhere)).toContain('no longer stored');
    expect(await kits.scorecardsForKit(TEAM, kit.id)).toEqual([]);
  });

  it('erases for the kit creator, refuses others, and says how many', async () => {
    const kits = (await backend.store()).kits;
    const { kit } = await newKit(kits);
    await submitScorecard(kits, {
      teamId: TEAM,
      kitId: kit.id,
      userId: 'U0ALICE',
      values: answers(kit, 'U0ALICE'),
      now: T0,
    });
    const erase = (userId: string, admins: string[] = []) =>
      answerScorecardsCommand(parseScorecardsCommand(`delete ${LABEL}`), {
        kits,
        teamId: TEAM,
        userId,
        admins,
      });

    const refused = await erase('U0ALICE');
    expect(refused.message.text).toMatch(/Only an admin or someone who built a kit/);
    expect(refused.homesChanged).toEqual([]);
    expect(await kits.scorecardsForKit(TEAM, kit.id)).toHaveLength(1);
    const erased = await erase('U0MANAGER');
    expect(erased.message.text).toContain('Erased 1 scorecard and 1 kit');
    // The panel's Homes no longer list the kit.
    expect(erased.homesChanged.sort()).toEqual([...PANEL].sort());
    expect(await kits.getKit(TEAM, kit.id)).toBeUndefined();
    expect((await erase('U0ADMIN', ['U0ADMIN'])).message.text).toContain('Nothing was stored');
  });

  it('sends each "please score" reminder once across three instances', async () => {
    const kits = (await backend.store()).kits;
    const instances = [
      kits,
      (await backend.openAnother()).kits,
      (await backend.openAnother()).kits,
    ];
    const { kit } = await newKit(kits, { interviewAt: T0 });
    await submitScorecard(kits, {
      teamId: TEAM,
      kitId: kit.id,
      userId: 'U0ALICE',
      values: answers(kit, 'U0ALICE'),
      now: T0,
    });
    const sent: string[] = [];
    const now = new Date(T0.getTime() + 45 * 60_000 + 2 * HOUR);
    const sweeps = await Promise.all(
      instances.map((instance, i) =>
        sweepScoreReminders({
          kits: instance,
          now,
          owner: `instance-${i}`,
          send: async (reminder, message) => {
            expect(checkMessageLimits(message)).toEqual([]);
            sent.push(reminder.interviewer);
          },
        }),
      ),
    );
    expect(sent).toEqual(['U0BOB']);
    expect(sweeps.reduce((n, s) => n + s.sent, 0)).toBe(1);
    const later = await sweepScoreReminders({
      kits,
      now: new Date(now.getTime() + HOUR),
      owner: 'instance-0',
      send: async (reminder) => {
        sent.push(reminder.interviewer);
      },
    });
    expect(later).toEqual({ due: 0, sent: 0, lost: 0, failed: 0 });
    expect(sent).toEqual(['U0BOB']);
  });

  it('counts a reminder whose send fails and does not send it again', async () => {
    const kits = (await backend.store()).kits;
    await newKit(kits, { interviewAt: T0 });
    const now = new Date(T0.getTime() + 4 * HOUR);
    const errors: unknown[] = [];
    const first = await sweepScoreReminders({
      kits,
      now,
      owner: 'i1',
      send: async (reminder) => {
        if (reminder.interviewer === 'U0ALICE') throw new Error('channel_not_found');
      },
      onError: (error) => errors.push(error),
    });
    expect(first).toEqual({ due: 2, sent: 1, lost: 0, failed: 1 });
    expect(errors).toHaveLength(1);
    expect((await kits.findDueScoreReminders({ now, limit: 10 })).length).toBe(0);
  });
});

describe('retention', () => {
  it('computes the cutoff from HIRE_RETENTION_DAYS', () => {
    expect(retentionCutoff(new Date('2026-07-01T00:00:00Z'), 180).toISOString()).toBe(
      '2026-01-02T00:00:00.000Z',
    );
  });
});
