import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { checkViewLimits } from '../../../../src/dev/slack-limits.js';
import {
  buildFlagsHomeSection,
  flagsPerPage,
} from '../../../../src/features/resume-flags/blocks/build-flags-home-section.js';
import type { StoredFlag } from '../../../../src/features/resume-flags/flag-record.js';
import { fixtureKnowledge } from '../../../support/fixture-knowledge.js';

const knownFlags = fixtureKnowledge().resumeFlags.flags;
const concern = knownFlags.find((f) => f.kind === 'yellow');

const flag = (i: number, extra: Partial<StoredFlag> = {}): StoredFlag => ({
  id: `flag-${i}`,
  teamId: 'T1',
  channelId: 'C0HIRING',
  messageTs: '1712345678.000100',
  permalink: 'https://loopback.slack/archives/C0HIRING/p1712345678000100',
  flaggedBy: 'U0CASEY',
  concerns: concern ? [concern.id] : [],
  deliveredTo: 'thread',
  createdAt: new Date(Date.UTC(2026, 2, 1, 9, i)),
  ...extra,
});

const json = (blocks: KnownBlock[]) => JSON.stringify(blocks);

describe('the resume flags part of the Home', () => {
  it('fits the budget: one block per flag, at most ten', () => {
    expect(flagsPerPage(100)).toBe(10);
    expect(flagsPerPage(8)).toBe(5);
    expect(flagsPerPage(3)).toBe(0);
    const blocks = buildFlagsHomeSection({
      flags: Array.from({ length: 10 }, (_, i) => flag(i)),
      page: 1,
      knownFlags,
    });
    expect(blocks).toHaveLength(12);
    expect(checkViewLimits({ type: 'home', blocks })).toEqual([]);
  });

  it('names concerns, links the message and says where each went, private ones included', () => {
    const text = json(
      buildFlagsHomeSection({
        flags: [flag(1, { deliveredTo: 'private' }), flag(2, { deliveredTo: 'undelivered' })],
        page: 1,
        knownFlags,
      }),
    );
    if (concern) expect(text).toContain(concern.name);
    expect(text).toContain(
      '<https://loopback.slack/archives/C0HIRING/p1712345678000100|the message>',
    );
    expect(text).toContain('in <#C0HIRING>');
    expect(text).toContain('sent to you only');
    expect(text).toContain('not delivered, kept here');
    expect(text).toContain('Only you see this list');
  });

  it('escapes the reviewer’s note and shortens a long one', () => {
    const text = json(
      buildFlagsHomeSection({
        flags: [flag(1, { note: `<!channel> ${'x'.repeat(1000)}` })],
        page: 1,
        knownFlags,
      }),
    );
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('x'.repeat(400));
  });

  it('says how to flag a resume when there is none yet', () => {
    expect(json(buildFlagsHomeSection({ flags: [], page: 1, knownFlags }))).toContain(
      'Flag resume concerns',
    );
    expect(json(buildFlagsHomeSection({ flags: [], page: 2, knownFlags }))).toContain(
      'No older flags',
    );
  });
});
