import { describe, expect, it } from 'vitest';
import { parseKitDelivery } from '../../../src/features/kits/parse-kit-delivery.js';

describe('parseKitDelivery', () => {
  it('leaves a plain kit command private and untouched', () => {
    expect(parseKitDelivery('senior 60 databases for Backend #42')).toEqual({
      ok: true,
      kitText: 'senior 60 databases for Backend #42',
      to: { kind: 'private' },
      panel: [],
    });
  });

  it('reads a linked channel, a thread and a panel anywhere, also after the label', () => {
    expect(
      parseKitDelivery(
        'senior 60 for Backend #42 to <#C0HIRING|hiring> in a thread with <@U0ALICE|alice>, <@U0BOB> and <@W0CAROL>',
      ),
    ).toEqual({
      ok: true,
      kitText: 'senior 60 for Backend #42',
      to: { kind: 'channel', channel: 'C0HIRING', inThread: true },
      panel: ['U0ALICE', 'U0BOB', 'W0CAROL'],
    });
    expect(parseKitDelivery('<#C0HIRING> mid with <@U0ALICE> <@U0ALICE>')).toMatchObject({
      kitText: 'mid',
      to: { kind: 'channel', channel: 'C0HIRING', inThread: false },
      panel: ['U0ALICE'],
    });
  });

  it.each([
    ['mid to here', 'mid', false],
    ['mid in this channel', 'mid', false],
    ['mid for Backend #42 here', 'mid for Backend #42', false],
    ['mid as a thread', 'mid', true],
    ['mid to here threaded', 'mid', true],
  ])('reads %s as this channel', (text, kitText, inThread) => {
    expect(parseKitDelivery(text)).toEqual({
      ok: true,
      kitText,
      to: { kind: 'channel', channel: 'here', inThread },
      panel: [],
    });
  });

  it('does not take special mentions for destinations or people', () => {
    expect(parseKitDelivery('mid <!here> <!channel>')).toEqual({
      ok: true,
      kitText: 'mid <!here> <!channel>',
      to: { kind: 'private' },
      panel: [],
    });
  });

  it('refuses two channels, a panel over eight and names Slack did not link', () => {
    expect(parseKitDelivery('mid to <#C0ONE> to here')).toEqual({
      ok: false,
      error: { kind: 'two-channels' },
    });
    const nine = Array.from({ length: 9 }, (_, i) => `<@U0P${i}>`).join(' ');
    expect(parseKitDelivery(`mid with ${nine}`)).toEqual({
      ok: false,
      error: { kind: 'panel-too-big', count: 9, max: 8 },
    });
    expect(parseKitDelivery('mid to #hiring')).toEqual({
      ok: false,
      error: { kind: 'channel-name', given: '#hiring' },
    });
    expect(parseKitDelivery('mid for Backend #42 with @alex')).toEqual({
      ok: false,
      error: { kind: 'person-name', given: '@alex' },
    });
  });

  it('never throws on odd text', () => {
    for (const text of ['', '   ', '<@', '<#>', '<@U0X|', 'to', 'with', 'x'.repeat(600)]) {
      expect(() => parseKitDelivery(text)).not.toThrow();
    }
  });
});
