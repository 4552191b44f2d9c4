import { describe, expect, it } from 'vitest';
import { checkMessageLimits, checkViewLimits } from '../../../../src/dev/slack-limits.js';
import { buildMissesHomeSection } from '../../../../src/features/lookup-stats/blocks/build-misses-home-section.js';
import {
  buildStatsMessage,
  buildStatsPeriodMessage,
} from '../../../../src/features/lookup-stats/blocks/build-stats-message.js';
import { summarizeLookups } from '../../../../src/features/lookup-stats/lookup-summary.js';
import { HIRE_ACTION_PATTERNS } from '../../../../src/kernel/hire-command/hire-command-ids.js';
import { MAX_RECORDED_QUERY } from '../../../../src/kernel/knowledge/search/normalize.js';

const HOSTILE = '<!channel> <@U0BOSS> <http://evil.example|click> &amp;';
type Button = { action_id: string; value: string };

const buttonsOf = (blocks: unknown[]): Button[] =>
  (blocks as { accessory?: Button & { type: string } }[])
    .map((b) => b.accessory)
    .filter((a): a is Button & { type: string } => a?.type === 'button');

/** The largest stats there can be: ten of each list, queries as long as records keep. */
function fullSummary() {
  const long = (i: number) => `${i} ${'w'.repeat(MAX_RECORDED_QUERY - 3)}`;
  return summarizeLookups(
    {
      found: Array.from({ length: 10 }, (_, i) => ({
        module: 'search',
        key: i === 0 ? HOSTILE : long(i),
        isEntry: false,
        count: 100 - i,
      })),
      missed: Array.from({ length: 10 }, (_, i) => ({
        query: i === 0 ? HOSTILE : long(i),
        count: 50 - i,
      })),
      bySubcommand: [
        'glossary',
        'questions',
        'levels',
        'expectations',
        'mistakes',
        'sources',
        'skills',
        'search',
      ].map((subcommand, i) => ({ subcommand, count: 1000 - i, misses: i })),
    },
    { days: 30 },
  );
}

describe('the /hire stats message', () => {
  it('fits Slack at its largest, escapes what people typed, one Add button per miss', () => {
    const message = buildStatsMessage(fullSummary());
    expect(checkMessageLimits(message)).toEqual([]);
    // What Slack renders: everything but the buttons' values (which go back to the listener).
    const json = JSON.stringify(message, (key, value) => (key === 'value' ? undefined : value));
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<@U0BOSS>');
    expect(json).not.toContain('<http://evil');
    expect(json).toContain('&lt;!channel&gt;');
    const buttons = buttonsOf(message.blocks);
    expect(buttons).toHaveLength(10);
    expect(buttons[0]?.value).toBe(HOSTILE);
    for (const b of buttons) expect(b.action_id).toMatch(HIRE_ACTION_PATTERNS.addToGlossary);
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(10);
    expect(message.text).toContain('Lookups in the last 30 days');
    expect(json).toContain('found nothing (&lt;1%)');
  });

  it('shows the counts with bars, the misses, and use per subcommand', () => {
    const summary = summarizeLookups(
      {
        found: [{ module: 'glossary', key: 'message-queue', isEntry: true, count: 12 }],
        missed: [{ query: 'quokkabase', count: 3 }],
        bySubcommand: [{ subcommand: 'glossary', count: 15, misses: 3 }],
      },
      { days: 7, nameOf: () => 'Message Queue' },
    );
    const text = JSON.stringify(buildStatsMessage(summary).blocks);
    expect(text).toContain('`██████████` 12  *Message Queue* · glossary');
    expect(text).toContain('`██████████` 3  “quokkabase”');
    expect(text).toContain('`██████████` 15  glossary (3 not found)');
    expect(text).toContain('*15* lookups; *3* found nothing (20%)');
    expect(buttonsOf(buildStatsMessage(summary).blocks)).toEqual([
      expect.objectContaining({ action_id: 'hire_add_to_glossary', value: 'quokkabase' }),
    ]);
  });

  it('with nothing recorded, says so', () => {
    const message = buildStatsMessage(
      summarizeLookups({ found: [], missed: [], bySubcommand: [] }, { days: 7 }),
    );
    expect(message.text).toBe('No lookups recorded in the last 7 days.');
    expect(buttonsOf(message.blocks)).toEqual([]);
    expect(checkMessageLimits(message)).toEqual([]);
  });

  it('a period it does not know: names the ones it accepts, escaped', () => {
    const message = buildStatsPeriodMessage('<!here> forever');
    expect(message.text).toContain('stats 7d');
    expect(message.text).toContain('stats 30d');
    expect(JSON.stringify(message)).not.toContain('<!here>');
    expect(checkMessageLimits(message)).toEqual([]);
  });
});

describe("the admins' Home misses", () => {
  it('lists the misses with Add buttons within a Home; nothing when there are none', () => {
    const misses = fullSummary().misses;
    const blocks = buildMissesHomeSection(misses);
    expect(blocks).toHaveLength(11);
    expect(checkViewLimits({ type: 'home', blocks })).toEqual([]);
    expect(JSON.stringify(blocks)).toContain("This week's lookup misses");
    expect(buttonsOf(blocks)).toHaveLength(10);
    expect(buildMissesHomeSection([])).toEqual([]);
  });
});
