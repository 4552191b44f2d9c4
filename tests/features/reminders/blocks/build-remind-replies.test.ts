import { describe, expect, it } from 'vitest';
import { checkMessageLimits } from '../../../../src/dev/slack-limits.js';
import {
  buildChannelPausedNotice,
  buildNotInChannelReply,
  buildRemindAnnouncement,
  buildRemindError,
  buildRemindHelp,
  buildRemindList,
  buildSubscribedReply,
} from '../../../../src/features/reminders/blocks/build-remind-replies.js';
import type { Subscription } from '../../../../src/features/reminders/subscription.js';

const sub: Subscription = {
  id: 's1',
  teamId: 'T1',
  channelId: 'C1',
  createdBy: 'U1',
  localTime: '09:00',
  timeZone: 'Europe/Berlin',
  days: [1, 3, 5],
  level: 'senior',
  topics: ['questions', 'mistakes'],
  status: 'active',
  nextRunAt: new Date('2026-12-02T08:00:00Z'),
  createdAt: new Date('2026-11-30T08:00:00Z'),
};

describe('reminder replies', () => {
  it('confirmation names the schedule, the first run in its zone and where the zone came from', () => {
    const reply = buildSubscribedReply(sub, { replaced: false, zoneFromProfile: true });
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain(
      'Set up: Mon, Wed, Fri at 09:00 (Europe/Berlin), senior focus: questions, mistakes to avoid',
    );
    expect(reply.text).toContain('First tip: Wed 2 Dec 2026, 09:00 GMT+1');
    expect(reply.text).toContain('comes from your Slack profile');
  });

  it('list shows paused reminders with their reason', () => {
    const paused: Subscription = {
      ...sub,
      status: 'paused',
      pauseReason: 'is_archived',
      nextRunAt: null,
    };
    const text = JSON.stringify(buildRemindList([sub, paused]).blocks);
    expect(text).toContain('next: Wed 2 Dec 2026, 09:00 GMT+1');
    expect(text).toContain('paused: the channel is archived');
    expect(buildRemindList([]).text).toMatch(/No interview-prep reminders/);
  });

  it('announcements are in-channel messages naming who changed what', () => {
    const message = buildRemindAnnouncement({ kind: 'off', count: 2 }, 'U7');
    expect(message.response_type).toBeUndefined();
    expect(message.text).toBe(
      ':no_bell: <@U7> turned off 2 interview-prep reminders in this channel.',
    );
  });

  it('the pause notice tells the creator why and how to restart', () => {
    expect(buildChannelPausedNotice(sub, 'not_in_channel').text).toMatch(
      /<#C1>.*no longer a member.*\/hire remind resume/,
    );
  });

  it('every builder stays within Slack limits, even for 50 reminders', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ ...sub, id: `s${i}` }));
    for (const message of [
      buildRemindHelp(),
      buildRemindError('x'.repeat(5000), '/hire remind daily 09:00'),
      buildRemindList(many),
      buildNotInChannelReply(),
      buildRemindAnnouncement({ kind: 'resumed', subs: many }, 'U1'),
      buildChannelPausedNotice(sub, 'is_archived'),
    ]) {
      expect(checkMessageLimits(message)).toEqual([]);
    }
  });
});
