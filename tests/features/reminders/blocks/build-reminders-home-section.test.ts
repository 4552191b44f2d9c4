import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { checkViewLimits } from '../../../../src/dev/slack-limits.js';
import {
  buildRemindersHomeSection,
  remindersPerPage,
} from '../../../../src/features/reminders/blocks/build-reminders-home-section.js';
import {
  REMINDER_HOME_ACTIONS,
  reminderTargetSchema,
} from '../../../../src/features/reminders/reminders-ids.js';
import type { Subscription } from '../../../../src/features/reminders/subscription.js';

const sub = (i: number, extra: Partial<Subscription> = {}): Subscription => ({
  id: `sub-${i}`,
  teamId: 'T1',
  channelId: `C${i}CHAN`,
  createdBy: 'U0CASEY',
  localTime: `${String(8 + (i % 10)).padStart(2, '0')}:30`,
  timeZone: 'Europe/Berlin',
  days: [1, 2, 3, 4, 5],
  topics: ['questions', 'glossary'],
  status: 'active',
  nextRunAt: new Date('2026-03-03T07:30:00Z'),
  createdAt: new Date('2026-03-01T09:00:00Z'),
  ...extra,
});

const base = { page: 1, canChange: true, memberChannels: true, someUnchecked: false };
const home = (blocks: KnownBlock[]) => ({ type: 'home', blocks });
const json = (blocks: KnownBlock[]) => JSON.stringify(blocks);
const buttonsOf = (blocks: KnownBlock[]) =>
  blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])) as Array<{
    action_id: string;
    value: string;
    text: { text: string };
    confirm?: unknown;
  }>;

describe('the reminders part of the Home', () => {
  it('fits as many reminders as the budget allows, at most ten', () => {
    expect(remindersPerPage(100, true)).toBe(10);
    expect(remindersPerPage(13, true)).toBe(5);
    expect(remindersPerPage(13, false)).toBe(10);
    expect(remindersPerPage(4, true)).toBe(0);
    for (const max of [5, 9, 13, 26]) {
      const n = remindersPerPage(max, true);
      const blocks = buildRemindersHomeSection({
        ...base,
        reminders: Array.from({ length: n }, (_, i) => sub(i)),
      });
      expect(blocks.length).toBeLessThanOrEqual(max);
    }
  });

  it('shows channel, schedule, zone and next run, with buttons naming the reminder', () => {
    const blocks = buildRemindersHomeSection({
      ...base,
      reminders: [sub(1), sub(2, { status: 'paused', nextRunAt: null, pauseReason: 'requested' })],
    });
    expect(checkViewLimits(home(blocks))).toEqual([]);
    const text = json(blocks);
    expect(text).toContain(
      '<#C1CHAN> · weekdays at 09:30 (Europe/Berlin): questions, glossary terms',
    );
    // In each reader's own time, as Slack shows a date token.
    expect(text).toContain(
      `next: <!date^${Date.UTC(2026, 2, 3, 7, 30) / 1000}^{date_short_pretty} at {time}|2026-03-03 07:30 UTC>`,
    );
    expect(text).toContain('paused (`/hire remind resume` to restart)');
    const buttons = buttonsOf(blocks);
    expect(buttons.map((b) => [b.action_id, b.text.text])).toEqual([
      [REMINDER_HOME_ACTIONS.pause, 'Pause channel'],
      [REMINDER_HOME_ACTIONS.off, 'Turn off'],
      [REMINDER_HOME_ACTIONS.resume, 'Resume channel'],
      [REMINDER_HOME_ACTIONS.off, 'Turn off'],
    ]);
    expect(reminderTargetSchema.parse(buttons[3]?.value)).toEqual({
      channelId: 'C2CHAN',
      localTime: '10:30',
    });
    expect(buttons[1]?.confirm).toBeDefined();
  });

  it('without the right to change reminders: no buttons, and a note saying who may', () => {
    const blocks = buildRemindersHomeSection({ ...base, canChange: false, reminders: [sub(1)] });
    expect(buttonsOf(blocks)).toEqual([]);
    expect(json(blocks)).toContain('Only the hiring admins');
  });

  it('says what it covers, what it could not check, and what to do when empty', () => {
    const own = json(
      buildRemindersHomeSection({ ...base, memberChannels: false, reminders: [sub(1)] }),
    );
    expect(own).toContain('Reminders you set up.');
    expect(
      json(buildRemindersHomeSection({ ...base, someUnchecked: true, reminders: [] })),
    ).toContain('could not be checked');
    expect(json(buildRemindersHomeSection({ ...base, reminders: [] }))).toContain(
      '/hire remind daily 09:00',
    );
    expect(json(buildRemindersHomeSection({ ...base, page: 3, reminders: [] }))).toContain(
      'No more reminders',
    );
  });

  it('shows stored text escaped: no mention or link can come through', () => {
    const blocks = buildRemindersHomeSection({
      ...base,
      reminders: [sub(1, { channelId: '<!channel>', createdBy: '<!here>' })],
    });
    // What Slack renders: the mrkdwn texts (a button's value is never shown).
    const text = JSON.stringify(blocks.map((b) => (b.type === 'section' ? b.text : undefined)));
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<!here>');
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('refuses button values that do not name a reminder', () => {
    for (const value of ['', 'C1', 'C1 25:00', 'C1 09:00 extra', 'x 09:00', 42])
      expect(reminderTargetSchema.safeParse(value).success).toBe(false);
  });
});
