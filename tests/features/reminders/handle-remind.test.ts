import { WebClient } from '@slack/web-api';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type LoopbackSlack,
  startLoopbackSlack,
} from '../../../src/dev/loopback-slack/loopback-slack.js';
import { checkMessageLimits } from '../../../src/dev/slack-limits.js';
import {
  handleRemindSubcommand,
  type RemindDeps,
} from '../../../src/features/reminders/handle-remind.js';
import { createReminderRepository } from '../../../src/features/reminders/storage/reminder-repository.js';
import { createSharedChannelRepository } from '../../../src/features/reminders/storage/shared-channel-repository.js';
import type { Store } from '../../../src/kernel/database/store.js';
import type { SlackMessage } from '../../../src/kernel/slack/blocks/slack-message.js';
import { fixtureKnowledge } from '../../support/fixture-knowledge.js';
import { createManualClock } from '../../support/manual-clock.js';
import { openTestStore } from '../../support/test-stores.js';

const CHANNEL = 'C0LOOPBACK';
const USER = 'U0LOOPBACK'; // tz America/New_York in the loopback workspace

describe('handleRemindSubcommand', () => {
  let slack: LoopbackSlack;
  let store: Store;
  let replies: SlackMessage[];
  let deps: RemindDeps;
  /** Users whose Home was told it changed, in order. */
  let homeChanges: string[];
  /** What the last call said it changed. */
  let lastChange: string | undefined;
  const clock = createManualClock('2026-11-30T12:00:00Z'); // Monday

  beforeEach(async () => {
    slack = await startLoopbackSlack({ now: () => clock.now().getTime() });
    store = await openTestStore('sqlite::memory:');
    replies = [];
    homeChanges = [];
    deps = {
      reminders: createReminderRepository(store),
      sharedChannels: createSharedChannelRepository(store),
      knowledge: fixtureKnowledge(),
      clock,
      logger: pino({ level: 'silent' }),
      hireAdmins: [],
      events: {
        emit: (name, payload) => {
          if (name === 'home-changed') homeChanges.push((payload as { userId: string }).userId);
        },
      },
    };
  });
  afterEach(async () => {
    await store.close();
    await slack.close();
  });

  async function remind(
    args: string,
    options: { user?: string; channel?: string; admins?: string[] } = {},
  ) {
    replies.length = 0;
    lastChange = await handleRemindSubcommand(
      {
        args,
        userId: options.user ?? USER,
        channelId: options.channel ?? CHANNEL,
        teamId: slack.teamId,
        client: new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl }),
        respond: async (message) => {
          expect(checkMessageLimits(message)).toEqual([]);
          replies.push(message);
        },
      },
      { ...deps, hireAdmins: options.admins ?? [] },
    );
    expect(replies).toHaveLength(1);
    return replies[0] as SlackMessage;
  }

  const announcements = () =>
    slack
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === CHANNEL && c.outcome === 'ok');
  const subs = () => deps.reminders.listByChannel(slack.teamId, CHANNEL);

  it('subscribes in the caller’s Slack time zone, says so, and announces it in the channel', async () => {
    const reply = await remind('daily 09:00');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toMatch(/weekdays at 09:00 \(America\/New_York\)/);
    expect(reply.text).toMatch(/comes from your Slack profile/);
    expect(reply.text).toMatch(/First tip: Mon 30 Nov 2026, 09:00/);
    const [sub] = await subs();
    expect(sub).toMatchObject({
      localTime: '09:00',
      timeZone: 'America/New_York',
      days: [1, 2, 3, 4, 5],
      createdBy: USER,
    });
    expect(sub?.nextRunAt?.toISOString()).toBe('2026-11-30T14:00:00.000Z');
    expect(announcements()).toHaveLength(1);
    expect(String(announcements()[0]?.args.text)).toMatch(
      /<@U0LOOPBACK> set up interview-prep tips/,
    );
  });

  it('takes an explicit zone, days, level and topics; subscribing again at that time updates it', async () => {
    await remind('9:30am Europe/Berlin mon,wed,fri senior questions');
    const reply = await remind('9:30am Europe/Berlin every day senior questions glossary');
    expect(reply.text).toMatch(
      /^:white_check_mark: Updated: every day at 09:30 \(Europe\/Berlin\), senior focus: questions, glossary terms/,
    );
    expect(await subs()).toHaveLength(1);
    expect(String(announcements()[1]?.args.text)).toMatch(/changed interview-prep tips/);
  });

  it.each([
    ['daily 25:00', /25:00.*hours go from 00 to 23/],
    ['daily 09:00 Mars/Olympus', /Mars\/Olympus.*not a time zone/],
    ['pause until yesterday', /not in the future/],
  ])('bad input %j: a clear error with an example, and nothing changes', async (args, message) => {
    await remind('daily 08:00');
    const before = await subs();
    const posted = slack.callsTo('chat.postMessage').length;
    const reply = await remind(args);
    expect(reply.text).toMatch(message);
    expect(reply.text).toMatch(/For example: `\/hire remind /);
    expect(await subs()).toEqual(before);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(posted);
  });

  it('escapes what the user typed before echoing it', async () => {
    const reply = await remind('09:00 <!channel>');
    expect(reply.text).toContain('&lt;!channel&gt;');
    expect(reply.text).not.toContain('<!channel>');
  });

  it('says how to invite the bot when it is not in the channel, and saves nothing', async () => {
    const reply = await remind('daily 09:00', { channel: 'C0OUTSIDE' });
    expect(reply.text).toMatch(/\/invite @hire-bot/);
    expect(await deps.reminders.listByChannel(slack.teamId, 'C0OUTSIDE')).toEqual([]);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('with HIRE_ADMINS set, only admins change reminders; anyone may list', async () => {
    const refused = await remind('daily 09:00', { admins: ['UADMIN'] });
    expect(refused.text).toMatch(/Only the hiring admins/);
    expect(await subs()).toEqual([]);
    slack.workspace.addUser({ id: 'UADMIN', name: 'admin', tz: 'Asia/Tokyo' });
    const accepted = await remind('daily 09:00', { user: 'UADMIN', admins: ['UADMIN'] });
    expect(accepted.text).toMatch(/Asia\/Tokyo/);
    const listed = await remind('list', { admins: ['UADMIN'] });
    expect(JSON.stringify(listed.blocks)).toContain('weekdays at 09:00 (Asia/Tokyo)');
  });

  it('lists reminders with the next run in their own zone', async () => {
    await remind('09:00 Europe/Berlin');
    await remind('17:00 America/New_York glossary');
    const listed = JSON.stringify((await remind('list')).blocks);
    expect(listed).toContain('next: Tue 1 Dec 2026, 09:00 GMT+1');
    expect(listed).toContain('next: Mon 30 Nov 2026, 17:00 EST');
  });

  it('pauses until a date and resumes, announcing both', async () => {
    await remind('09:00 Europe/Berlin');
    const paused = await remind('pause until 2027-01-05');
    expect(paused.text).toMatch(/Paused until 2027-01-05/);
    const [sub] = await subs();
    expect(sub).toMatchObject({ status: 'paused', pausedUntil: '2027-01-05' });
    expect(sub?.nextRunAt?.toISOString()).toBe('2027-01-05T08:00:00.000Z');
    expect(JSON.stringify((await remind('list')).blocks)).toContain('paused until 2027-01-05');

    await remind('resume');
    const [resumed] = await subs();
    expect(resumed).toMatchObject({ status: 'active' });
    expect(resumed?.nextRunAt?.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(announcements().map((c) => String(c.args.text))).toEqual([
      expect.stringMatching(/set up/),
      expect.stringMatching(/paused interview-prep tips in this channel until 2027-01-05/),
      expect.stringMatching(/resumed .*next: Tue 1 Dec 2026, 09:00/),
    ]);
  });

  it('pause without a date stops the schedule until resume', async () => {
    await remind('09:00');
    await remind('pause');
    expect((await subs())[0]).toMatchObject({ status: 'paused', nextRunAt: null });
  });

  it('off removes the channel’s reminders and says so; off again changes nothing', async () => {
    await remind('09:00');
    await remind('15:00');
    expect((await remind('off 15:00')).text).toMatch(/Turned off 1/);
    expect(await subs()).toHaveLength(1);
    expect((await remind('off')).text).toMatch(/Turned off 1/);
    expect(await subs()).toEqual([]);
    const posted = announcements().length;
    expect((await remind('off')).text).toMatch(/no matching reminder/);
    expect(announcements()).toHaveLength(posted);
  });

  it('tells the caller’s Home about each change, and only about changes', async () => {
    const changes: Array<string | undefined> = [];
    for (const [args, admins] of [
      ['09:00', []],
      ['list', []],
      ['pause', []],
      ['daily 10:00', ['UADMIN']], // refused
      ['off 23:00', []], // nothing there
      ['resume', []],
    ] as const) {
      await remind(args, { admins: [...admins] });
      changes.push(lastChange);
    }
    expect(changes).toEqual(['subscribed', undefined, 'paused', undefined, undefined, 'resumed']);
    expect(homeChanges).toEqual([USER, USER, USER]);
  });

  it('preview shows the next tip privately and does not use it up', async () => {
    await remind('09:00 glossary');
    const first = await remind('preview');
    const second = await remind('preview');
    expect(first.response_type).toBe('ephemeral');
    expect(first.text).toMatch(/^Preview \(only you see this\): Interview prep — term: /);
    expect(second.text).toBe(first.text);
    const [sub] = await subs();
    expect(await deps.reminders.seenTips(sub?.id as string)).toEqual({});
  });

  it('help and an empty command explain the options', async () => {
    expect(JSON.stringify((await remind('')).blocks)).toContain('/hire remind pause until');
    expect(JSON.stringify((await remind('help')).blocks)).toContain('/hire remind preview');
  });
});
