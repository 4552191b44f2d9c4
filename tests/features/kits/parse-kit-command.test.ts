import { describe, expect, it } from 'vitest';
import { DEFAULT_KIT_MINUTES, kitRequestSchema } from '../../../src/features/kits/kit-request.js';
import {
  createKitCommandParser,
  type KitCommandParse,
  kitAgainCommand,
  nearestLength,
  readDuration,
} from '../../../src/features/kits/parse-kit-command.js';
import { parseScorecardsCommand } from '../../../src/features/kits/parse-scorecards-command.js';
import { loadKnowledge } from '../../../src/kernel/knowledge/load-knowledge.js';
import { fixtureKnowledge } from '../../support/fixture-knowledge.js';

const real = loadKnowledge();
const parser = createKitCommandParser(real.questions, real.levels);
const parse = (text: string, seed = 'seed1') => parser.parse(text, seed);

function request(result: KitCommandParse) {
  if (!result.ok) throw new Error(`expected a request, got ${JSON.stringify(result.error)}`);
  return result.request;
}
function error(result: KitCommandParse) {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.request)}`);
  return result.error;
}

describe('parse /hire kit', () => {
  it('reads level, minutes, several multi-word areas and the label', () => {
    expect(request(parse('senior 60 system design databases for Backend #42'))).toEqual({
      level: 'senior',
      minutes: 60,
      areas: ['system-design', 'databases'],
      candidateLabel: 'Backend #42',
      seed: 'seed1',
    });
  });

  it('takes level words as parseLevel does', () => {
    expect(request(parse('sr')).level).toBe('senior');
    expect(request(parse('5+ years 90')).level).toBe('senior');
    expect(request(parse('5+ years 90')).minutes).toBe(90);
    expect(request(parse('Staff+ engineer 30 trade offs')).level).toBe('staff');
    expect(request(parse('jr')).level).toBe('junior');
  });

  it('defaults to 45 minutes, balanced areas, no label', () => {
    const r = request(parse('mid'));
    expect(r.minutes).toBe(DEFAULT_KIT_MINUTES);
    expect(DEFAULT_KIT_MINUTES).toBe(45);
    expect(r.areas).toEqual([]);
    expect(r.candidateLabel).toBeUndefined();
  });

  it('accepts minutes with units, hours, and anywhere before "for"', () => {
    expect(request(parse('senior 60min')).minutes).toBe(60);
    expect(request(parse('senior 30 minutes databases')).minutes).toBe(30);
    expect(request(parse('senior 1h')).minutes).toBe(60);
    expect(request(parse('senior 1.5h')).minutes).toBe(90);
    expect(request(parse('senior 1h30')).minutes).toBe(90);
    expect(request(parse('senior databases 45')).minutes).toBe(45);
  });

  it('matches areas by id, name and alias, in any case, with commas and "and"', () => {
    expect(request(parse('mid api-design, SQL and Trade-off thinking')).areas).toEqual([
      'api-design',
      'databases',
      'trade-offs',
    ]);
    expect(request(parse('mid on call')).areas).toEqual(['production-experience']);
    expect(request(parse('mid databases db')).areas).toEqual(['databases']);
    const everyAlias = real.questions.areas
      .flatMap((a) => [a.id, ...a.aliases.slice(0, 2)])
      .join(' ');
    expect(request(parse(`mid ${everyAlias}`)).areas).toHaveLength(real.questions.areas.length);
  });

  it('keeps the label as typed, whitespace folded, "for" inside the label included', () => {
    const r = request(parse('senior for  Backend   role for Payments #7 '));
    expect(r.candidateLabel).toBe('Backend role for Payments #7');
  });

  it('takes a seed from the text over the one passed in (the "Again" button)', () => {
    expect(request(parse('senior seed:abc_123', 'fresh')).seed).toBe('abc_123');
    expect(request(parse('senior', 'fresh')).seed).toBe('fresh');
  });

  it('round-trips the "Again" command to the same request without the label', () => {
    const first = request(parse('staff 90 databases system design for Candidate A', 'k3y'));
    const again = request(parse(kitAgainCommand(first).replace(/^kit /, ''), 'other'));
    expect(again).toEqual({ ...first, candidateLabel: undefined });
  });

  it('refuses a missing or unknown level, naming the levels and the nearest one', () => {
    expect(error(parse(''))).toMatchObject({ kind: 'missing-level' });
    const e = error(parse('seniour 60'));
    expect(e).toMatchObject({ kind: 'unknown-level', given: 'seniour' });
    if (e.kind !== 'unknown-level') throw new Error('kind');
    expect(e.suggestion?.id).toBe('senior');
    expect(e.levels.map((l) => l.id)).toEqual(['junior', 'mid', 'senior', 'staff']);
  });

  it('refuses lengths other than 30, 45, 60 and 90, suggesting the nearest', () => {
    expect(error(parse('senior 7'))).toMatchObject({
      kind: 'bad-minutes',
      given: '7',
      lengths: [30, 45, 60, 90],
      suggestion: 30,
    });
    expect(error(parse('senior 40'))).toMatchObject({ suggestion: 45 });
    expect(error(parse('senior 2h'))).toMatchObject({ suggestion: 90 });
    expect(error(parse('senior 45 60'))).toMatchObject({ kind: 'bad-minutes', given: '60' });
    expect(error(parse('senior 4x5'))).toMatchObject({ kind: 'bad-minutes', given: '4x5' });
  });

  it('refuses an unknown area with "did you mean" and the list of areas', () => {
    const e = error(parse('senior 60 sytem design'));
    expect(e).toMatchObject({ kind: 'unknown-area', given: 'sytem' });
    if (e.kind !== 'unknown-area') throw new Error('kind');
    expect(e.suggestion?.id).toBe('system-design');
    expect(e.areas).toHaveLength(real.questions.areas.length);
    expect(error(parse('senior databse'))).toMatchObject({
      kind: 'unknown-area',
      suggestion: { id: 'databases' },
    });
    // A label without "for" is not an area either.
    expect(error(parse('senior Backend #42'))).toMatchObject({ kind: 'unknown-area' });
  });

  it('refuses an empty or over-long label, a bad seed and an over-long command', () => {
    expect(error(parse('senior for   '))).toMatchObject({ kind: 'bad-label' });
    expect(error(parse(`senior for ${'x'.repeat(81)}`))).toMatchObject({ kind: 'bad-label' });
    expect(request(parse(`senior for ${'x'.repeat(80)}`)).candidateLabel).toHaveLength(80);
    expect(error(parse('senior seed:no/way'))).toMatchObject({ kind: 'bad-seed' });
    expect(error(parse(`senior ${'databases '.repeat(60)}`))).toMatchObject({ kind: 'too-long' });
  });

  it('never throws, whatever the text', () => {
    const odd = [
      '<!channel>',
      'senior <@U123>',
      'for',
      '5',
      '99999999999',
      '\u0000',
      'senior for <!here>',
    ];
    for (const text of odd) expect(() => parse(text)).not.toThrow();
    expect(request(parse('senior for <!here>')).candidateLabel).toBe('<!here>');
  });

  it('works on a small knowledge base too (areas come from the knowledge)', () => {
    const fixture = fixtureKnowledge();
    const small = createKitCommandParser(fixture.questions, fixture.levels);
    expect(small.parse('senior db', 's').ok).toBe(true);
    expect(error(small.parse('senior api', 's'))).toMatchObject({ kind: 'unknown-area' });
  });

  it('produces requests the schema accepts unchanged', () => {
    const r = request(parse('senior 60 system design for X'));
    expect(kitRequestSchema.parse(r)).toEqual(r);
  });
});

describe('durations', () => {
  it('reads minutes and hours', () => {
    expect(readDuration('45')).toBe(45);
    expect(readDuration('45', 'mins')).toBe(45);
    expect(readDuration("90'")).toBe(90);
    expect(readDuration('1,5h')).toBe(90);
    expect(readDuration('abc')).toBeUndefined();
  });

  it('finds the nearest length, the shorter on a tie', () => {
    expect(nearestLength(0)).toBe(30);
    expect(nearestLength(52)).toBe(45);
    expect(nearestLength(53)).toBe(60);
    expect(nearestLength(75)).toBe(60);
    expect(nearestLength(500)).toBe(90);
  });
});

describe('parse /hire scorecards', () => {
  it('lists or deletes by label', () => {
    expect(parseScorecardsCommand(' Backend  #42 ')).toEqual({
      kind: 'list',
      label: 'Backend #42',
    });
    expect(parseScorecardsCommand('delete Backend #42')).toEqual({
      kind: 'delete',
      label: 'Backend #42',
    });
    expect(parseScorecardsCommand('ERASE x')).toEqual({ kind: 'delete', label: 'x' });
  });

  it('asks for a label when there is none or it is too long', () => {
    expect(parseScorecardsCommand('')).toEqual({ kind: 'usage' });
    expect(parseScorecardsCommand('delete')).toEqual({ kind: 'usage' });
    expect(parseScorecardsCommand('x'.repeat(81))).toMatchObject({ kind: 'usage' });
  });
});
