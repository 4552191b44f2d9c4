import { describe, expect, it } from 'vitest';
import { sourceTag } from '../../../../src/kernel/hire-command/blocks/source-tag.js';

describe('sourceTag', () => {
  it('names the guide, hire-bot’s own additions and the team apart', () => {
    expect(sourceTag({ source: 'guide' })).toBe('_From the guide_');
    expect(sourceTag({ source: 'project' })).toBe("_hire-bot's own, beyond the guide_");
    expect(sourceTag({ source: 'team' })).toBe("_Your team's own_");
  });

  it('says which fields of a guide entry are hire-bot’s own', () => {
    expect(sourceTag({ source: 'guide', projectFields: ['followUps'] })).toBe(
      "_From the guide (the follow-ups: hire-bot's own)_",
    );
    expect(sourceTag({ source: 'guide', projectFields: ['capabilities', 'setsApart'] })).toBe(
      "_From the guide (the capabilities, sets-apart: hire-bot's own)_",
    );
  });

  it('credits who added a team entry in Slack, as a mention and a date Slack localises', () => {
    const tag = sourceTag(
      { source: 'team' },
      { addedBy: 'U0ALEX', addedAt: new Date('2026-12-01T09:30:00Z') },
    );
    expect(tag).toContain('<@U0ALEX>');
    expect(tag).toMatch(/<!date\^1796117400\^/);
  });
});
