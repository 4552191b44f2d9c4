import { describe, expect, it } from 'vitest';
import { renderMessageAsText } from '../../src/cli/render-message.js';
import { analyzeResume } from '../../src/features/resume-flags/analysis/analyze-resume.js';
import { loadKnowledge } from '../../src/kernel/knowledge/load-knowledge.js';
import { createKnowledgeLookup } from '../../src/kernel/knowledge/search/knowledge-lookup.js';
import { foldKey } from '../../src/kernel/knowledge/search/normalize.js';
import { answerContext, answerHire } from '../support/answer-hire.js';

// Corrections from a review of the knowledge. Each check is also run on the wording the review
// found, so it is known to fail on that.

const knowledge = loadKnowledge();
const lookup = createKnowledgeLookup(knowledge);
const term = (id: string) => {
  const found = knowledge.glossary.terms.find((t) => t.id === id);
  if (!found) throw new Error(`no glossary term ${id}`);
  return found;
};

describe('throughput is work per unit of time, not how much runs at once', () => {
  const wrong = (meaning: string) => /\bat once\b|at the same time|simultaneous/i.test(meaning);
  const perTime = (meaning: string) => /\bper (second|minute|unit of time)\b/i.test(meaning);

  it('says so, and leaves "at once" to concurrency', () => {
    const { meaning } = term('throughput');
    expect(wrong(meaning)).toBe(false);
    expect(perTime(meaning)).toBe(true);
    expect(meaning).toMatch(/concurrency/i);
  });

  it('rejects the reviewed wording', () => {
    expect(
      wrong(
        'Latency is how long one request takes; throughput is how many can be handled at once.',
      ),
    ).toBe(true);
  });
});

/** Words a term must not claim, and what a lookup of each must do instead. */
const NOT_CLAIMED: { id: string; words: string[] }[] = [
  { id: 'memory-leak', words: ['garbage collection', 'GC pauses', 'GC'] },
  { id: 'kubernetes', words: ['Amazon ECS', 'ECS', 'Nomad'] },
  { id: 'microservices', words: ['SOA', 'service-oriented architecture'] },
  { id: 'idempotency', words: ['retry', 'retries'] },
  { id: 'relational-database', words: ['joins', 'join'] },
];

describe('terms do not claim words that are not theirs', () => {
  it.each(NOT_CLAIMED)('$id has none of $words as a name, alias or product', ({ id, words }) => {
    const t = term(id);
    const labels = new Set([t.name, ...t.aliases, ...t.products].map(foldKey));
    const claimed = words.filter((word) => labels.has(foldKey(word)));
    expect(claimed).toEqual([]);
  });

  it.each(NOT_CLAIMED)(
    'a lookup of $words does not land on $id but still answers',
    ({ id, words }) => {
      for (const word of words) {
        const result = lookup.findTerm(word);
        expect(result.kind, word).not.toBe('none');
        if (result.kind === 'match') expect(result.match.term.id, word).not.toBe(id);
      }
    },
  );

  it('answers /hire glossary gc with garbage collection', () => {
    const result = lookup.findTerm('gc');
    expect(result.kind === 'match' && result.match.term.id).toBe('garbage-collection');
  });
});

describe('JavaScript and TypeScript do not send a front-end developer to the Node.js pool unsaid', () => {
  it.each(['js', 'javascript', 'typescript', 'ts'])(
    'sources %s says front-end is different',
    (word) => {
      const text = renderMessageAsText(answerHire(`sources ${word}`, answerContext(knowledge)));
      expect(text).toContain('Node.js talent pool');
      expect(text).toMatch(/front[- ]end/i);
      // …and how to tell a backend Node.js engineer.
      expect(text).toMatch(/Express|NestJS|Fastify/);
    },
  );
});

describe('the production-at-scale green flag', () => {
  const context = {
    flags: knowledge.resumeFlags.flags,
    levels: knowledge.levels.levels,
    currentYear: 2026,
  };
  const resume = (extra: string) =>
    [
      'Backend engineer, six years. Built order and billing services in Go and Python on',
      'PostgreSQL, with REST APIs for the mobile apps and partners. Wrote unit tests and ran',
      'deployments through GitHub Actions. Took part in the on-call rotation for the payments',
      `team and wrote runbooks for the common alerts. ${extra}`,
    ].join(' ');
  const raised = (text: string) => analyzeResume(text, context).green.map((f) => f.flag.id);

  it('does not fire on the bare words on-call', () => {
    const analysis = analyzeResume(resume(''), context);
    expect(analysis.wordCount).toBeGreaterThanOrEqual(40);
    expect(analysis.green.map((f) => f.flag.id)).not.toContain('production-scale');
    // Being on call is still production exposure.
    expect(analysis.yellow.map((f) => f.flag.id)).not.toContain('no-production-exposure');
  });

  it('still fires when the resume gives the scale', () => {
    expect(raised(resume('The services handled 2M requests a day.'))).toContain('production-scale');
  });
});

describe('market notes say whose reading they are', () => {
  const scarcity = /scarce|hardest to find/i;

  it('marks the scarcity remark as the project’s own reading', () => {
    const notes = knowledge.market.notes.filter((note) => scarcity.test(note.text));
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      expect(note.source).toBe('project');
      expect(note.text).toMatch(/project’s own|project's own/i);
    }
  });

  it('keeps the guide’s notes free of it', () => {
    const guideNotes = knowledge.market.notes.filter((note) => note.source === 'guide');
    expect(guideNotes.filter((note) => scarcity.test(note.text))).toEqual([]);
  });
});

describe('architecture decided by people who do not write code', () => {
  const asBroadAsTheGuide = (items: string[]) =>
    items.some((item) => /people who (do not|don't|don’t) write code/i.test(item)) &&
    !items.some((item) => /no longer write code/i.test(item));

  it('is as broad as the guide puts it', () => {
    const aspect = knowledge.expectations.aspects.find((a) => a.id === 'architecture-input');
    expect(asBroadAsTheGuide(aspect?.breaksTrust ?? [])).toBe(true);
  });

  it('rejects the narrower reviewed wording', () => {
    expect(asBroadAsTheGuide(['Architecture decided by people who no longer write code'])).toBe(
      false,
    );
  });
});

describe('the definition of the role', () => {
  const { summary, responsibilities } = knowledge.comparison.backendRole;
  const definition = [summary, ...responsibilities].join(' ');

  it.each([
    ['deep technical expertise', /deep technical (expertise|knowledge)/i],
    ['continuous learning', /keep(s|ing)? learning|continu\w* learning|learning continu/i],
    ['collaboration with cross-functional teams', /cross-functional teams/i],
    ['high-quality software', /high-quality|high quality/i],
    ['meeting business needs', /business/i],
    ['designs, builds and maintains', /designs, builds and maintains/i],
  ])('includes %s', (_, pattern) => {
    expect(definition).toMatch(pattern);
  });
});
