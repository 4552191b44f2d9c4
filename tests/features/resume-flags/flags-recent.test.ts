import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { showRecentFlags } from '../../../src/features/resume-flags/flags-recent.js';
import { loadKnowledge } from '../../../src/kernel/knowledge/load-knowledge.js';
import type { SlackMessage } from '../../../src/kernel/slack/blocks/slack-message.js';
import { openTestStore, type TestStore } from '../../support/test-stores.js';

const knowledge = loadKnowledge();
let store: TestStore | undefined;
afterEach(async () => {
  await store?.close();
});

function setup() {
  const lines: string[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  );
  const replies: SlackMessage[] = [];
  const respond = async (message: unknown) => {
    replies.push(message as SlackMessage);
  };
  return { logger, lines, replies, respond };
}

describe('showRecentFlags', () => {
  it('says none yet, and how to flag, in a channel without flags', async () => {
    store = await openTestStore('sqlite::memory:');
    const { logger, replies, respond } = setup();
    await showRecentFlags(
      { teamId: 'T1', channelId: 'C1', userId: 'UVIEWER', respond },
      { flags: store.flags, logger, knowledge },
    );
    expect(replies[0]?.text).toBe('No resumes flagged in this channel yet.');
    expect(JSON.stringify(replies[0]?.blocks)).toContain('Flag resume concerns');
  });

  it("lists this channel's flags, newest first, at most ten", async () => {
    store = await openTestStore('sqlite::memory:');
    for (let i = 0; i < 12; i++) {
      await store.flags.save({
        teamId: 'T1',
        channelId: 'C1',
        messageTs: `1712345678.0001${String(i).padStart(2, '0')}`,
        flaggedBy: `U${i}X`,
        concerns: ['no-testing-or-quality'],
        deliveredTo: 'thread',
        createdAt: new Date(Date.UTC(2026, 2, 1, i)),
      });
    }
    await store.flags.save({
      teamId: 'T1',
      channelId: 'C2',
      messageTs: '1.000001',
      flaggedBy: 'UOTHER',
      concerns: [],
      note: 'other channel',
      deliveredTo: 'thread',
      createdAt: new Date(Date.UTC(2026, 2, 2)),
    });
    const { logger, replies, respond } = setup();
    await showRecentFlags(
      { teamId: 'T1', channelId: 'C1', userId: 'UVIEWER', respond },
      { flags: store.flags, logger, knowledge },
    );
    const text = JSON.stringify(replies[0]?.blocks);
    expect(replies[0]?.text).toBe('The 10 latest resume flags in this channel.');
    expect(text.indexOf('<@U11X>')).toBeLessThan(text.indexOf('<@U10X>'));
    expect(text).not.toContain('<@U1X>');
    expect(text).not.toContain('UOTHER');
    expect(text).toContain('No mention of testing or code quality');
  });

  it('answers with the friendly error and logs when the store fails', async () => {
    store = await openTestStore('sqlite::memory:');
    await store.close();
    const { logger, lines, replies, respond } = setup();
    await showRecentFlags(
      { teamId: 'T1', channelId: 'C1', userId: 'UVIEWER', respond },
      { flags: store.flags, logger, knowledge },
    );
    expect(replies[0]?.text).toContain('something went wrong');
    expect(lines.join('')).toContain('could not list recent flags');
  });
});
