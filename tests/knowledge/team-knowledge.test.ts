import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessageAsText } from '../../src/cli/render-message.js';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../../src/kernel/knowledge/load-knowledge.js';
import { createKnowledgeLookup } from '../../src/kernel/knowledge/search/knowledge-lookup.js';
import { answerContext, answerHire } from '../support/answer-hire.js';
import {
  loadError,
  loadProject,
  scratchProject,
  teamTerm,
  writeTeamFile,
} from './team-knowledge-support.js';

const guide = loadKnowledge();

describe('team entries from files', () => {
  it('adds a term with a new id, marked as the team’s, and /hire glossary finds it', () => {
    const project = scratchProject();
    writeTeamFile(project.localDir, 'glossary.yml', {
      terms: [teamTerm('quokkabase', { name: 'QuokkaBase', aliases: ['quokka db'] })],
    });
    const knowledge = loadProject(project);
    expect(knowledge.glossary.terms).toHaveLength(guide.glossary.terms.length + 1);
    const lookup = createKnowledgeLookup(knowledge);
    const found = lookup.findTerm('quokka db');
    expect(found.kind === 'match' && found.match.term).toMatchObject({
      id: 'quokkabase',
      source: 'team',
    });
    const answer = renderMessageAsText(answerHire('glossary QuokkaBase', answerContext(knowledge)));
    expect(answer).toContain('What quokkabase means for our team.');
  });

  it('replaces a guide entry with the same id, in place, and drops the guide’s labels', () => {
    const project = scratchProject();
    const at = guide.glossary.terms.findIndex((t) => t.id === 'message-queue');
    writeTeamFile(project.localDir, 'glossary.yml', {
      terms: [
        teamTerm('message-queue', {
          name: 'Message Queue',
          products: ['Kafka'],
          productNoun: 'our bus',
        }),
      ],
    });
    const knowledge = loadProject(project);
    const replaced = knowledge.glossary.terms[at];
    expect(replaced).toMatchObject({ id: 'message-queue', source: 'team', products: ['Kafka'] });
    expect(knowledge.glossary.terms).toHaveLength(guide.glossary.terms.length);
    const lookup = createKnowledgeLookup(knowledge);
    // RabbitMQ was the guide's product of this term only: it is gone with the guide's entry.
    const rabbit = lookup.findTerm('RabbitMQ');
    expect(rabbit.kind === 'match' && rabbit.match.exact).not.toBe(true);
  });

  it('keeps the guide alone when there is no team folder or it is empty', () => {
    const project = scratchProject();
    expect(loadKnowledge({ dir: project.dir, localDir: join(project.localDir, 'nope') })).toEqual(
      loadKnowledge({ dir: project.dir }),
    );
    writeTeamFile(project.localDir, 'glossary.yml', '# nothing yet\n');
    writeTeamFile(project.localDir, 'README.md', 'Our own terms go in glossary.yml.');
    expect(loadProject(project)).toEqual(loadKnowledge({ dir: project.dir }));
  });

  it('adds and replaces entries in every kind of list', () => {
    const project = scratchProject();
    const question = guide.questions.questions[0];
    const level = guide.levels.levels.find((l) => l.id === 'staff');
    writeTeamFile(project.localDir, 'interview-questions.yml', {
      questions: [
        { ...question, source: undefined, prompt: 'Our version of the first question.' },
        { ...question, id: 'our-own-question', source: undefined, projectFields: undefined },
      ].map(({ source: _s, projectFields: _p, ...rest }) => rest),
    });
    writeTeamFile(project.localDir, 'levels.yml', {
      levels: [{ ...level, source: 'team', projectFields: undefined, theme: 'Our staff theme' }],
    });
    writeTeamFile(project.localDir, 'sourcing.yml', {
      languagePools: [
        { language: 'node.js', industries: ['Media'], companies: ['Us'], aliases: ['node'] },
        { language: 'Elixir', industries: ['Messaging'], companies: ['Discord'] },
      ],
    });
    writeTeamFile(project.localDir, 'backend-vs-full-stack.yml', {
      fullStackWhen: [{ id: 'agency-work', title: 'Agency work', detail: 'Many small sites.' }],
    });
    const k = loadProject(project);
    expect(k.questions.questions[0]).toMatchObject({ id: question?.id, source: 'team' });
    expect(k.questions.questions.at(-1)).toMatchObject({ id: 'our-own-question', source: 'team' });
    expect(k.levels.levels.map((l) => l.id)).toEqual(['junior', 'mid', 'senior', 'staff']);
    expect(k.levels.levels[3]).toMatchObject({ theme: 'Our staff theme', source: 'team' });
    // Language pools are keyed by name, folded as the search folds it.
    const node = k.sourcing.languagePools.filter((p) => /node/i.test(p.language));
    expect(node).toEqual([expect.objectContaining({ language: 'node.js', source: 'team' })]);
    expect(k.sourcing.languagePools.at(-1)).toMatchObject({ language: 'Elixir', source: 'team' });
    expect(k.comparison.fullStackWhen.at(-1)).toMatchObject({ id: 'agency-work', source: 'team' });
    expect(k.comparison.source).toBe('guide');
  });

  it('replaces the market snapshot as a whole, its notes becoming the team’s too', () => {
    const project = scratchProject();
    writeTeamFile(project.localDir, 'market.yml', {
      region: 'Germany',
      seniorSalaryUsd: { min: 90000, max: 130000 },
      difficulty: 'hard',
      timeToHireWeeks: { min: 6, max: 10 },
      notes: [{ text: 'Notice periods of three months are common.' }],
    });
    const { market } = loadProject(project);
    expect(market).toEqual({
      source: 'team',
      region: 'Germany',
      seniorSalaryUsd: { min: 90000, max: 130000 },
      difficulty: 'hard',
      timeToHireWeeks: { min: 6, max: 10 },
      notes: [{ text: 'Notice periods of three months are common.', source: 'team' }],
    });
  });

  it('checks references after the merge: team terms may point at each other', () => {
    const project = scratchProject();
    writeTeamFile(project.localDir, 'glossary.yml', {
      terms: [
        teamTerm('alpha-thing', { related: ['beta-thing', 'caching'] }),
        teamTerm('beta-thing'),
      ],
    });
    writeTeamFile(project.localDir, 'core-skills.yml', {
      skills: [
        {
          ...guide.skills.skills[0],
          source: 'team',
          projectFields: undefined,
          terms: ['alpha-thing'],
        },
      ],
    });
    const k = loadProject(project);
    expect(k.skills.skills[0]?.terms).toEqual(['alpha-thing']);
  });

  it('never reads the environment: only the folders it is given', () => {
    const project = scratchProject();
    writeTeamFile(project.localDir, 'glossary.yml', 'terms: [');
    const before = process.env.HIRE_KNOWLEDGE_LOCAL;
    process.env.HIRE_KNOWLEDGE_LOCAL = project.localDir;
    try {
      expect(() => loadKnowledge({ dir: project.dir })).not.toThrow();
    } finally {
      if (before === undefined) delete process.env.HIRE_KNOWLEDGE_LOCAL;
      else process.env.HIRE_KNOWLEDGE_LOCAL = before;
    }
  });
});

describe('a bad team file stops loading with one message: the file, the entry, the field', () => {
  it('in exactly the documented shape', () => {
    const project = scratchProject();
    writeTeamFile(project.localDir, 'glossary.yml', {
      terms: [
        teamTerm('first-one'),
        teamTerm('second-one'),
        { ...teamTerm('quokkabase'), meaning: undefined },
      ],
    });
    expect(loadError(project)).toBe(
      'knowledge/local/glossary.yml: terms[2] (quokkabase): meaning is required',
    );
  });

  it.each([
    [
      'a field of the wrong type',
      { aliases: 'a, b' },
      'terms[0] (bad-one): aliases must be a list, not text',
    ],
    ['an empty text', { probe: '  ' }, 'terms[0] (bad-one): probe must not be empty'],
    ['a misspelt field', { meanin: 'x' }, 'terms[0] (bad-one): meanin is not a known field'],
    [
      'a bad id',
      { id: 'Bad One' },
      'terms[0] (Bad One): id must be a kebab-case id such as message-queue',
    ],
    [
      'a product without its noun',
      { products: ['Quokka'] },
      'terms[0] (bad-one): productNoun is required when products are listed',
    ],
    [
      'a source other than team',
      { source: 'guide' },
      "terms[0] (bad-one): source must be team (or left out) in the team's files, not guide",
    ],
    [
      'projectFields',
      { projectFields: ['probe'] },
      'terms[0] (bad-one): projectFields is only for entries whose source is guide',
    ],
    [
      'an unknown related term',
      { related: ['nowhere'] },
      'terms[0] (bad-one): related[0] names an unknown term id nowhere',
    ],
  ])('names %s', (_, fields, expected) => {
    const project = scratchProject();
    writeTeamFile(project.localDir, 'glossary.yml', { terms: [teamTerm('bad-one', fields)] });
    expect(loadError(project)).toBe(`knowledge/local/glossary.yml: ${expected}`);
  });

  it('names the file for YAML that does not parse, a wrong list, or an unknown file', () => {
    const project = scratchProject();
    writeTeamFile(project.localDir, 'glossary.yml', 'terms: [\n  { id: x, name: "unclosed\n');
    writeTeamFile(project.localDir, 'interview-questions.yml', { areas: [] });
    writeTeamFile(project.localDir, 'glosary.yml', { terms: [] });
    const lines = loadError(project).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^knowledge\/local\/glosary\.yml: is not a knowledge file; use one of glossary\.yml, /,
    );
    expect(lines[1]).toMatch(
      /^knowledge\/local\/glossary\.yml: is not valid YAML: .+ \(line \d+, column \d+\)$/,
    );
    expect(lines[2]).toBe('knowledge/local/interview-questions.yml: areas is not a known field');
  });

  it('refuses a level the guide does not have', () => {
    const project = scratchProject();
    const staff = guide.levels.levels[3];
    writeTeamFile(project.localDir, 'levels.yml', {
      levels: [{ ...staff, projectFields: undefined, source: undefined, id: 'principal' }],
    });
    expect(loadError(project)).toBe(
      'knowledge/local/levels.yml: levels[0] (principal): id must be one of junior, mid, senior, staff, not "principal"',
    );
  });

  it('refuses an id used twice in one file', () => {
    const project = scratchProject();
    writeTeamFile(project.localDir, 'hiring-mistakes.yml', {
      mistakes: [
        { id: 'rushing', name: 'Rushing', problem: 'Too fast.', instead: ['Slow down.'] },
        { id: 'rushing', name: 'Rushing again', problem: 'Still fast.', instead: ['Wait.'] },
      ],
    });
    expect(loadError(project)).toBe(
      'knowledge/local/hiring-mistakes.yml: mistakes[1] (rushing): id rushing is used twice (also mistakes[0] (rushing))',
    );
  });

  it('checks a team flag’s unlessFlags against the merged flags', () => {
    const project = scratchProject();
    const flag = {
      id: 'our-flag',
      kind: 'yellow',
      name: 'Our flag',
      why: 'Because.',
      rule: 'present',
      cues: ['cobol'],
      ask: 'Why COBOL?',
    };
    writeTeamFile(project.localDir, 'resume-flags.yml', {
      flags: [{ ...flag, unlessFlags: ['no-such-flag'] }],
    });
    expect(loadError(project)).toBe(
      'knowledge/local/resume-flags.yml: flags[0] (our-flag): unlessFlags[0] names an unknown flag id no-such-flag',
    );
    writeTeamFile(project.localDir, 'resume-flags.yml', {
      flags: [{ ...flag, unlessFlags: ['generic-backend-claims'] }],
    });
    expect(loadError(project)).toContain(
      'names generic-backend-claims, which has unlessFlags itself',
    );
  });

  it('names a label in a path outside the project by its full path', () => {
    const project = scratchProject();
    const elsewhere = scratchProject().localDir;
    writeTeamFile(elsewhere, 'glossary.yml', { terms: [{ id: 'half' }] });
    expect(loadKnowledgeError(project.dir, elsewhere)).toBe(
      `${join(elsewhere, 'glossary.yml')}: terms[0] (half): name is required`,
    );
  });
});

function loadKnowledgeError(dir: string, localDir: string): string {
  try {
    loadKnowledge({ dir, localDir });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('labels that collide with another entry are an error naming both', () => {
  it('a team alias that is a guide product, after the search’s folding', () => {
    const project = scratchProject();
    writeTeamFile(project.localDir, 'glossary.yml', {
      terms: [teamTerm('stream-broker', { aliases: ['event hub', 'KAFKA'] })],
    });
    const message = loadError(project);
    expect(message).toMatch(
      /^knowledge\/local\/glossary\.yml: terms\[0\] \(stream-broker\): aliases\[1\] "KAFKA" collides with products\[0\] "Kafka" of message-queue \(knowledge\/glossary\.yml: terms\[\d+\] \(message-queue\)\)$/,
    );
  });

  it('two team entries, or a team name against a guide name with other punctuation', () => {
    const project = scratchProject();
    writeTeamFile(project.localDir, 'glossary.yml', {
      terms: [
        teamTerm('one-term', { aliases: ['Shared Word'] }),
        teamTerm('two-term', { products: ['shared-word'], productNoun: 'a thing' }),
      ],
    });
    expect(loadError(project)).toBe(
      'knowledge/local/glossary.yml: terms[1] (two-term): products[0] "shared-word" collides with aliases[0] "Shared Word" of one-term (knowledge/local/glossary.yml: terms[0] (one-term))',
    );
    writeTeamFile(project.localDir, 'glossary.yml', {
      terms: [teamTerm('lb-term', { name: 'Load-Balancer' })],
    });
    expect(loadError(project)).toContain(
      'name "Load-Balancer" collides with name "Load Balancer" of load-balancer',
    );
  });

  it.each([
    [
      'developer-expectations.yml',
      {
        aspects: [
          {
            id: 'remote-work',
            name: 'Remote work',
            aliases: ['pager'],
            expects: ['x'],
            breaksTrust: ['y'],
          },
        ],
      },
      /^knowledge\/local\/developer-expectations\.yml: aspects\[0\] \(remote-work\): aliases\[0\] "pager" collides with aliases\[\d+\] "pager" of on-call-and-operations \(knowledge\/developer-expectations\.yml: aspects\[\d+\] \(on-call-and-operations\)\)$/,
    ],
    [
      'core-skills.yml',
      { skills: [{ id: 'our-apis', name: 'Our APIs', aliases: ['APIs'], evaluate: ['x'] }] },
      /^knowledge\/local\/core-skills\.yml: skills\[0\] \(our-apis\): aliases\[0\] "APIs" collides with aliases\[\d+\] "apis" of api-design /,
    ],
    [
      'sourcing.yml',
      { languagePools: [{ language: 'Golang', industries: ['x'], companies: ['y'] }] },
      /^knowledge\/local\/sourcing\.yml: languagePools\[0\] \(Golang\): language "Golang" collides with aliases\[0\] "golang" of Go /,
    ],
  ])('in %s, a module also found by name', (file, content, expected) => {
    const project = scratchProject();
    writeTeamFile(project.localDir, file, content);
    expect(loadError(project)).toMatch(expected);
  });
});

describe('the example in knowledge/README.md', () => {
  it('is a team file that loads', () => {
    const readme = readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'README.md'), 'utf8');
    const example = /For example, `knowledge\/local\/(\S+)`:\n\n```yaml\n([\s\S]*?)```/.exec(
      readme,
    );
    expect(example).not.toBeNull();
    const [, file = '', yaml = ''] = example ?? [];
    const project = scratchProject();
    writeTeamFile(project.localDir, file, yaml);
    const added = loadProject(project).glossary.terms.filter((t) => t.source === 'team');
    expect(added.map((t) => t.id)).toEqual(['quokkabase']);
  });
});
