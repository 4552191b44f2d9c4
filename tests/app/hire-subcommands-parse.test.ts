import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/kernel/knowledge/load-knowledge.js';
import { hire, parseHireCommand } from '../support/answer-hire.js';

describe('parseHireCommand', () => {
  it('treats empty and blank text as help', () => {
    expect(parseHireCommand('')).toEqual({ kind: 'help' });
    expect(parseHireCommand('   \n\t ')).toEqual({ kind: 'help' });
    expect(parseHireCommand('HELP')).toEqual({ kind: 'help' });
  });

  it('accepts any case, plurals and the glossary aliases', () => {
    for (const text of [
      'glossary Kafka',
      'GLOSSARY Kafka',
      'define Kafka',
      'what is Kafka',
      "What's Kafka",
      'whats Kafka',
      'term Kafka',
      'terms Kafka',
    ]) {
      expect(parseHireCommand(text), text).toEqual({ kind: 'glossary', term: 'Kafka', page: 1 });
    }
    expect(parseHireCommand('glossary')).toEqual({ kind: 'glossary', page: 1 });
    expect(parseHireCommand('/hire glossary  load   balancer')).toMatchObject({
      term: 'load balancer',
    });
  });

  it.each([
    ['questions sr', 'senior'],
    ['question senior', 'senior'],
    ['q Seniors', 'senior'],
    ['questions 5+ years', 'senior'],
    ['questions senior-level', 'senior'],
    ['questions jr', 'junior'],
    ['questions entry level', 'junior'],
    ['questions 0-2 years', 'junior'],
    ['questions mid-level', 'mid'],
    ['questions intermediate', 'mid'],
    ['questions 2-5 years', 'mid'],
    ['questions staff+', 'staff'],
    ['questions principal', 'staff'],
    ['questions 8+ years', 'staff'],
  ])('reads the level in %s', (text, level) => {
    expect(parseHireCommand(text)).toMatchObject({ kind: 'questions', level, set: 1 });
  });

  it('reads an area before or after the level, and a set number', () => {
    expect(parseHireCommand('questions senior system design')).toMatchObject({
      level: 'senior',
      area: 'system design',
    });
    expect(parseHireCommand('questions databases 5+ years')).toMatchObject({
      level: 'senior',
      area: 'databases',
    });
    expect(parseHireCommand('questions senior databases #2')).toMatchObject({
      level: 'senior',
      area: 'databases',
      set: 2,
    });
  });

  it('keeps an unknown level as text for the answer to explain', () => {
    expect(parseHireCommand('questions wizard')).toEqual({
      kind: 'questions',
      levelText: 'wizard',
      set: 1,
      page: 1,
    });
    expect(parseHireCommand('questions')).toEqual({ kind: 'questions', set: 1, page: 1 });
  });

  it('parses the other subcommands', () => {
    expect(parseHireCommand('levels mid-level')).toMatchObject({ kind: 'levels', level: 'mid' });
    expect(parseHireCommand('level')).toEqual({ kind: 'levels', page: 1 });
    expect(parseHireCommand('expectations on-call')).toMatchObject({
      kind: 'expectations',
      aspect: 'on-call',
    });
    expect(parseHireCommand('flags')).toEqual({ kind: 'flags', page: 1 });
    expect(parseHireCommand('Flags Recent')).toEqual({ kind: 'flags-recent' });
    expect(parseHireCommand('mistakes')).toEqual({ kind: 'mistakes', page: 1 });
    expect(parseHireCommand('sources golang')).toMatchObject({
      kind: 'sources',
      language: 'golang',
    });
    expect(parseHireCommand('market')).toEqual({ kind: 'market', page: 1 });
    expect(parseHireCommand('compare')).toEqual({ kind: 'compare', page: 1 });
    expect(parseHireCommand('skills')).toEqual({ kind: 'skills', page: 1 });
    expect(parseHireCommand('search slow queries')).toEqual({
      kind: 'search',
      words: 'slow queries',
      page: 1,
    });
  });

  it('passes remind arguments through untouched, including "page"', () => {
    expect(parseHireCommand('remind daily 09:00 Europe/Berlin')).toEqual({
      kind: 'remind',
      args: 'daily 09:00 Europe/Berlin',
    });
    expect(parseHireCommand('Remind')).toEqual({ kind: 'remind', args: '' });
    expect(parseHireCommand('remind page 2')).toEqual({ kind: 'remind', args: 'page 2' });
  });

  it('routes edit and remove of team entries by the longest spelling, not to the lookups', () => {
    const id = 'how-would-you-shard-it';
    expect(parseHireCommand(`questions edit ${id}`)).toEqual({ kind: 'questions-edit', id });
    expect(parseHireCommand(`Question Edit ${id}`)).toEqual({ kind: 'questions-edit', id });
    expect(parseHireCommand(`/hire questions  remove ${id}`)).toEqual({
      kind: 'questions-remove',
      id,
    });
    expect(parseHireCommand(`question remove ${id}`)).toEqual({ kind: 'questions-remove', id });
    expect(hire.route(`questions edit ${id}`)).toMatchObject({
      subcommand: { name: 'questions-edit' },
      args: id,
    });
    // Without an id there is nothing to change: help, quoting the text.
    expect(parseHireCommand('questions edit')).toEqual({ kind: 'help', unknown: 'questions edit' });
    // A word that only starts like a spelling stays with the lookup.
    expect(parseHireCommand('questions editorial')).toMatchObject({
      kind: 'questions',
      levelText: 'editorial',
    });
    expect(parseHireCommand('questions senior')).toMatchObject({
      kind: 'questions',
      level: 'senior',
    });
    expect(parseHireCommand('questions add')).toEqual({ kind: 'questions-add', rest: '' });
    expect(parseHireCommand('glossary edit QuokkaDB')).toEqual({
      kind: 'glossary-edit',
      term: 'QuokkaDB',
    });
    expect(parseHireCommand('term remove QuokkaDB')).toEqual({
      kind: 'glossary-remove',
      term: 'QuokkaDB',
    });
  });

  it('reads a trailing page number', () => {
    expect(parseHireCommand('glossary page 2')).toEqual({ kind: 'glossary', page: 2 });
    expect(parseHireCommand('search cache page 3')).toEqual({
      kind: 'search',
      words: 'cache',
      page: 3,
    });
  });

  it.each([
    ['glosary kafka', 'glossary'],
    ['qestions senior', 'questions'],
    ['levles', 'levels'],
    ['expectatons', 'expectations'],
    ['mistkaes', 'mistakes'],
    ['serach cache', 'search'],
  ])('suggests a subcommand for the misspelled %s', (text, suggestion) => {
    expect(parseHireCommand(text)).toEqual({ kind: 'help', unknown: text, suggestion });
  });

  it('answers help without a suggestion for text unlike any subcommand', () => {
    expect(parseHireCommand('xyzzy')).toEqual({ kind: 'help', unknown: 'xyzzy' });
    expect(parseHireCommand('<!channel>')).toMatchObject({ kind: 'help', unknown: '<!channel>' });
  });

  it('refuses very long text with help that says so', () => {
    expect(parseHireCommand(`glossary ${'a'.repeat(5000)}`)).toEqual({
      kind: 'help',
      tooLong: 5009,
    });
  });
});

describe('the team subcommands never take a lookup', () => {
  it('routes every glossary label of the guide to the glossary, whatever its first word', () => {
    const knowledge = loadKnowledge();
    const labels = knowledge.glossary.terms.flatMap((t) => [
      t.name,
      t.id,
      ...t.aliases,
      ...t.products,
    ]);
    expect(labels).toContain('New Relic');
    const elsewhere = labels.filter((label) => {
      const route = hire.route(`glossary ${label}`);
      return !('subcommand' in route) || route.subcommand.name !== 'glossary';
    });
    expect(elsewhere).toEqual([]);
  });
});
