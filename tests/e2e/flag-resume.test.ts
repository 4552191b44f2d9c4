import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoopbackSlack } from '../../src/dev/loopback-slack/loopback-slack.js';
import { DEFAULT_CHANNEL_ID, DEFAULT_USER_ID } from '../../src/dev/loopback-slack/workspace.js';
import {
  FLAG_RESUME_INPUTS,
  FLAG_RESUME_SHORTCUT,
  FLAG_RESUME_VIEW,
} from '../../src/features/resume-flags/resume-flags-ids.js';
import { loadKnowledge } from '../../src/kernel/knowledge/load-knowledge.js';
import type { LogCapture, TestDeps } from '../support/app-test-deps.js';
import { type SocketModeBot, startSocketModeBot } from './support/socket-mode-bot.js';
import { waitFor } from './support/wait-for.js';

/** A sentence that appears only in the resume: it must never reach the store or the logs. */
const SECRET_SENTENCE = 'Quietly rebuilt the zebra-striped settlement ledger for Moonfish Bank.';
const RESUME = readFileSync(
  new URL('../features/resume-flags/analysis/fixtures/strong-senior.txt', import.meta.url),
  'utf8',
).replace('Summary\n', `Summary\n${SECRET_SENTENCE}\n`);
const JUNIOR = readFileSync(
  new URL('../features/resume-flags/analysis/fixtures/junior-tutorials.txt', import.meta.url),
  'utf8',
);

/** The loopback files a bot's message to a user id under the DM channel `D…`. */
const DM_CHANNEL = `D${DEFAULT_USER_ID.slice(1)}`;

type View = {
  blocks: unknown[];
  private_metadata?: string;
  submit?: unknown;
};

describe('"Flag resume concerns" end to end (real Bolt, Socket Mode, loopback Slack)', () => {
  let slack: LoopbackSlack;
  let deps: TestDeps;
  let logs: LogCapture;
  let dir: string;
  let running: SocketModeBot | undefined;

  beforeAll(async () => {
    // A real file, so the privacy check can read every byte the store wrote.
    dir = mkdtempSync(join(tmpdir(), 'hire-flag-e2e-'));
    running = await startSocketModeBot({
      knowledge: loadKnowledge(),
      databaseUrl: `sqlite:${join(dir, 'bot.db')}`,
    });
    ({ slack, deps, logs } = running);
  });
  afterAll(async () => {
    await running?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The reviewer's view of a channel's flags (their own private ones included). */
  const reviewerFlags = (channelId: string) =>
    deps.store.flags.listVisible({
      teamId: slack.teamId,
      channelId,
      viewerId: DEFAULT_USER_ID,
      limit: 100,
    });

  const viewById = (id: string) => slack.workspace.views.get(id) as { view: View } | undefined;

  /** Runs the shortcut on a message and resolves with the modal once the analysis replaced it. */
  async function flag(text: string, channelId = DEFAULT_CHANNEL_ID, files?: unknown[]) {
    const before = slack.callsTo('views.open').length;
    const updatesBefore = slack.callsTo('views.update').length;
    const payload = slack.payloads.messageShortcut({
      callbackId: FLAG_RESUME_SHORTCUT,
      channelId,
      message: { text, user: 'U0CANDIDATE', ...(files ? { files } : {}) },
    });
    await slack.socket.send('interactive', payload);
    const open = await waitFor(() => slack.callsTo('views.open')[before], 'views.open');
    const update = await waitFor(
      () => slack.callsTo('views.update')[updatesBefore],
      'views.update',
    );
    expect(update.outcome).toBe('ok');
    const viewId = String(update.args.view_id);
    const updated = await waitFor(() => {
      const current = viewById(viewId)?.view;
      return current && !JSON.stringify(current.blocks).includes('Reading the message') && current;
    }, 'the review modal');
    return { open, viewId, view: updated, messageTs: String(payload.message_ts) };
  }

  const submit = (viewId: string, view: View, values: Record<string, Record<string, unknown>>) =>
    slack.socket.send(
      'interactive',
      slack.payloads.viewSubmission({
        callbackId: FLAG_RESUME_VIEW,
        viewId,
        privateMetadata: view.private_metadata ?? '',
        values,
      }),
    );

  const form = (concerns: string[], destination: 'thread' | 'private', note?: string) => ({
    [FLAG_RESUME_INPUTS.concerns.blockId]: {
      [FLAG_RESUME_INPUTS.concerns.actionId]: {
        type: 'checkboxes',
        selected_options: concerns.map((value) => ({
          value,
          text: { type: 'plain_text', text: value },
        })),
      },
    },
    [FLAG_RESUME_INPUTS.note.blockId]: {
      [FLAG_RESUME_INPUTS.note.actionId]: { type: 'plain_text_input', value: note ?? null },
    },
    [FLAG_RESUME_INPUTS.destination.blockId]: {
      [FLAG_RESUME_INPUTS.destination.actionId]: {
        type: 'radio_buttons',
        selected_option: { value: destination },
      },
    },
  });

  it('opens a "Reading the message…" modal at once, then shows the flags found', async () => {
    slack.clearCalls();
    const { open, view } = await flag(RESUME);
    // The first Web API call after the access gate's look-up of the user, made with the
    // trigger while it was valid (the loopback refuses triggers older than Slack's 3 seconds).
    expect(slack.calls.filter((c) => c.method !== 'users.info')[0]?.method).toBe('views.open');
    expect(open.outcome).toBe('ok');
    expect(JSON.stringify(open.args.view)).toContain('Reading the message');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('PostgreSQL, Redis, MongoDB');
    expect(text).toContain('2M requests a day');
    expect(text).toContain('/hire questions senior');
    expect(view.private_metadata).not.toContain('Moonfish');
  });

  it('posts the summary in the thread, stores the flag and confirms', async () => {
    const { viewId, view, messageTs } = await flag(JUNIOR);
    const ack = await submit(
      viewId,
      view,
      form(['tutorial-projects-only', 'no-testing-or-quality'], 'thread', 'Ask about tests'),
    );
    expect(ack.response_action).toBe('update');
    const reply = await waitFor(
      () => slack.messagesIn(DEFAULT_CHANNEL_ID).find((m) => m.threadTs === messageTs),
      'the thread reply',
    );
    expect(reply.user).toBe(slack.botUserId);
    expect(JSON.stringify(reply.blocks)).toContain('Only tutorial-level projects');
    const confirmation = await waitFor(() => {
      const current = viewById(viewId)?.view;
      return JSON.stringify(current?.blocks).includes('Flag saved') && current;
    }, 'the confirmation');
    expect(JSON.stringify(confirmation.blocks)).toContain('thread');
    const [stored] = await reviewerFlags(DEFAULT_CHANNEL_ID);
    expect(stored).toMatchObject({
      messageTs,
      flaggedBy: DEFAULT_USER_ID,
      concerns: ['tutorial-projects-only', 'no-testing-or-quality'],
      note: 'Ask about tests',
      deliveredTo: 'thread',
    });
    expect(stored?.permalink).toMatch(/^https?:\/\//);
  });

  it('shows errors under the field and changes nothing when there is nothing to record', async () => {
    const { viewId, view } = await flag(JUNIOR);
    const before = (await reviewerFlags(DEFAULT_CHANNEL_ID)).length;
    const posts = slack.callsTo('chat.postMessage').length;
    const ack = await submit(viewId, view, form([], 'thread'));
    expect(ack).toMatchObject({
      response_action: 'errors',
      errors: {
        [FLAG_RESUME_INPUTS.concerns.blockId]: expect.stringContaining('Tick at least one'),
      },
    });
    expect(await reviewerFlags(DEFAULT_CHANNEL_ID)).toHaveLength(before);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(posts);
  });

  it.each([
    ['C0OUTSIDE', 'not a member'],
    ['C0ARCHIVED', 'archived'],
  ])(
    'in %s the result comes privately with the reason, and the flag is stored',
    async (channel, reason) => {
      const { viewId, view } = await flag(JUNIOR, channel);
      await submit(viewId, view, form(['no-testing-or-quality'], 'thread'));
      const dm = await waitFor(
        () => slack.messagesIn(DM_CHANNEL).find((m) => JSON.stringify(m.blocks).includes(reason)),
        'the private summary',
      );
      expect(JSON.stringify(dm.blocks)).toContain('No mention of testing');
      const confirmation = await waitFor(() => {
        const current = viewById(viewId)?.view;
        return JSON.stringify(current?.blocks).includes('Flag saved') && current;
      }, 'the confirmation');
      expect(JSON.stringify(confirmation.blocks)).toContain('direct message');
      const [stored] = await reviewerFlags(channel);
      expect(stored).toMatchObject({
        deliveredTo: 'private-fallback',
        concerns: ['no-testing-or-quality'],
      });
    },
  );

  it.each([
    ['empty text', '', undefined, 'no text to review'],
    ['images only', '', [{ id: 'F1', mimetype: 'image/png', name: 'resume.png' }], 'only files'],
  ])('%s gets a clear modal without a form', async (_name, text, files, words) => {
    const { view } = await flag(text, DEFAULT_CHANNEL_ID, files);
    expect(JSON.stringify(view.blocks)).toContain(words);
    expect(view.submit).toBeUndefined();
  });

  it('reads only the first 40,000 characters of a longer message, and says so', async () => {
    const { view } = await flag(`${JUNIOR}\n${'More filler text for the reviewer. '.repeat(1500)}`);
    expect(JSON.stringify(view.blocks)).toContain('first 40,000 characters');
    expect(JSON.stringify(view.blocks)).toContain('Only tutorial-level projects');
  });

  it('survives an expired trigger: no modal, a warning in the log, nothing else', async () => {
    slack.failNext('views.open', 'expired_trigger_id');
    const updates = slack.callsTo('views.update').length;
    await slack.socket.send(
      'interactive',
      slack.payloads.messageShortcut({
        callbackId: FLAG_RESUME_SHORTCUT,
        message: { text: JUNIOR },
      }),
    );
    await waitFor(
      () => logs.raw().includes('could not open the review modal'),
      'the warning in the log',
    );
    expect(slack.callsTo('views.update')).toHaveLength(updates);
  });

  it('`/hire flags recent` lists the flag with who, concerns and link', async () => {
    await slack.socket.send(
      'slash_commands',
      slack.payloads.slashCommand({ text: 'flags recent', channelId: DEFAULT_CHANNEL_ID }),
    );
    const response = await waitFor(
      () => slack.responses.find((r) => JSON.stringify(r.body).includes('Recent resume flags')),
      'the recent flags answer',
    );
    const text = JSON.stringify(response.body);
    expect(text).toContain(`<@${DEFAULT_USER_ID}>`);
    expect(text).toContain('Only tutorial-level projects');
    expect(response.responseType).toBe('ephemeral');
  });

  it('shows a private flag to its reviewer alone, marked so, and a thread flag to everyone', async () => {
    const other = 'U0RILEY';
    slack.workspace.addUser({ id: other, name: 'riley', tz: 'Europe/Berlin' });
    const { viewId, view } = await flag(JUNIOR);
    await submit(viewId, view, form(['no-testing-or-quality'], 'private', 'Only-for-casey note'));
    await waitFor(
      async () =>
        (await reviewerFlags(DEFAULT_CHANNEL_ID)).some((f) => f.note === 'Only-for-casey note'),
      'the private flag',
    );
    const recentFor = async (userId: string) => {
      const before = slack.responses.length;
      await slack.socket.send(
        'slash_commands',
        slack.payloads.slashCommand({
          text: 'flags recent',
          channelId: DEFAULT_CHANNEL_ID,
          userId,
        }),
      );
      const response = await waitFor(() => slack.responses[before], 'the recent flags answer');
      return JSON.stringify(response.body);
    };
    const forOther = await recentFor(other);
    expect(forOther).not.toContain('Only-for-casey');
    expect(forOther).not.toContain('only you can see this');
    // The thread flag of the earlier test is the channel's: both see it.
    expect(forOther).toContain('Ask about tests');
    const forAuthor = await recentFor(DEFAULT_USER_ID);
    expect(forAuthor).toContain('Only-for-casey note');
    expect(forAuthor).toContain('only you can see this');
    expect(forAuthor).toContain('Ask about tests');
  });

  it('never stores or logs the resume text', async () => {
    // Run a full flow with the distinctive sentence, then read every byte the store wrote.
    const { viewId, view } = await flag(RESUME);
    await submit(viewId, view, form([], 'private', 'Strong, move on'));
    await waitFor(
      async () =>
        (await reviewerFlags(DEFAULT_CHANNEL_ID)).some((f) => f.note === 'Strong, move on'),
      'the stored flag',
    );
    const files = readdirSync(dir).map((name) => readFileSync(join(dir, name)).toString('latin1'));
    expect(files.join('').length).toBeGreaterThan(0);
    expect(files.join('')).toContain('Strong, move on'); // the check can see stored text…
    for (const content of files) expect(content).not.toContain('Moonfish'); // …but not the resume
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(logs.raw()).toContain('resume analysed');
    expect(logs.raw()).not.toContain('Moonfish');
    expect(logs.raw()).not.toContain(SECRET_SENTENCE.slice(0, 30));
  });
});
