import { describe, expect, it } from 'vitest';
import {
  decodeFlagReviewMetadata,
  encodeFlagReviewMetadata,
  parseFlagReviewForm,
} from '../../../src/features/resume-flags/flag-review.js';

const known = ['no-testing-or-quality', 'tutorial-projects-only'];

describe('review metadata', () => {
  const metadata = {
    teamId: 'T1',
    channelId: 'C0HIRING',
    messageTs: '1712345678.000100',
    author: 'U0CANDID',
    green: ['database-experience'],
    level: 'senior' as const,
    years: 7,
  };

  it('round-trips ids and numbers, well under 3,000 characters', () => {
    const encoded = encodeFlagReviewMetadata(metadata);
    expect(encoded.length).toBeLessThan(3000);
    expect(decodeFlagReviewMetadata(encoded)).toEqual(metadata);
  });

  it('drops anything that is not part of the schema, such as text', () => {
    const encoded = encodeFlagReviewMetadata({ ...metadata, text: 'resume' } as typeof metadata);
    expect(encoded).not.toContain('resume');
  });

  it.each([
    undefined,
    '',
    'not json',
    '{"channelId":"C1"}',
    '{"channelId":"<!channel>","messageTs":"1.2"}',
  ])('rejects %j', (raw) => {
    expect(decodeFlagReviewMetadata(raw)).toBeUndefined();
  });
});

describe('parseFlagReviewForm', () => {
  it('accepts concerns with a trimmed note and a destination', () => {
    expect(
      parseFlagReviewForm(
        { concerns: ['no-testing-or-quality'], note: '  ask about CI  ', destination: 'thread' },
        known,
      ),
    ).toEqual({
      ok: true,
      form: { concerns: ['no-testing-or-quality'], note: 'ask about CI', destination: 'thread' },
    });
  });

  it('accepts a note alone, and treats a blank note as none', () => {
    expect(
      parseFlagReviewForm({ concerns: [], note: 'Looks strong', destination: 'private' }, known).ok,
    ).toBe(true);
    expect(
      parseFlagReviewForm({ concerns: [], note: '   ', destination: 'private' }, known),
    ).toEqual({
      ok: false,
      errors: { concerns: expect.stringContaining('Tick at least one concern or write a note') },
    });
  });

  it('puts each problem under its own field', () => {
    const result = parseFlagReviewForm(
      { concerns: ['made-up-flag'], note: 'x'.repeat(1001), destination: undefined },
      known,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        concerns: expect.stringContaining('out of date'),
        note: 'Keep the note under 1,000 characters.',
        destination: 'Choose where the result goes.',
      },
    });
  });
});
