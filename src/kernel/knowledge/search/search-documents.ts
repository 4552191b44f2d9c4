import type { Knowledge } from '../schemas/knowledge-modules.js';

/** The modules `/hire search` looks through, in the order their groups are shown. */
export const SEARCH_MODULES = [
  'glossary',
  'questions',
  'levels',
  'expectations',
  'skills',
  'mistakes',
  'resumeFlags',
  'sourcing',
  'comparison',
  'market',
] as const;
export type SearchModule = (typeof SEARCH_MODULES)[number];

export const SEARCH_MODULE_LABELS: Record<SearchModule, string> = {
  glossary: 'Glossary',
  questions: 'Interview questions',
  levels: 'Levels',
  expectations: 'Developer expectations',
  skills: 'Core skills',
  mistakes: 'Hiring mistakes',
  resumeFlags: 'Resume flags',
  sourcing: 'Where to find engineers',
  comparison: 'Backend vs full-stack',
  market: 'Market snapshot',
};

/** One searchable entry: `command` is the /hire command text that opens it. */
export type SearchDocument = {
  id: string;
  module: SearchModule;
  title: string;
  body: string;
  command: string;
};

const join = (...parts: (string | readonly string[] | undefined)[]): string =>
  parts
    .flatMap((part) => (part === undefined ? [] : typeof part === 'string' ? [part] : part))
    .join(' \n');

/** Flattens every module into documents for the cross-module index. */
export function buildSearchDocuments(knowledge: Knowledge): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const add = (module: SearchModule, key: string, title: string, body: string, command: string) =>
    docs.push({ id: `${module}/${key}`, module, title, body, command });

  for (const term of knowledge.glossary.terms) {
    add(
      'glossary',
      term.id,
      term.name,
      join(term.aliases, term.products, term.meaning, term.onResume),
      `glossary ${term.id}`,
    );
  }
  const areaNames = new Map(knowledge.questions.areas.map((area) => [area.id, area.name]));
  for (const question of knowledge.questions.questions) {
    add(
      'questions',
      question.id,
      question.prompt,
      join(areaNames.get(question.area), question.lookFor, question.redFlags, question.followUps),
      `questions ${question.id}`,
    );
  }
  for (const level of knowledge.levels.levels) {
    add(
      'levels',
      level.id,
      level.name,
      join(
        level.theme,
        level.signals,
        level.capabilities,
        level.growing,
        level.demonstrates,
        level.setsApart,
      ),
      `levels ${level.id}`,
    );
  }
  for (const aspect of knowledge.expectations.aspects) {
    add(
      'expectations',
      aspect.id,
      aspect.name,
      join(aspect.aliases, aspect.expects, aspect.breaksTrust),
      `expectations ${aspect.id}`,
    );
  }
  for (const skill of knowledge.skills.skills) {
    add('skills', skill.id, skill.name, join(skill.aliases, skill.evaluate), `skills ${skill.id}`);
  }
  for (const mistake of knowledge.mistakes.mistakes) {
    add(
      'mistakes',
      mistake.id,
      mistake.name,
      join(mistake.problem, mistake.instead),
      `mistakes ${mistake.id}`,
    );
  }
  for (const flag of knowledge.resumeFlags.flags) {
    add('resumeFlags', flag.id, flag.name, join(flag.kind, flag.why, flag.ask), 'flags');
  }
  for (const channel of knowledge.sourcing.channels) {
    add('sourcing', channel.id, channel.name, join(channel.what, channel.lookFor), 'sources');
  }
  for (const pool of knowledge.sourcing.languagePools) {
    add(
      'sourcing',
      `language-${pool.language}`,
      `${pool.language} talent pool`,
      join(pool.aliases, pool.industries, pool.companies, pool.communities),
      `sources ${pool.language}`,
    );
  }
  const comparison = knowledge.comparison;
  add(
    'comparison',
    'backend-vs-full-stack',
    'Backend vs full-stack',
    join(
      comparison.backendRole.summary,
      comparison.backendRole.responsibilities,
      comparison.difference,
      [...comparison.backendWhen, ...comparison.fullStackWhen].map((r) => `${r.title} ${r.detail}`),
    ),
    'compare',
  );
  const market = knowledge.market;
  add(
    'market',
    'market',
    'Market snapshot',
    join(
      `salary pay compensation time to hire difficulty ${market.region}`,
      market.notes.map((note) => note.text),
    ),
    'market',
  );
  return docs;
}
