import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/kernel/knowledge/load-knowledge.js';
import { KNOWLEDGE_MODULES } from '../../src/kernel/knowledge/schemas/knowledge-modules.js';
import { renderTeamFiles, teamEntries } from '../../src/kernel/knowledge/team-entries.js';
import { loadProject, scratchProject, teamTerm, writeTeamFile } from './team-knowledge-support.js';

const guide = loadKnowledge();

/** A team folder with entries in every module: added ones and replacements. */
function everyModule(localDir: string): void {
  const { source: _s, projectFields: _p, ...staff } = guide.levels.levels[3] ?? {};
  writeTeamFile(localDir, 'glossary.yml', {
    terms: [
      teamTerm('quokkabase', {
        aliases: ['quokka db'],
        products: ['QuokkaCloud'],
        productNoun: 'a hosted QuokkaBase',
        related: ['caching', 'team-cache'],
      }),
      teamTerm('caching', {
        name: 'Caching',
        meaning: 'Our cache story: "fast", with: colons & quotes.',
      }),
      teamTerm('team-cache'),
    ],
  });
  writeTeamFile(localDir, 'interview-questions.yml', {
    questions: [
      {
        id: 'our-deploys',
        levels: ['mid', 'senior'],
        area: 'production-experience',
        prompt: 'How do our deploys work?\nTwo lines.',
        lookFor: ['Knows blue-green'],
        redFlags: ['Has never deployed'],
        followUps: ['What about rollbacks?'],
      },
    ],
  });
  writeTeamFile(localDir, 'levels.yml', { levels: [{ ...staff, theme: 'Our staff theme' }] });
  writeTeamFile(localDir, 'developer-expectations.yml', {
    aspects: [
      {
        id: 'remote-work',
        name: 'Remote work',
        expects: ['Async by default'],
        breaksTrust: ['Surprise office days'],
      },
    ],
  });
  writeTeamFile(localDir, 'resume-flags.yml', {
    flags: [
      {
        id: 'cobol',
        kind: 'yellow',
        name: 'COBOL only',
        why: 'Not our stack.',
        rule: 'present-without',
        cues: ['COBOL', '/\\bmainframe\\b/'],
        unless: ['Java'],
        unlessFlags: ['language-proficiency'],
        ask: 'Why COBOL?',
      },
    ],
  });
  writeTeamFile(localDir, 'hiring-mistakes.yml', {
    mistakes: [{ id: 'rushing', name: 'Rushing', problem: 'Too fast.', instead: ['Slow down.'] }],
  });
  writeTeamFile(localDir, 'sourcing.yml', {
    channels: [{ id: 'meetups', name: 'Our meetups', what: 'Monthly.', lookFor: ['Speakers'] }],
    languagePools: [
      {
        language: 'Elixir',
        industries: ['Messaging'],
        companies: ['Discord'],
        note: 'Small pool.',
      },
    ],
  });
  writeTeamFile(localDir, 'market.yml', {
    region: 'Germany',
    seniorSalaryUsd: { min: 90000, max: 130000 },
    difficulty: 'hard',
    timeToHireWeeks: { min: 6, max: 10 },
    notes: [{ text: 'Notice periods are long.' }],
  });
  writeTeamFile(localDir, 'backend-vs-full-stack.yml', {
    backendWhen: [{ id: 'scale-challenges', title: 'Scale', detail: 'Our scale.' }],
    fullStackWhen: [{ id: 'agency-work', title: 'Agency work', detail: 'Many small sites.' }],
  });
  writeTeamFile(localDir, 'core-skills.yml', {
    skills: [
      {
        id: 'elixir-otp',
        name: 'Elixir and OTP',
        evaluate: ['Supervision trees'],
        terms: ['quokkabase'],
      },
    ],
  });
}

describe('exporting the team’s entries', () => {
  it('lists the team’s entries per module, and nothing for the guide alone', () => {
    expect(teamEntries(guide)).toEqual({});
    expect(renderTeamFiles({})).toEqual([]);
    const project = scratchProject();
    everyModule(project.localDir);
    const files = renderTeamFiles(teamEntries(loadProject(project)));
    expect(files.map((f) => [f.file, f.entries])).toEqual([
      ['glossary.yml', 3],
      ['interview-questions.yml', 1],
      ['levels.yml', 1],
      ['developer-expectations.yml', 1],
      ['resume-flags.yml', 1],
      ['hiring-mistakes.yml', 1],
      ['sourcing.yml', 2],
      ['market.yml', 1],
      ['backend-vs-full-stack.yml', 2],
      ['core-skills.yml', 1],
    ]);
    expect(files.map((f) => f.file).sort()).toEqual(
      Object.values(KNOWLEDGE_MODULES)
        .map((m) => m.file)
        .sort(),
    );
  });

  it('writes YAML that loads back unchanged (every module)', () => {
    const first = scratchProject();
    everyModule(first.localDir);
    const knowledge = loadProject(first);
    const second = scratchProject();
    for (const { file, yaml } of renderTeamFiles(teamEntries(knowledge)))
      writeTeamFile(second.localDir, file, yaml);
    const reloaded = loadProject(second);
    expect(reloaded).toEqual(knowledge);
    expect(teamEntries(reloaded)).toEqual(teamEntries(knowledge));
  });

  it('writes files as a person would: no source: team, no empty lists', () => {
    const project = scratchProject();
    everyModule(project.localDir);
    const yaml = renderTeamFiles(teamEntries(loadProject(project)))
      .map((f) => f.yaml)
      .join('\n');
    expect(yaml).not.toMatch(/source:/);
    expect(yaml).not.toMatch(/: \[\]/);
    expect(yaml).toContain('quokkabase');
  });

  it('takes the entries as data, wherever they were kept', () => {
    // As entries from a database would arrive: parsed by the team file's schema, not read here.
    const entries = {
      glossary: KNOWLEDGE_MODULES.glossary.local.parse({
        terms: [{ ...teamTerm('from-slack'), source: 'team' }],
      }),
    };
    const project = scratchProject();
    for (const { file, yaml } of renderTeamFiles(entries))
      writeTeamFile(project.localDir, file, yaml);
    expect(teamEntries(loadProject(project))).toEqual(entries);
  });
});
