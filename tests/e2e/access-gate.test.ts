import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoopbackSlack } from '../../src/dev/loopback-slack/loopback-slack.js';
import {
  DEFAULT_CHANNEL_ID,
  DEFAULT_EXTERNAL_USER_ID,
  DEFAULT_GUEST_ID,
  DEFAULT_SHARED_CHANNEL_ID,
  DEFAULT_USER_ID,
} from '../../src/dev/loopback-slack/workspace.js';
import { FLAG_RESUME_SHORTCUT } from '../../src/features/resume-flags/resume-flags-ids.js';
import { loadKnowledge } from '../../src/kernel/knowledge/load-knowledge.js';
import type { LogCapture, TestDeps } from '../support/app-test-deps.js';
import { type SocketModeBot, startSocketModeBot } from './support/socket-mode-bot.js';
import { waitFor } from './support/wait-for.js';

const REFUSAL = 'hire-bot is for the hiring team of this workspace';
const RESUME =
  'Senior backend engineer, 8 years: Go, PostgreSQL, Kafka, on-call for payments at 2M requests a day.';

describe('who may see what: the access gate, end to end', () => {
  let running: SocketModeBot;
  let slack: LoopbackSlack;
  let deps: TestDeps;
  let logs: LogCapture;

  beforeAll(async () => {
    running = await startSocketModeBot({ knowledge: loadKnowledge() });
    ({ slack, deps, logs } = running);
    // A flag in #hiring that a guest must never see.
    await deps.store.flags.save({
      teamId: slack.teamId,
      channelId: DEFAULT_CHANNEL_ID,
      messageTs: '1712345678.000100',
      flaggedBy: DEFAULT_USER_ID,
      concerns: ['no-testing-or-quality'],
      note: 'Team-only note about the candidate',
      deliveredTo: 'thread',
      createdAt: new Date(),
    });
  });
  afterAll(() => running?.stop());

  /** `/hire <text>` as `userId`; resolves with everything the bot answered (ack or respond). */
  async function hire(text: string, userId: string, channelId = DEFAULT_CHANNEL_ID) {
    const responses = slack.responses.length;
    const ack = await slack.socket.send(
      'slash_commands',
      slack.payloads.slashCommand({ text, userId, channelId }),
    );
    // A follow-up answers on the response_url a moment later.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const later = slack.responses.slice(responses).map((r) => r.body);
    return JSON.stringify([ack, ...later]);
  }

  it.each([
    ['a guest', DEFAULT_GUEST_ID],
    ['someone of another organisation', DEFAULT_EXTERNAL_USER_ID],
  ])('%s gets the refusal and nothing of the knowledge or the flags', async (_who, userId) => {
    const flags = await hire('flags recent', userId);
    expect(flags).toContain(REFUSAL);
    expect(flags).not.toContain('Team-only note');
    const questions = await hire('questions senior', userId);
    expect(questions).toContain(REFUSAL);
    expect(questions).not.toMatch(/Look for|Red flags/);
    const glossary = await hire('glossary kafka', userId);
    expect(glossary).not.toContain('Message Queue');
  });

  it('a guest’s /hire help says what they may use', async () => {
    const help = await hire('help', DEFAULT_GUEST_ID);
    expect(help).toContain(REFUSAL);
    expect(help).toContain('/hire help');
    expect(help).not.toContain('glossary');
  });

  it('a guest’s resume shortcut opens the refusal, with no analysis', async () => {
    const opens = slack.callsTo('views.open').length;
    await slack.socket.send(
      'interactive',
      slack.payloads.messageShortcut({
        callbackId: FLAG_RESUME_SHORTCUT,
        userId: DEFAULT_GUEST_ID,
        message: { text: RESUME, user: 'U0CANDIDATE' },
      }),
    );
    const open = await waitFor(() => slack.callsTo('views.open')[opens], 'views.open');
    expect(JSON.stringify(open.args.view)).toContain(REFUSAL);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.callsTo('views.update')).toHaveLength(0);
  });

  it('a guest’s Home says the same, and nothing else', async () => {
    await slack.socket.send(
      'events_api',
      slack.payloads.appHomeOpened({ userId: DEFAULT_GUEST_ID }),
    );
    const home = await waitFor(() => slack.homeOf(DEFAULT_GUEST_ID), 'the Home');
    const text = JSON.stringify(home);
    expect(text).toContain(REFUSAL);
    expect(text).not.toMatch(/Search the hiring guide|reminders/i);
  });

  it('logs each refusal with its reason, never the request’s text', async () => {
    await hire('glossary secret-words-here', DEFAULT_GUEST_ID);
    const refusals = logs.lines.filter((l) => l.msg === 'refused: not on the hiring team');
    expect(refusals.some((l) => l.reason === 'guest')).toBe(true);
    expect(refusals.some((l) => l.reason === 'external')).toBe(true);
    expect(logs.raw()).not.toContain('secret-words-here');
  });

  it('a failed users.info refuses, politely', async () => {
    slack.workspace.addUser({ id: 'U0NEWBIE', name: 'newbie', tz: 'UTC' });
    slack.failNext('users.info', 'internal_error');
    expect(await hire('glossary kafka', 'U0NEWBIE')).toContain(REFUSAL);
    expect(logs.lines.some((l) => l.reason === 'lookup failed')).toBe(true);
    // Not kept: the next request asks again and gets in.
    expect(await hire('glossary kafka', 'U0NEWBIE')).toContain('Message Queue');
  });

  it('a full member in a shared channel is steered to the private destination', async () => {
    const opens = slack.callsTo('views.open').length;
    const updates = slack.callsTo('views.update').length;
    await slack.socket.send(
      'interactive',
      slack.payloads.messageShortcut({
        callbackId: FLAG_RESUME_SHORTCUT,
        channelId: DEFAULT_SHARED_CHANNEL_ID,
        message: { text: RESUME, user: 'U0CANDIDATE' },
      }),
    );
    await waitFor(() => slack.callsTo('views.open')[opens], 'views.open');
    const update = await waitFor(() => slack.callsTo('views.update')[updates], 'the review');
    const view = JSON.stringify(update.args.view);
    expect(view).toContain('shared with another organisation');
    expect(view).not.toContain("Reply in the message's thread");
  });

  it('tips stay out of a shared channel until an admin allows them', async () => {
    const refused = await hire('remind daily 9am', DEFAULT_USER_ID, DEFAULT_SHARED_CHANNEL_ID);
    expect(refused).toContain('shared with another organisation');
    expect(
      await deps.store.reminders.listByChannel(slack.teamId, DEFAULT_SHARED_CHANNEL_ID),
    ).toEqual([]);
    // casey is no workspace admin, and HIRE_ADMINS is empty: only a Slack admin may allow it.
    expect(await hire('remind allow-shared', DEFAULT_USER_ID, DEFAULT_SHARED_CHANNEL_ID)).toContain(
      'Only an admin',
    );
    slack.workspace.addUser({ id: 'U0ADMIN', name: 'ada', tz: 'UTC', isAdmin: true });
    expect(await hire('remind allow-shared', 'U0ADMIN', DEFAULT_SHARED_CHANNEL_ID)).toContain(
      'Tips are allowed in this shared channel now',
    );
    expect(await hire('remind daily 9am', DEFAULT_USER_ID, DEFAULT_SHARED_CHANNEL_ID)).toContain(
      'weekdays at 09:00',
    );
  });
});

describe('HIRE_ALLOW_GUESTS=true', () => {
  it('lets a guest in', async () => {
    const running = await startSocketModeBot({}, { HIRE_ALLOW_GUESTS: 'true' });
    try {
      const ack = await running.slack.socket.send(
        'slash_commands',
        running.slack.payloads.slashCommand({ text: 'glossary kafka', userId: DEFAULT_GUEST_ID }),
      );
      expect(JSON.stringify(ack)).toContain('Message Queue');
    } finally {
      await running.stop();
    }
  });
});
