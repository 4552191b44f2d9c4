import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../src/dev/loopback-slack/loopback-slack.js';
import { postToApp } from '../../src/dev/loopback-slack/signed-request.js';
import {
  DEFAULT_CHANNEL_ID,
  DEFAULT_SHARED_CHANNEL_ID,
  DEFAULT_USER_ID,
} from '../../src/dev/loopback-slack/workspace.js';
import { planQuestions } from '../../src/features/kits/kit-plan.js';
import type { StoredKit } from '../../src/features/kits/kit-records.js';
import {
  BUILD_KIT_SHORTCUT,
  KIT_ACTIONS,
  KIT_REQUEST_INPUTS,
  KIT_REQUEST_VIEW,
  KIT_SCORECARD_VIEW,
} from '../../src/features/kits/kits-ids.js';
import type { KitTables } from '../../src/features/kits/storage/kit-tables.js';
import { loadKnowledge } from '../../src/kernel/knowledge/load-knowledge.js';
import { scorecardState } from '../features/kits/support/kit-fixtures.js';
import type { TestDeps } from '../support/app-test-deps.js';
import { type HttpBot, SIGNING_SECRET, startHttpBot } from './support/http-bot.js';
import { waitFor } from './support/wait-for.js';

const ALICE = 'U0ALICE';
const BOB = 'U0BOB';
const CASEY = DEFAULT_USER_ID;
const LABEL = 'Backend #42';
/** Where the loopback files a bot's direct message to a user. */
const dm = (userId: string) => `D${userId.slice(1)}`;

type Body = Record<string, unknown>;

/** The value of the first button with this action id in a message's blocks. */
function buttonValue(blocks: unknown, actionId: string): string | undefined {
  for (const block of (blocks ?? []) as { elements?: { action_id?: string; value?: string }[] }[]) {
    const button = block.elements?.find((e) => e.action_id === actionId);
    if (button) return button.value;
  }
  return undefined;
}

describe('interview kits and scorecards end to end (HTTP mode, signed requests, loopback Slack)', () => {
  let slack: LoopbackSlack;
  let deps: TestDeps;
  let http: HttpBot;
  let url: string;

  beforeAll(async () => {
    slack = await startLoopbackSlack();
    for (const [id, name] of [
      [ALICE, 'alice'],
      [BOB, 'bob'],
    ] as const) {
      slack.workspace.addUser({ id, name, tz: 'Europe/Berlin' });
    }
    http = await startHttpBot(slack, { knowledge: loadKnowledge() });
    ({ deps, url } = http);
  });
  afterAll(async () => {
    await http?.stop();
    await slack?.close();
  });

  /** A signed slash command; resolves with the ack and what came on its response_url. */
  async function hire(text: string, userId = CASEY, channelId = DEFAULT_CHANNEL_ID) {
    const payload = slack.payloads.slashCommand({ text, userId, channelId });
    const id = String(payload.response_url).split('/').pop();
    const ack = await postToApp(url, { kind: 'command', payload, signingSecret: SIGNING_SECRET });
    expect(ack.status).toBe(200);
    return { ack, responses: () => slack.responses.filter((r) => r.id === id) };
  }
  async function reply(text: string, userId = CASEY, channelId = DEFAULT_CHANNEL_ID) {
    const { responses } = await hire(text, userId, channelId);
    return (await waitFor(() => responses()[0], `the answer to /hire ${text}`)).body;
  }
  const interact = (payload: Body) =>
    postToApp(url, { kind: 'interactive', payload, signingSecret: SIGNING_SECRET });
  const kitsFor = async (label: string) =>
    (await deps.store.kits.listForCandidate(slack.teamId, label)).kits;
  const json = (value: unknown) => JSON.stringify(value);

  /** Presses "Score this interview" as `userId`; resolves with the modal Slack opened. */
  async function openScorecard(kit: StoredKit, userId: string) {
    const before = slack.callsTo('views.open').length;
    const pressed = await interact(
      slack.payloads.blockAction({ actionId: KIT_ACTIONS.score, value: kit.id, userId }),
    );
    expect(pressed.status).toBe(200);
    const call = await waitFor(() => slack.callsTo('views.open')[before], 'views.open');
    expect(call.outcome).toBe('ok');
    const view = call.args.view as Body;
    const viewId = [...slack.workspace.views.values()].find(
      (v) => v.userId === userId && v.view.callback_id === view.callback_id,
    )?.id;
    return { view, viewId };
  }

  /** Rates each question the kit gave `userId`, with a note naming them. */
  function answersOf(kit: StoredKit, userId: string) {
    const mine = planQuestions(kit.plan).filter((q) => q.assignee === userId);
    return scorecardState({
      questions: Object.fromEntries(mine.map((q) => [q.number, { seen: ['0'], rating: 'yes' }])),
      recommendation: 'strong-yes',
      note: `evidence from ${userId}`,
    });
  }

  async function submitScorecard(kit: StoredKit, userId: string, values: Body) {
    const { viewId } = await openScorecard(kit, userId);
    const answer = await interact(
      slack.payloads.viewSubmission({
        callbackId: KIT_SCORECARD_VIEW,
        ...(viewId ? { viewId } : {}),
        privateMetadata: kit.id,
        values: values as Record<string, Record<string, unknown>>,
        userId,
      }),
    );
    expect(answer.status).toBe(200);
    return answer.json as Body;
  }

  it('posts a kit for the panel, sends each member their questions and tells the creator', async () => {
    const { ack, responses } = await hire(
      `kit senior 45 for ${LABEL} to <#${DEFAULT_CHANNEL_ID}|hiring> with <@${ALICE}|alice> <@${BOB}>`,
    );
    expect(ack.body).toBe('');
    const told = await waitFor(() => responses()[0], 'the confirmation');
    expect(json(told.body)).toContain('Posted the');
    expect(json(told.body)).toContain(`Sent their questions to <@${ALICE}>, <@${BOB}>`);

    const [kit] = await kitsFor(LABEL);
    expect(kit).toMatchObject({
      createdBy: CASEY,
      panel: [ALICE, BOB],
      destination: { kind: 'channel', channelId: DEFAULT_CHANNEL_ID },
    });
    const minutes = kit?.plan.segments.reduce((sum, s) => sum + s.minutes, 0);
    expect(minutes).toBe(45);
    const posted = slack
      .messagesIn(DEFAULT_CHANNEL_ID)
      .find((m) => m.user === slack.botUserId && json(m.blocks).includes('Interview kit'));
    expect(posted?.ephemeral).toBe(false);
    expect(json(posted?.blocks)).toContain(kit?.id);
    for (const member of [ALICE, BOB]) {
      const mine = slack.messagesIn(dm(member));
      expect(mine, member).toHaveLength(1);
      expect(json(mine[0]?.blocks)).toContain('Your interview questions');
    }
  });

  it('stores a scorecard submitted over HTTP, confirms it in the modal and summarises it', async () => {
    const [kit] = await kitsFor(LABEL);
    if (!kit) throw new Error('no kit');
    const { view } = await openScorecard(kit, ALICE);
    expect(view.callback_id).toBe(KIT_SCORECARD_VIEW);
    expect(view.private_metadata).toBe(kit.id);

    const incomplete = await submitScorecard(kit, ALICE, scorecardState({}));
    expect(incomplete.response_action).toBe('errors');
    expect(await deps.store.kits.scorecardsForKit(slack.teamId, kit.id)).toEqual([]);

    const done = await submitScorecard(kit, ALICE, answersOf(kit, ALICE));
    expect(done.response_action).toBe('update');
    expect(json(done.view)).toContain('Scorecard saved');
    const [stored] = await deps.store.kits.scorecardsForKit(slack.teamId, kit.id);
    expect(stored).toMatchObject({
      interviewer: ALICE,
      recommendation: 'strong-yes',
      note: `evidence from ${ALICE}`,
    });

    // Alice's own copy in full; the channel reads who scored, never what.
    const own = await waitFor(
      () => slack.messagesIn(dm(ALICE)).find((m) => json(m.blocks).includes('Scorecard submitted')),
      "Alice's summary",
    );
    expect(json(own.blocks)).toContain(`evidence from ${ALICE}`);
    const progress = await waitFor(
      () =>
        slack
          .messagesIn(DEFAULT_CHANNEL_ID)
          .find((m) => json(m.blocks).includes('submitted a scorecard')),
      'the progress line in the channel',
    );
    expect(json(progress.blocks)).toContain('1 of 2 expected');
    expect(json(progress.blocks)).not.toContain('evidence from');
  });

  it("keeps Alice's scorecard from Bob until he submits his own", async () => {
    const [kit] = await kitsFor(LABEL);
    if (!kit) throw new Error('no kit');
    const before = await reply(`scorecards ${LABEL.toLowerCase()}`, BOB);
    expect(json(before)).not.toContain(`evidence from ${ALICE}`);
    expect(json(before)).toContain('hidden until you submit yours');

    await submitScorecard(kit, BOB, answersOf(kit, BOB));
    const after = await reply(`scorecards ${LABEL}`, BOB);
    expect(json(after)).toContain(`evidence from ${ALICE}`);
    expect(json(after)).toContain(`evidence from ${BOB}`);

    // A second submission changes nothing.
    const again = await submitScorecard(kit, ALICE, answersOf(kit, ALICE));
    expect(json(again)).toContain('cannot be changed');
    expect(await deps.store.kits.scorecardsForKit(slack.teamId, kit.id)).toHaveLength(2);
  });

  it('sends a kit privately instead of into a channel shared with another organisation', async () => {
    const before = slack.messagesIn(DEFAULT_SHARED_CHANNEL_ID).length;
    const answer = await reply(`kit mid 30 for Agency #7 to <#${DEFAULT_SHARED_CHANNEL_ID}>`);
    expect(answer.response_type).toBe('ephemeral');
    expect(json(answer)).toContain('shared with another organisation');
    expect(json(answer)).toContain('Score this interview');
    expect(slack.messagesIn(DEFAULT_SHARED_CHANNEL_ID)).toHaveLength(before);
    const [kit] = await kitsFor('Agency #7');
    expect(kit?.destination).toEqual({ kind: 'private' });
  });

  it('answers bad input in the ack with what is accepted and "did you mean", storing nothing', async () => {
    const count = (await kitsFor('Typo #1')).length;
    const level = await hire('kit sneior 45 for Typo #1');
    expect(json(level.ack.json)).toContain('Did you mean *senior*');
    const minutes = await hire('kit senior 7 for Typo #1');
    expect(json(minutes.ack.json)).toContain('Kits run 30, 45, 60, 90 minutes');
    const area = await hire('kit senior 45 databses for Typo #1');
    expect(json(area.ack.json)).toContain('Did you mean *Databases*');
    expect(await kitsFor('Typo #1')).toHaveLength(count);
  });

  it('builds a kit from the global shortcut: modal, errors under fields, then a thread for the panel', async () => {
    const opened = slack.callsTo('views.open').length;
    const shortcut = await interact(
      slack.payloads.globalShortcut({ callbackId: BUILD_KIT_SHORTCUT }),
    );
    expect(shortcut.status).toBe(200);
    const call = await waitFor(() => slack.callsTo('views.open')[opened], 'the request modal');
    expect((call.args.view as Body).callback_id).toBe(KIT_REQUEST_VIEW);

    const ids = KIT_REQUEST_INPUTS;
    const at = Math.floor(deps.clock.now().getTime() / 1000) + 3600;
    const values = (level: string | null) => ({
      [ids.level.blockId]: {
        [ids.level.actionId]: { type: 'static_select', selected_option: level && { value: level } },
      },
      [ids.minutes.blockId]: {
        [ids.minutes.actionId]: { type: 'static_select', selected_option: { value: '60' } },
      },
      [ids.label.blockId]: {
        [ids.label.actionId]: { type: 'plain_text_input', value: 'Platform #9' },
      },
      [ids.interviewAt.blockId]: {
        [ids.interviewAt.actionId]: { type: 'datetimepicker', selected_date_time: at },
      },
      [ids.panel.blockId]: {
        [ids.panel.actionId]: { type: 'multi_users_select', selected_users: [ALICE] },
      },
      [ids.channel.blockId]: {
        [ids.channel.actionId]: {
          type: 'conversations_select',
          selected_conversation: DEFAULT_CHANNEL_ID,
        },
      },
      [ids.thread.blockId]: {
        [ids.thread.actionId]: { type: 'checkboxes', selected_options: [{ value: 'thread' }] },
      },
    });
    const refused = await interact(
      slack.payloads.viewSubmission({ callbackId: KIT_REQUEST_VIEW, values: values(null) }),
    );
    expect(refused.json).toMatchObject({
      response_action: 'errors',
      errors: { [ids.level.blockId]: 'Choose a level.' },
    });
    expect(await kitsFor('Platform #9')).toEqual([]);

    const updates = slack.callsTo('views.update').length;
    const built = await interact(
      slack.payloads.viewSubmission({ callbackId: KIT_REQUEST_VIEW, values: values('staff') }),
    );
    expect(built.json).toMatchObject({ response_action: 'update' });
    const confirmation = await waitFor(
      () => slack.callsTo('views.update')[updates],
      'the confirmation in the modal',
    );
    expect(json(confirmation.args.view)).toContain('in a thread');
    const [kit] = await kitsFor('Platform #9');
    expect(kit).toMatchObject({
      panel: [ALICE],
      interviewAt: new Date(at * 1000),
      destination: { kind: 'thread', channelId: DEFAULT_CHANNEL_ID },
    });
    if (kit?.destination.kind !== 'thread') throw new Error('not in a thread');
    const { threadTs } = kit.destination;
    const inThread = slack.messagesIn(DEFAULT_CHANNEL_ID).filter((m) => m.threadTs === threadTs);
    expect(json(inThread.map((m) => m.blocks))).toContain('Interview kit: Staff');
    const starter = slack.workspace.findMessage(DEFAULT_CHANNEL_ID, threadTs);
    expect(json(starter?.blocks)).not.toContain('Look for');
  });

  it('"Same kit again" stores a new kit with the same questions for whoever pressed it', async () => {
    const [kit] = await kitsFor(LABEL);
    if (!kit) throw new Error('no kit');
    const posted = slack
      .messagesIn(DEFAULT_CHANNEL_ID)
      .find((m) => json(m.blocks).includes(kit.id) && json(m.blocks).includes(KIT_ACTIONS.again));
    const again = buttonValue(posted?.blocks, KIT_ACTIONS.again);
    expect(again).toMatch(/^kit senior 45 .*seed:/);
    const payload = slack.payloads.blockAction({
      actionId: KIT_ACTIONS.again,
      value: again ?? '',
      userId: BOB,
      messageTs: posted?.ts ?? '',
    });
    const id = String(payload.response_url).split('/').pop();
    await interact(payload);
    const shown = await waitFor(
      () => slack.responses.find((r) => r.id === id),
      'the new kit, privately',
    );
    expect(shown.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const rows = await deps.store.db
      .withTables<KitTables>()
      .selectFrom('kits')
      .select('id')
      .where('created_by', '=', BOB)
      .execute();
    expect(rows).toHaveLength(1);
    const copy = await deps.store.kits.getKit(slack.teamId, rows[0]?.id ?? '');
    expect(copy?.destination).toEqual({ kind: 'private' });
    const ids = (k: StoredKit | undefined) =>
      planQuestions(k?.plan ?? { segments: [] }).map((q) => q.questionId);
    expect(ids(copy)).toEqual(ids(kit));
    // Its own Score button, for the new kit.
    expect(buttonValue(shown.body.blocks, KIT_ACTIONS.score)).toBe(copy?.id);
  });

  it('erases a candidate for the kit creator and says how much, refusing anyone else', async () => {
    const refused = await reply(`scorecards delete ${LABEL}`, ALICE);
    expect(json(refused)).toContain('Nothing was erased');
    expect(await kitsFor(LABEL)).toHaveLength(1);
    const erased = await reply(`scorecards delete ${LABEL}`, CASEY);
    expect(json(erased)).toContain('Erased 2 scorecards and 1 kit');
    expect(await kitsFor(LABEL)).toEqual([]);
    expect((await deps.store.kits.listForCandidate(slack.teamId, LABEL)).scorecards).toEqual([]);
  });
});
