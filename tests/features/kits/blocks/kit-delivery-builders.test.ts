import { describe, expect, it } from 'vitest';
import { checkMessageLimits, checkViewLimits } from '../../../../src/dev/slack-limits.js';
import {
  buildKitBuildingView,
  buildKitBuiltView,
  buildKitFailedView,
  buildKitPostedMessage,
  buildKitThreadStarter,
  privateKitNotice,
} from '../../../../src/features/kits/blocks/build-kit-delivery-replies.js';
import {
  buildKitErrorMessage,
  type KitError,
} from '../../../../src/features/kits/blocks/build-kit-error-message.js';
import { buildKitMessage } from '../../../../src/features/kits/blocks/build-kit-message.js';
import type { KitDelivered } from '../../../../src/features/kits/kit-delivery.js';
import { NOT_POSTED } from '../../../../src/features/kits/kit-delivery.js';
import { loadKnowledge } from '../../../../src/kernel/knowledge/load-knowledge.js';
import { HOSTILE, HOSTILE_LABEL, liveTokens, makeKit } from '../support/kit-fixtures.js';

const real = loadKnowledge();
const PANEL = ['U0ALICE', 'U0BOB', 'U0CAROL'];
const PEOPLE = [...PANEL, 'U0CREATOR'];
const kit = makeKit(real, { label: HOSTILE_LABEL, panel: PANEL, minutes: 90, level: 'staff' });
const channel = 'C0HIRING';

/** Live tokens other than the people involved and the channel the kit went to. */
const live = (payload: unknown) =>
  liveTokens(payload, PEOPLE).filter((token) => token !== `<#${channel}>`);

const deliveries: [string, KitDelivered][] = [
  [
    'channel',
    { kit, destination: { kind: 'channel', channelId: channel }, reached: PANEL, missed: [] },
  ],
  [
    'thread',
    {
      kit,
      destination: { kind: 'thread', channelId: channel, threadTs: '1712345678.000100' },
      reached: ['U0ALICE'],
      missed: ['U0BOB', 'U0CAROL'],
    },
  ],
  [
    'private instead',
    {
      kit,
      destination: { kind: 'private' },
      privateBecause: NOT_POSTED.shared,
      reached: [],
      missed: [],
    },
  ],
];

describe('kit delivery replies', () => {
  it.each(deliveries)('tell where a %s kit went, within limits and escaped', (_name, delivered) => {
    const posted = buildKitPostedMessage(delivered);
    expect(checkMessageLimits(posted)).toEqual([]);
    expect(posted.response_type).toBe('ephemeral');
    expect(live(posted)).toEqual([]);
    const built = buildKitBuiltView(delivered);
    expect(checkViewLimits(built)).toEqual([]);
    expect(live(built)).toEqual([]);
    expect(JSON.stringify(built)).toContain('&lt;!channel&gt;');
  });

  it('say who got their questions and who could not be reached', () => {
    const [, thread] = deliveries[1] ?? [];
    if (!thread) throw new Error('no fixture');
    const text = buildKitPostedMessage(thread).text;
    expect(text).toContain('in a thread in <#C0HIRING>');
    expect(text).toContain('Sent their questions to <@U0ALICE>.');
    expect(text).toContain('Could not send theirs to <@U0BOB>, <@U0CAROL>');
  });

  it('open a thread with what the kit is for, never what to listen for', () => {
    const starter = buildKitThreadStarter(kit);
    expect(checkMessageLimits(starter)).toEqual([]);
    expect(live(starter)).toEqual([]);
    const text = JSON.stringify(starter);
    for (const segment of kit.plan.segments) {
      if (segment.kind === 'question') expect(text).not.toContain(segment.lookFor[0]);
    }
  });

  it('put the reason a kit came privately at the top of the kit itself', () => {
    const notice = privateKitNotice(`${HOSTILE} ${NOT_POSTED.shared}`);
    expect(privateKitNotice(undefined)).toBeUndefined();
    const message = buildKitMessage(kit, 'private', notice === undefined ? {} : { notice });
    expect(checkMessageLimits(message)).toEqual([]);
    expect(live(message)).toEqual([]);
    expect(JSON.stringify(message.blocks.slice(0, 4))).toContain(
      'shared with another organisation',
    );
  });

  it('show progress and failure in the modal within limits', () => {
    expect(checkViewLimits(buildKitBuildingView())).toEqual([]);
    expect(checkViewLimits(buildKitFailedView())).toEqual([]);
  });
});

describe('kit errors for delivery clauses', () => {
  const errors: KitError[] = [
    { kind: 'two-channels' },
    { kind: 'panel-too-big', count: 9, max: 8 },
    { kind: 'channel-name', given: `#${HOSTILE}` },
    { kind: 'person-name', given: `@${HOSTILE}` },
  ];
  it.each(errors)('answers $kind within limits, escaped, with the usage', (error) => {
    const message = buildKitErrorMessage(error);
    expect(checkMessageLimits(message)).toEqual([]);
    expect(liveTokens(message, [])).toEqual([]);
    expect(JSON.stringify(message)).toContain('to #channel');
  });
});
