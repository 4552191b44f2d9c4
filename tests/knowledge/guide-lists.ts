import type { QuestionArea } from '../../src/kernel/knowledge/schemas/interview-questions-schema.js';
import type { ResumeFlag } from '../../src/kernel/knowledge/schemas/resume-flags-schema.js';

// The guide's lists, kept here so coverage and provenance are checked even on a machine
// without the guide. When the guide is present, guide-coverage.test.ts parses it to prove
// these lists are complete.

/** Rows of the guide's "Technical Terms to Know" table, exactly as named there. */
export const GUIDE_TERMS = [
  'API',
  'REST/GraphQL',
  'ORM',
  'Microservices',
  'SQL/NoSQL',
  'Caching',
  'Message Queue',
  'Load Balancer',
  'Container',
  'Latency',
];

/** Products the table names in its explanations, with the term each must resolve to. */
export const GUIDE_TERM_PRODUCTS: Record<string, string> = {
  Redis: 'Caching',
  Memcached: 'Caching',
  Kafka: 'Message Queue',
  RabbitMQ: 'Message Queue',
  Docker: 'Container',
};

export const GUIDE_LEVELS = [
  { id: 'junior', heading: 'Junior', min: 0, max: 2 },
  { id: 'mid', heading: 'Mid-Level', min: 2, max: 5 },
  { id: 'senior', heading: 'Senior', min: 5, max: undefined },
  { id: 'staff', heading: 'Staff+', min: 8, max: undefined },
] as const;

export const GUIDE_ASPECTS = [
  'Technical Environment',
  'On-Call and Operations',
  'Architecture Input',
  'Code Quality Standards',
  'Growth Opportunities',
];

export const GUIDE_MISTAKES = [
  'Algorithm-Heavy Interviews',
  'Ignoring Operational Skills',
  'Language Purism',
  'Undervaluing Communication',
  'Skipping Production Scenarios',
];

/**
 * The guide's resume flags. `guide` is how the bullet starts in the guide; `keywords` are the
 * words one of our flags must carry (in its id, name or why) to count as covering it.
 */
export const GUIDE_FLAGS: { kind: ResumeFlag['kind']; guide: string; keywords: string[] }[] = [
  { kind: 'green', guide: 'Specific language proficiency', keywords: ['language'] },
  { kind: 'green', guide: 'Database experience', keywords: ['database'] },
  { kind: 'green', guide: 'API design and REST/GraphQL', keywords: ['api'] },
  { kind: 'green', guide: 'Production system experience at scale', keywords: ['scale'] },
  {
    kind: 'green',
    guide: 'Testing and deployment pipeline',
    keywords: ['test', 'testing', 'pipeline', 'deployment', 'ci'],
  },
  { kind: 'green', guide: 'Open source contributions', keywords: ['open source'] },
  { kind: 'green', guide: 'Experience with observability tools', keywords: ['observability'] },
  { kind: 'yellow', guide: 'Generic "backend experience"', keywords: ['generic', 'specifics'] },
  { kind: 'yellow', guide: 'No database or API mentions', keywords: ['database', 'api'] },
  { kind: 'yellow', guide: 'Missing production exposure', keywords: ['production'] },
  { kind: 'yellow', guide: 'Only tutorial-level projects', keywords: ['tutorial'] },
  {
    kind: 'yellow',
    guide: 'No mention of testing or code quality',
    keywords: ['test', 'testing', 'tests', 'quality'],
  },
  {
    kind: 'yellow',
    guide: 'Vague technology lists',
    keywords: ['vague', 'list', 'lists', 'buzzword', 'buzzwords', 'keyword'],
  },
];

export const GUIDE_LANGUAGES = [
  {
    language: 'Python',
    industries: ['Data', 'ML', 'Fintech'],
    companies: ['Stripe', 'Instagram', 'Dropbox'],
  },
  {
    language: 'Java',
    industries: ['Enterprise', 'Fintech'],
    companies: ['Banks', 'Netflix', 'LinkedIn'],
  },
  {
    language: 'Go',
    industries: ['Infrastructure', 'Cloud'],
    companies: ['Google', 'Uber', 'Cloudflare'],
  },
  {
    language: 'Node.js',
    industries: ['Startups', 'Real-time'],
    companies: ['PayPal', 'Trello', 'Medium'],
  },
  { language: 'Rust', industries: ['Systems', 'Security'], companies: ['AWS', 'Figma', 'Discord'] },
];

export const GUIDE_CHANNELS = [
  'GitHub',
  'Tech communities',
  'Cloud certifications',
  'Conference speakers',
];

export const GUIDE_SKILLS = [
  'Language Proficiency',
  'Database Knowledge',
  'API Design',
  'System Design',
];

/** Production situations the guide says interviews should cover. */
export const GUIDE_SCENARIOS = [
  { name: 'traffic spikes', words: ['traffic'] },
  { name: 'database locks', words: ['lock', 'locking'] },
  { name: 'memory leaks', words: ['memory'] },
  { name: 'cascading failures', words: ['cascading', 'spread'] },
];

/** The guide's interview focus areas: the heading, its question, and our area for it. */
export const GUIDE_FOCUS_QUESTIONS: {
  heading: string;
  question: string;
  area: QuestionArea;
  words: string[];
}[] = [
  {
    heading: 'System Design',
    question: 'Design a URL shortener that handles 1M clicks per day',
    area: 'system-design',
    words: ['shortener', 'shortening'],
  },
  {
    heading: 'Production Experience',
    question: 'Tell me about a production outage you handled',
    area: 'production-experience',
    words: ['outage'],
  },
  {
    heading: 'Trade-off Thinking',
    question: 'When would you use a SQL database vs. a NoSQL database?',
    area: 'trade-offs',
    words: ['nosql'],
  },
  {
    heading: 'Code Quality',
    question: 'How do you ensure your code is production-ready?',
    area: 'code-quality',
    words: ['ready for production', 'production ready'],
  },
];

/** Where each interview area comes from in the guide: a focus area, a skill, or a mistake. */
export const GUIDE_AREA_SOURCES: Record<QuestionArea, string> = {
  'system-design': 'System Design',
  'production-experience': 'Production Experience',
  'trade-offs': 'Trade-off Thinking',
  'code-quality': 'Code Quality',
  'api-design': '3. API Design',
  databases: '2. Database Knowledge',
  'language-proficiency': '1. Language Proficiency',
  'production-scenarios': '5. Skipping Production Scenarios',
};

/** When to hire a backend specialist: each bullet's lead words, and words our reason carries. */
export const GUIDE_BACKEND_WHEN = [
  { guide: 'Complex data systems', words: ['complex data'] },
  { guide: 'Scale challenges', words: ['scale'] },
  { guide: 'Security-critical applications', words: ['security'] },
  { guide: 'Platform and infrastructure work', words: ['platform'] },
  { guide: 'Large engineering teams', words: ['large'] },
];

/** When full-stack may work, likewise. */
export const GUIDE_FULL_STACK_WHEN = [
  { guide: 'Small teams', words: ['small teams'] },
  { guide: 'Product-focused work', words: ['product'] },
  { guide: 'Rapid prototyping and MVPs', words: ['prototyping'] },
  { guide: 'Feature work that spans frontend and backend', words: ['frontend and backend'] },
];

/** The market snapshot's three facts; a note marked guide must restate one of them. */
export const GUIDE_MARKET_FACTS = [
  { guide: 'Senior Salary (US)', words: ['salary'] },
  { guide: 'Hiring Difficulty Very Hard', words: ['very hard'] },
  { guide: 'Avg. Time to Hire 4-6 weeks', words: ['weeks'] },
];
