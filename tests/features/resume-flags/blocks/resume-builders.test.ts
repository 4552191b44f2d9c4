import { readFileSync } from 'node:fs';
import type { KnownBlock, ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { checkMessageLimits, checkViewLimits } from '../../../../src/dev/slack-limits.js';
import { analyzeResume } from '../../../../src/features/resume-flags/analysis/analyze-resume.js';
import { resolveAttachmentLimits } from '../../../../src/features/resume-flags/attachments/attachment-limits.js';
import { skipReasonSchema } from '../../../../src/features/resume-flags/attachments/attachment-schemas.js';
import { skipReasonText } from '../../../../src/features/resume-flags/blocks/attachment-text.js';
import { buildFlagReviewView } from '../../../../src/features/resume-flags/blocks/build-flag-review-view.js';
import {
  buildFlagLoadingView,
  buildFlagSavedView,
  buildFlagSavingView,
  buildNothingToReviewView,
} from '../../../../src/features/resume-flags/blocks/build-flag-status-views.js';
import { buildFlagSummaryMessage } from '../../../../src/features/resume-flags/blocks/build-flag-summary-message.js';
import { buildRecentFlagsMessage } from '../../../../src/features/resume-flags/blocks/build-recent-flags-message.js';
import type { StoredFlag } from '../../../../src/features/resume-flags/flag-record.js';
import {
  decodeFlagReviewMetadata,
  encodeFlagReviewMetadata,
} from '../../../../src/features/resume-flags/flag-review.js';
import type { AttachmentSummary } from '../../../../src/features/resume-flags/read-message-files.js';
import {
  FLAG_RESUME_INPUTS,
  FLAG_RESUME_VIEW,
} from '../../../../src/features/resume-flags/resume-flags-ids.js';
import { loadKnowledge } from '../../../../src/kernel/knowledge/load-knowledge.js';

const knowledge = loadKnowledge();
const flags = knowledge.resumeFlags.flags;
const levels = knowledge.levels.levels;
const yellowFlags = flags.filter((f) => f.kind === 'yellow');
const flag = (id: string) => {
  const found = flags.find((f) => f.id === id);
  if (!found) throw new Error(`no flag ${id}`);
  return found;
};
const fixture = (name: string) =>
  readFileSync(new URL(`../analysis/fixtures/${name}.txt`, import.meta.url), 'utf8');
const analyze = (text: string) => analyzeResume(text, { flags, levels, currentYear: 2026 });
const metadata = encodeFlagReviewMetadata({
  teamId: 'T1',
  channelId: 'C0HIRING',
  messageTs: '1712345678.000100',
  author: 'U0CANDID',
  green: [],
});

const reviewView = (text: string) =>
  buildFlagReviewView({
    analysis: analyze(text),
    yellowFlags,
    levels,
    author: 'U0CANDID',
    privateMetadata: metadata,
  });

const allText = (view: { blocks: readonly unknown[] }) => JSON.stringify(view.blocks);
const inputBlock = (view: ModalView, blockId: string) =>
  view.blocks.find(
    (b): b is Extract<KnownBlock, { type: 'input' }> =>
      b.type === 'input' && b.block_id === blockId,
  );

describe('review modal', () => {
  it('matches the snapshot for a strong senior resume', () => {
    expect(reviewView(fixture('strong-senior'))).toMatchSnapshot();
  });

  it.each(['strong-senior', 'junior-tutorials', 'buzzwords', 'german-backend', 'short-note'])(
    'stays within Slack limits for %s',
    (name) => {
      expect(checkViewLimits(reviewView(fixture(name)))).toEqual([]);
    },
  );

  it('shows green flags with their evidence and the level with its /hire pointer', () => {
    const text = allText(reviewView(fixture('strong-senior')));
    expect(text).toContain('PostgreSQL, Redis, MongoDB');
    expect(text).toContain('2M requests a day');
    expect(text).toContain('Estimated level: Senior');
    expect(text).toContain('/hire questions senior');
  });

  it('ticks the yellow flags found, offers every yellow flag, and stays under 10 options', () => {
    const view = reviewView(fixture('junior-tutorials'));
    const block = inputBlock(view, FLAG_RESUME_INPUTS.concerns.blockId);
    if (block?.element.type !== 'checkboxes') throw new Error('no checkboxes');
    expect(block.element.options.map((o) => o.value)).toEqual(yellowFlags.map((f) => f.id));
    expect(block.element.options.length).toBeLessThanOrEqual(10);
    expect(block.element.initial_options?.map((o) => o.value).sort()).toEqual([
      'no-database-or-api',
      'no-production-exposure',
      'no-testing-or-quality',
      'tutorial-projects-only',
    ]);
    expect(block.optional).toBe(true);
  });

  it('leaves initial_options out when nothing is ticked (Slack refuses an empty list)', () => {
    const block = inputBlock(
      reviewView(fixture('strong-senior')),
      FLAG_RESUME_INPUTS.concerns.blockId,
    );
    expect(block?.element).not.toHaveProperty('initial_options');
  });

  it('has an optional, bounded multiline note and a destination choice defaulting to the thread', () => {
    const view = reviewView(fixture('strong-senior'));
    const note = inputBlock(view, FLAG_RESUME_INPUTS.note.blockId);
    expect(note).toMatchObject({
      optional: true,
      element: { type: 'plain_text_input', multiline: true, max_length: 1000 },
    });
    const destination = inputBlock(view, FLAG_RESUME_INPUTS.destination.blockId);
    expect(destination?.element).toMatchObject({
      type: 'radio_buttons',
      initial_option: { value: 'thread' },
    });
    expect(view).toMatchObject({ callback_id: FLAG_RESUME_VIEW, submit: { text: 'Save' } });
  });

  it('says when the text was cut at 40,000 characters, and stays within limits', () => {
    const view = reviewView(`${fixture('strong-senior')}\n${'x'.repeat(45_000)}`);
    expect(allText(view)).toContain('first 40,000 characters');
    expect(checkViewLimits(view)).toEqual([]);
  });

  it('escapes whatever it quotes from the message', () => {
    const view = reviewView(`${fixture('generic-claims')} <!channel> backend experience`);
    expect(allText(view)).not.toContain('<!channel>');
  });

  it('carries only ids and numbers in private_metadata', () => {
    const view = reviewView(fixture('strong-senior'));
    expect(view.private_metadata).toBe(metadata);
    expect(decodeFlagReviewMetadata(view.private_metadata)).toMatchObject({
      teamId: 'T1',
      channelId: 'C0HIRING',
    });
    expect(view.private_metadata).not.toContain('Priya');
  });
});

describe('status modals', () => {
  it.each([
    ['loading', buildFlagLoadingView(), 'Reading the message'],
    ['saving', buildFlagSavingView(), 'Saving'],
    ['empty', buildNothingToReviewView('empty'), 'no text to review'],
    ['files only', buildNothingToReviewView('files-only'), 'only files'],
    ['saved in thread', buildFlagSavedView({ delivered: 'thread', stored: true }), 'thread'],
    [
      'saved privately',
      buildFlagSavedView({ delivered: 'private', stored: true }),
      'direct message',
    ],
    [
      'fallback',
      buildFlagSavedView({
        delivered: 'private-fallback',
        reason: 'the channel is archived',
        stored: true,
      }),
      'the channel is archived',
    ],
    [
      'not stored',
      buildFlagSavedView({ delivered: 'thread', stored: false }),
      'could not be saved',
    ],
  ])('%s: says so, has no submit button, fits the limits', (_name, view, words) => {
    expect(allText(view)).toContain(words);
    expect(view.submit).toBeUndefined();
    expect(checkViewLimits(view)).toEqual([]);
  });
});

describe('attached files in the modals', () => {
  const limits = resolveAttachmentLimits();
  const every = skipReasonSchema.options;
  const summary = (
    read: AttachmentSummary['read'],
    skipped: AttachmentSummary['skipped'],
  ): AttachmentSummary => ({ read, skipped, limits });

  it('says what the loading modal reads by type, never by name', () => {
    expect(allText(buildFlagLoadingView(['pdf']))).toContain('its attached PDF…');
    expect(allText(buildFlagLoadingView([undefined]))).toContain('its attached file…');
    expect(allText(buildFlagLoadingView(['pdf', 'docx', 'pdf']))).toContain(
      '3 attached files (PDF, Word document)…',
    );
    expect(allText(buildFlagLoadingView())).toContain('Reading the message…');
  });

  it('gives every reason its own clear words, with the limits it applies', () => {
    const texts = [...every, 'reader-failed' as const].map((reason) =>
      skipReasonText(reason, limits),
    );
    expect(new Set(texts).size).toBe(every.length + 1);
    expect(skipReasonText('too-large', limits)).toContain('over 10 MB');
    expect(skipReasonText('timeout', limits)).toContain('longer than 10 seconds');
    expect(skipReasonText('too-many', limits)).toContain('at most 3 files');
    expect(skipReasonText('no-text-layer', limits)).toContain('no OCR');
  });

  it('lists files that gave no text, escaped, and stays within limits with many long names', () => {
    const name = `<!channel> & ${'x'.repeat(300)}.png`;
    const skipped = Array.from({ length: 30 }, (_, i) => ({
      id: `F${i}`,
      name,
      reason: every[i % every.length] ?? 'corrupt',
    }));
    const view = buildNothingToReviewView('files-only', summary([], skipped));
    const text = allText(view);
    expect(text).toContain('only files');
    expect(text).toContain('&lt;!channel&gt; &amp; xxx');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('and 20 more');
    expect(view.submit).toBeUndefined();
    expect(checkViewLimits(view)).toEqual([]);
  });

  it('names the files the review read, with pages and cuts, and those it did not', () => {
    const view = buildFlagReviewView({
      analysis: analyze(fixture('strong-senior')),
      yellowFlags,
      levels,
      author: 'U0CANDID',
      privateMetadata: metadata,
      attachments: summary(
        [
          { id: 'F1', name: 'cv.pdf', type: 'pdf', bytes: 9000, pages: 80, truncated: true },
          { id: 'F2', name: 'notes.md', type: 'markdown', bytes: 90, truncated: false },
        ],
        [{ id: 'F3', name: 'photo.png', reason: 'unsupported-type' }],
      ),
    });
    const text = allText(view);
    expect(text).toContain('Nothing of its text or files is stored');
    expect(text).toContain('“cv.pdf” (PDF, 80 pages, only the first 50 pages read)');
    expect(text).toContain('“notes.md” (Markdown file)');
    expect(text).toContain('“photo.png”: not a type the bot can read');
    expect(checkViewLimits(view)).toEqual([]);
  });
});

describe('summary message', () => {
  const input = {
    reviewerId: 'U0REVIEW',
    concerns: [flag('no-testing-or-quality'), flag('tutorial-projects-only')],
    strengths: [flag('language-proficiency')],
    levels,
    level: 'junior',
    years: 1,
    note: 'Keen, but <!channel> check testing & deploys\nsecond line',
    permalink: 'https://example.slack.com/archives/C0HIRING/p1712345678000100',
  };

  it('matches the snapshot', () => {
    expect(buildFlagSummaryMessage(input)).toMatchSnapshot();
  });

  it('lists concerns with the question to ask, the level, and the escaped note', () => {
    const message = buildFlagSummaryMessage(input);
    const text = allText(message);
    expect(text).toContain(flag('no-testing-or-quality').ask);
    expect(text).toContain('/hire questions junior');
    expect(text).toContain('&lt;!channel&gt; check testing &amp; deploys');
    expect(text).not.toContain('<!channel>');
    expect(message.text).toBe('Resume review by <@U0REVIEW>: 2 concerns.');
    expect(checkMessageLimits(message)).toEqual([]);
  });

  it('says why it came privately, and fits the limits with every concern and a full note', () => {
    const message = buildFlagSummaryMessage({
      ...input,
      concerns: yellowFlags,
      strengths: flags.filter((f) => f.kind === 'green'),
      note: 'n'.repeat(1000),
      privateBecause: 'the bot is not a member of that channel; invite it with /invite',
    });
    expect(allText(message)).toContain('Sent only to you: the bot is not a member');
    expect(checkMessageLimits(message)).toEqual([]);
  });

  it('refuses to turn an odd permalink into a link', () => {
    const message = buildFlagSummaryMessage({ ...input, permalink: 'javascript:alert(1)|x>' });
    expect(allText(message)).not.toContain('javascript:');
  });
});

describe('/hire flags recent message', () => {
  const stored = (i: number, overrides: Partial<StoredFlag> = {}): StoredFlag => ({
    id: `id-${i}`,
    teamId: 'T1',
    channelId: 'C0HIRING',
    messageTs: `1712345678.00010${i}`,
    permalink: `https://example.slack.com/archives/C0HIRING/p17123456780001${i}`,
    flaggedBy: 'U0REVIEW',
    concerns: ['no-testing-or-quality', 'retired-flag-id'],
    note: 'n'.repeat(1000),
    deliveredTo: 'thread',
    createdAt: new Date(Date.UTC(2026, 2, i + 1, 9)),
    ...overrides,
  });

  it('explains how to flag when there are none yet', () => {
    const message = buildRecentFlagsMessage([], flags);
    expect(message.text).toContain('No resumes flagged');
    expect(allText(message)).toContain('Flag resume concerns');
    expect(message.response_type).toBe('ephemeral');
  });

  it('shows who, when, concerns by name (unknown ids as they are) and the link', () => {
    const message = buildRecentFlagsMessage([stored(1)], flags);
    const text = allText(message);
    expect(text).toContain('<@U0REVIEW>');
    expect(text).toContain('<!date^1772442000^');
    expect(text).toContain(flag('no-testing-or-quality').name);
    expect(text).toContain('retired-flag-id');
    expect(text).toContain('|a message>');
    expect(message).toMatchSnapshot();
  });

  it('fits the limits with ten flags carrying the longest notes', () => {
    const message = buildRecentFlagsMessage(
      Array.from({ length: 10 }, (_, i) => stored(i)),
      flags,
    );
    expect(checkMessageLimits(message)).toEqual([]);
  });
});
