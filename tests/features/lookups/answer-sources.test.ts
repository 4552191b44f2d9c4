import { describe, expect, it } from 'vitest';
import { renderMessageAsText } from '../../../src/cli/render-message.js';
import { loadKnowledge } from '../../../src/kernel/knowledge/load-knowledge.js';
import {
  loadProject,
  scratchProject,
  writeTeamFile,
} from '../../knowledge/team-knowledge-support.js';
import { answerContext, answerHire } from '../../support/answer-hire.js';

const guide = answerContext(loadKnowledge());
const text = (command: string, ctx = guide) => renderMessageAsText(answerHire(command, ctx));
const SOURCE_LINE = /From the guide|hire-bot's own, beyond the guide|Your team's own/;

describe('every answer says where its entries come from', () => {
  it.each([
    'questions senior',
    'levels',
    'levels staff',
    'expectations',
    'flags',
    'mistakes',
    'sources',
    'sources go',
    'market',
    'compare',
    'skills',
  ])('/hire %s', (command) => {
    expect(text(command)).toMatch(SOURCE_LINE);
  });

  it('tells the guide’s entries from hire-bot’s own, as the YAML marks them', () => {
    const knowledge = loadKnowledge();
    const ours = knowledge.questions.questions.find((q) => q.source === 'project');
    const theirs = knowledge.mistakes.mistakes.find((m) => m.source === 'guide');
    expect(ours && theirs).toBeTruthy();
    expect(text(`mistakes ${theirs?.name}`)).toContain('From the guide');
    // The market notes carry their own source: the project's reading is marked as such.
    const market = text('market');
    for (const note of knowledge.market.notes)
      if (note.source === 'project') expect(market).toContain("hire-bot's own, beyond the guide");
  });

  it('marks a team file’s entry as the team’s own', () => {
    const project = scratchProject();
    writeTeamFile(project.localDir, 'hiring-mistakes.yml', {
      mistakes: [
        {
          id: 'ghosting-candidates',
          name: 'Ghosting candidates',
          problem: 'Leaving candidates without an answer for weeks after the last interview.',
          instead: ['Tell every candidate the outcome within a week.'],
        },
      ],
    });
    const team = answerContext(loadProject(project));
    expect(text('mistakes ghosting candidates', team)).toContain("Your team's own");
  });
});
