import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyzeResume,
  MAX_ANALYZED_CHARS,
  type ResumeAnalysis,
} from '../../../../src/features/resume-flags/analysis/analyze-resume.js';
import { loadKnowledge } from '../../../../src/kernel/knowledge/load-knowledge.js';

const knowledge = loadKnowledge();
const context = {
  flags: knowledge.resumeFlags.flags,
  levels: knowledge.levels.levels,
  currentYear: 2026,
};
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}.txt`, import.meta.url), 'utf8');
const ids = (findings: { flag: { id: string } }[]) => findings.map((f) => f.flag.id).sort();
const evidenceOf = (analysis: ResumeAnalysis, id: string) =>
  [...analysis.green, ...analysis.yellow].find((f) => f.flag.id === id)?.evidence;

const ALL_GREEN = [
  'api-design',
  'database-experience',
  'language-proficiency',
  'observability',
  'open-source',
  'production-scale',
  'testing-and-deployment',
];

/** Each resume written for these tests, with what a careful recruiter would flag in it. */
const CASES: {
  file: string;
  green: string[];
  yellow: string[];
  years?: number;
  level?: string;
  tooShort?: boolean;
}[] = [
  { file: 'strong-senior', green: ALL_GREEN, yellow: [], years: 7, level: 'senior' },
  {
    file: 'junior-tutorials',
    green: ['language-proficiency'],
    yellow: [
      'no-database-or-api',
      'no-production-exposure',
      'no-testing-or-quality',
      'tutorial-projects-only',
    ],
    years: 1,
    level: 'junior',
  },
  {
    file: 'buzzwords',
    green: ['language-proficiency'],
    yellow: [
      'no-database-or-api',
      'no-production-exposure',
      'no-testing-or-quality',
      'vague-technology-list',
    ],
    years: 5,
    level: 'senior',
  },
  {
    file: 'generic-claims',
    green: [],
    yellow: ['generic-backend-claims', 'no-database-or-api', 'no-testing-or-quality'],
    years: 4,
    level: 'mid',
  },
  {
    file: 'german-backend',
    green: [
      'api-design',
      'database-experience',
      'language-proficiency',
      'observability',
      'testing-and-deployment',
    ],
    yellow: [],
    years: 6,
    level: 'senior',
  },
  {
    file: 'mid-api-developer',
    green: [
      'api-design',
      'database-experience',
      'language-proficiency',
      'production-scale',
      'testing-and-deployment',
    ],
    yellow: [],
    years: 4,
    level: 'mid',
  },
  {
    file: 'data-heavy',
    green: [
      'database-experience',
      'language-proficiency',
      'observability',
      'production-scale',
      'testing-and-deployment',
    ],
    yellow: [],
    years: 11,
    level: 'staff',
  },
  { file: 'short-note', green: ['language-proficiency'], yellow: [], tooShort: true },
  { file: 'empty', green: [], yellow: [], tooShort: true },
];

describe('analyzeResume on realistic resumes', () => {
  it.each(CASES)('$file', ({ file, green, yellow, years, level, tooShort }) => {
    const analysis = analyzeResume(fixture(file), context);
    expect(ids(analysis.green)).toEqual(green);
    expect(ids(analysis.yellow)).toEqual(yellow);
    expect(analysis.yearsOfExperience).toBe(years);
    expect(analysis.estimatedLevel).toBe(level);
    expect(analysis.tooShort).toBe(tooShort ?? false);
    expect(analysis.truncated).toBe(false);
  });

  it('quotes the words that raised each green flag, in reading order', () => {
    const analysis = analyzeResume(fixture('strong-senior'), context);
    expect(evidenceOf(analysis, 'database-experience')).toEqual(['PostgreSQL', 'Redis', 'MongoDB']);
    expect(evidenceOf(analysis, 'production-scale')).toContain('2M requests a day');
    expect(evidenceOf(analysis, 'language-proficiency')).toEqual(['Go', 'Python']);
    // "REST" inside the longer match is not repeated on its own.
    expect(evidenceOf(analysis, 'api-design')).toEqual([
      'versioned the public REST API',
      'OpenAPI',
      'gRPC',
    ]);
  });

  it('quotes the tutorial projects and the generic claims behind yellow flags', () => {
    const junior = analyzeResume(fixture('junior-tutorials'), context);
    expect(evidenceOf(junior, 'tutorial-projects-only')).toEqual(
      expect.arrayContaining(['Netflix clone', 'following a Udemy course']),
    );
    const generic = analyzeResume(fixture('generic-claims'), context);
    expect(evidenceOf(generic, 'generic-backend-claims')).toContain('backend experience');
    // Flags raised by silence have nothing to quote.
    expect(evidenceOf(generic, 'no-testing-or-quality')).toBeUndefined();
  });
});

describe('analyzeResume cues', () => {
  const padding =
    ' Worked on internal tools with a small team for a few years in a busy office.'.repeat(5);
  const analyze = (text: string) => analyzeResume(text + padding, context);

  it.each([
    ['2M requests a day', 'Served 2M requests a day'],
    ['1.5k rps', 'peaks at 1.5k rps'],
    ['millions of users', 'used by millions of users'],
    ['99.95% uptime', 'kept 99.95% uptime'],
  ])('finds production scale in "%s"', (expected, text) => {
    expect(evidenceOf(analyze(text), 'production-scale')).toContain(expected);
  });

  it('does not read the English word "rest" as REST APIs', () => {
    expect(
      evidenceOf(analyze('I let the rest of the team handle it.'), 'api-design'),
    ).toBeUndefined();
    expect(evidenceOf(analyze('Built REST APIs in Go.'), 'api-design')).toBeDefined();
  });

  it('does not read "go" the verb as the Go language', () => {
    expect(
      evidenceOf(analyze('Ready to go the extra mile.'), 'language-proficiency'),
    ).toBeUndefined();
    expect(evidenceOf(analyze('Wrote Go services.'), 'language-proficiency')).toEqual(['Go']);
  });

  it('matches whole words only, including names with punctuation', () => {
    expect(evidenceOf(analyze('JavaScript only.'), 'language-proficiency')).toBeUndefined();
    expect(evidenceOf(analyze('Services in C# and .NET 8.'), 'language-proficiency')).toEqual([
      'C#',
      '.NET',
    ]);
  });

  it('keeps quiet about a generic claim once a language or database is named', () => {
    const claim = 'Solid backend experience.';
    expect(evidenceOf(analyze(claim), 'generic-backend-claims')).toEqual(['backend experience']);
    expect(evidenceOf(analyze(`${claim} Mostly Java.`), 'generic-backend-claims')).toBeUndefined();
  });

  it('reads text as Slack sends it, with &, < and > escaped', () => {
    const analysis = analyze('Profile: &lt;https://github.com/ana|github.com/ana&gt; R&amp;D');
    expect(evidenceOf(analysis, 'open-source')).toContain('github.com/ana');
  });
});

describe('analyzeResume limits', () => {
  it('reads only the first 40,000 characters of a longer text and says so', () => {
    const long = `${fixture('junior-tutorials')}\n${'Lorem ipsum dolor sit amet. '.repeat(2000)}\nPostgreSQL`;
    expect(long.length).toBeGreaterThan(MAX_ANALYZED_CHARS);
    const analysis = analyzeResume(long, context);
    expect(analysis.truncated).toBe(true);
    expect(evidenceOf(analysis, 'database-experience')).toBeUndefined();
    expect(ids(analysis.yellow)).toContain('tutorial-projects-only');
  });

  it('copes with 40,000 characters built to upset regular expressions', () => {
    for (const nasty of [
      'a,'.repeat(20_000),
      `${'x '.repeat(19_999)}!`,
      `${'2'.repeat(39_990)} requests`,
      `${'/'.repeat(40_000)}`,
    ]) {
      const analysis = analyzeResume(nasty, context);
      expect(analysis.truncated).toBe(false);
    }
  });

  it('leaves out flags raised by silence when the text is too short to judge', () => {
    const analysis = analyzeResume('Great candidate, see attached.', context);
    expect(analysis.tooShort).toBe(true);
    expect(analysis.yellow).toEqual([]);
  });
});
