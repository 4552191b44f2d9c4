import { describe, expect, it } from 'vitest';
import {
  createLayeredKnowledgeSource,
  creditKey,
  type SlackEntry,
} from '../../../src/kernel/knowledge/layered-knowledge-source.js';
import { slackQuestion, slackTerm } from '../../features/team-knowledge/support/team-fixtures.js';
import { fixtureKnowledge } from '../../support/fixture-knowledge.js';

const base = fixtureKnowledge();
const ALICE = 'U0ALICE';
const at = new Date('2026-03-02T09:00:00Z');
const term = (id: string, fields = {}): SlackEntry => ({
  module: 'glossary',
  entry: slackTerm(id, fields),
  addedBy: ALICE,
  addedAt: at,
});

describe('the layered knowledge source', () => {
  it('answers from the files alone until a layer is set, then with the layer, under a new version', () => {
    const { source, layer } = createLayeredKnowledgeSource(base);
    const before = source.current();
    expect(before.knowledge).toBe(base);
    expect(before.lookup.findTerm('quokkabase').kind).not.toBe('match');
    expect(layer.shown()).toBeUndefined();

    const result = layer.set({
      teamId: 'T1',
      revision: 1,
      entries: [
        term('quokkabase', { aliases: ['quokka db'] }),
        { module: 'questions', entry: slackQuestion('team-shard'), addedBy: ALICE, addedAt: at },
      ],
    });
    expect(result).toEqual({ applied: true, dropped: [] });
    const after = source.current();
    expect(after.version).toBeGreaterThan(before.version);
    const found = after.lookup.findTerm('quokka db');
    expect(found.kind === 'match' && found.match.term.id).toBe('quokkabase');
    expect(after.knowledge.questions.questions.map((q) => q.id)).toContain('team-shard');
    expect(after.credits?.get(creditKey('glossary', 'quokkabase'))).toEqual({
      addedBy: ALICE,
      addedAt: at,
    });
    expect(layer.shown()).toEqual({ teamId: 'T1', revision: 1 });
  });

  it('ignores a revision it already shows, and grows the version on every newer one', () => {
    const { source, layer } = createLayeredKnowledgeSource(base);
    layer.set({ teamId: 'T1', revision: 3, entries: [term('quokkabase')] });
    const v3 = source.current().version;
    expect(layer.set({ teamId: 'T1', revision: 2, entries: [] }).applied).toBe(false);
    expect(source.current().version).toBe(v3);
    layer.set({ teamId: 'T1', revision: 4, entries: [] });
    expect(source.current().version).toBe(v3 + 1);
    expect(source.current().lookup.findTerm('quokkabase').kind).not.toBe('match');
  });

  it('leaves out an entry whose name collides with another (two instances at once), keeping the rest', () => {
    const { source, layer } = createLayeredKnowledgeSource(base);
    const result = layer.set({
      teamId: 'T1',
      revision: 1,
      entries: [
        term('quokkabase'),
        term('latency-too', { name: 'Latency' }),
        term('quokka-two', { aliases: ['quokkabase'] }),
      ],
    });
    expect(result.dropped.sort()).toEqual(['glossary:latency-too', 'glossary:quokka-two']);
    const ids = source.current().knowledge.glossary.terms.map((t) => t.id);
    expect(ids).toContain('quokkabase');
    expect(ids).not.toContain('latency-too');
    const latency = source.current().lookup.findTerm('latency');
    expect(latency.kind === 'match' && latency.match.term.source).toBe('guide');
  });
});
