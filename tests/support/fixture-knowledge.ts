import {
  KNOWLEDGE_MODULES,
  type Knowledge,
} from '../../src/kernel/knowledge/schemas/knowledge-modules.js';

/**
 * A small, valid knowledge base written for tests, so that lookups and answers can be tested
 * without depending on the real knowledge/*.yml content (which changes as the guide is
 * reworded). Each module goes through its zod schema, exactly as loadKnowledge does.
 */
const raw = {
  glossary: {
    terms: [
      {
        id: 'latency',
        name: 'Latency',
        meaning: 'How long a system takes to answer a request.',
        aliases: ['response time', 'lag'],
        onResume: 'Cut p99 latency from 800 ms to 120 ms.',
        probe: 'Which latency figure did you watch, and what moved it?',
        related: ['caching', 'load-balancer'],
        source: 'guide',
      },
      {
        id: 'message-queue',
        name: 'Message Queue',
        meaning: 'A buffer that lets services hand work to each other without waiting.',
        aliases: ['queue', 'message broker', 'mq'],
        products: ['Kafka', 'RabbitMQ', 'Amazon SQS'],
        productNoun: 'a message queue',
        onResume: 'Built event pipelines on Kafka.',
        probe: 'What happened when a consumer fell behind?',
        related: ['pub-sub'],
        source: 'guide',
      },
      {
        id: 'pub-sub',
        source: 'project',
        name: 'Pub/Sub',
        meaning: 'A way of sending one message to every interested subscriber.',
        aliases: ['publish subscribe', 'pubsub'],
        products: ['Google Pub/Sub'],
        productNoun: 'a publish/subscribe service',
        onResume: 'Fan-out notifications with pub/sub.',
        probe: 'How did subscribers deal with duplicates?',
        related: ['message-queue'],
      },
      {
        id: 'caching',
        name: 'Caching',
        meaning: 'Keeping copies of data close by so it is faster to read.',
        aliases: ['cache', 'caches'],
        products: ['Redis', 'Memcached'],
        productNoun: 'a cache',
        onResume: 'Added a Redis cache in front of the catalogue.',
        probe: 'How did you keep the cache from serving stale data?',
        related: ['latency'],
        source: 'guide',
      },
      {
        id: 'load-balancer',
        name: 'Load Balancer',
        meaning: 'Spreads incoming traffic across several servers.',
        aliases: ['lb', 'load balancing'],
        products: ['NGINX', 'HAProxy'],
        productNoun: 'a load balancer',
        onResume: 'Configured HAProxy for blue-green releases.',
        probe: 'What happened to open connections when a server left the pool?',
        related: ['latency'],
        source: 'guide',
      },
      {
        id: 'container',
        name: 'Container',
        meaning: 'A packaged, isolated way to run a program with everything it needs.',
        aliases: ['containers', 'containerization'],
        products: ['Docker'],
        productNoun: 'a container tool',
        onResume: 'Containerised services with Docker.',
        probe: 'How small was your image, and why did it matter?',
        source: 'guide',
      },
      {
        id: 'load-testing',
        source: 'project',
        name: 'Load Testing',
        meaning: 'Pushing a system with simulated traffic to see where it breaks.',
        aliases: ['stress testing'],
        onResume: 'Load tested the API to 5k requests per second.',
        probe: 'What broke first, and what did you change?',
      },
    ],
  },
  questions: {
    areas: [
      {
        id: 'system-design',
        name: 'System design',
        aliases: ['design', 'architecture'],
        source: 'guide',
      },
      { id: 'databases', name: 'Databases', aliases: ['db', 'sql'], source: 'guide' },
      {
        id: 'production-experience',
        name: 'Production experience',
        aliases: ['production'],
        source: 'guide',
      },
    ],
    questions: [
      q(
        'url-shortener',
        ['mid', 'senior'],
        'system-design',
        'Design a link shortener for a million clicks a day.',
      ),
      q(
        'chat-fanout',
        ['senior', 'staff'],
        'system-design',
        'Design message fan-out for a group chat.',
      ),
      q('rate-limiter', ['senior'], 'system-design', 'Design a rate limiter for a public API.'),
      q(
        'sql-vs-nosql',
        ['mid', 'senior'],
        'databases',
        'When would you pick a relational store over a document store?',
      ),
      q(
        'slow-query',
        ['junior', 'mid', 'senior'],
        'databases',
        'A query got slow overnight. Where do you look?',
      ),
      q(
        'outage-story',
        ['senior', 'staff'],
        'production-experience',
        'Tell me about an outage you handled.',
      ),
      q(
        'first-bug',
        ['junior'],
        'production-experience',
        'Tell me about a bug you fixed and how you found it.',
      ),
      q('crud-api', ['junior'], 'system-design', 'Sketch the endpoints for a to-do list service.'),
      q(
        'org-strategy',
        ['staff'],
        'system-design',
        'How would you steer three teams toward one data platform?',
      ),
    ],
  },
  levels: {
    levels: [
      level('junior', 'Junior', 0, 2, 'Curiosity and fundamentals'),
      level('mid', 'Mid-level', 2, 5, 'Independence and ownership'),
      level('senior', 'Senior', 5, undefined, 'Architecture and leadership'),
      level('staff', 'Staff+', 8, undefined, 'Strategy and organisation-wide impact'),
    ],
  },
  expectations: {
    aspects: [
      {
        id: 'on-call',
        source: 'guide',
        name: 'On-call and operations',
        aliases: ['on call', 'operations'],
        expects: ['A fair rotation with runbooks.'],
        breaksTrust: ['Revealing on-call duties only after the offer.'],
      },
      {
        id: 'growth',
        source: 'guide',
        name: 'Growth opportunities',
        aliases: ['career', 'growth'],
        expects: ['A path to senior and staff roles.'],
        breaksTrust: ['A role with nowhere to go.'],
      },
    ],
  },
  resumeFlags: {
    flags: [
      {
        id: 'named-databases',
        source: 'guide',
        kind: 'green',
        name: 'Names the databases used',
        why: 'Specific stores show hands-on work.',
        rule: 'present',
        cues: ['postgresql', 'mysql', 'redis'],
        ask: 'What did you tune in that database?',
      },
      {
        id: 'generic-backend',
        source: 'guide',
        kind: 'yellow',
        name: 'Generic backend claims',
        why: 'Claims without specifics are hard to check.',
        rule: 'present-without',
        cues: ['backend experience'],
        unless: ['postgresql', 'kafka'],
        ask: 'Which systems, exactly?',
      },
    ],
  },
  mistakes: {
    mistakes: [
      {
        id: 'algorithm-heavy',
        source: 'guide',
        name: 'Puzzle-heavy interviews',
        problem: 'Puzzles test recall, not backend work.',
        instead: ['Ask for an API design.', 'Debug a real log together.'],
      },
      {
        id: 'ignoring-operations',
        source: 'guide',
        name: 'Ignoring operational skills',
        problem: 'Engineers must run what they build.',
        instead: ['Ask about monitoring and on-call.'],
      },
    ],
  },
  sourcing: {
    channels: [
      {
        id: 'github',
        source: 'guide',
        name: 'GitHub',
        what: 'Contributors to backend projects.',
        lookFor: ['Merged pull requests to frameworks'],
      },
    ],
    languagePools: [
      {
        language: 'Go',
        source: 'guide',
        aliases: ['golang'],
        industries: ['Infrastructure', 'Cloud'],
        companies: ['Google', 'Uber'],
        communities: ['GopherCon'],
      },
      {
        language: 'Python',
        source: 'guide',
        aliases: ['py', 'django'],
        industries: ['Data', 'Fintech'],
        companies: ['Stripe'],
      },
    ],
  },
  market: {
    source: 'guide',
    region: 'United States',
    seniorSalaryUsd: { min: 160000, max: 220000 },
    difficulty: 'very-hard',
    timeToHireWeeks: { min: 4, max: 6 },
    notes: [{ text: 'Senior engineers often weigh several offers at once.', source: 'project' }],
  },
  comparison: {
    source: 'guide',
    backendRole: {
      summary: 'Backend engineers build the parts users never see.',
      responsibilities: ['Authenticate requests', 'Store and fetch data'],
    },
    difference: 'Specialists go deeper on the server side; full-stack engineers cover both ends.',
    backendWhen: [
      {
        id: 'scale',
        source: 'guide',
        title: 'Scale',
        detail: 'Millions of requests a day need depth.',
      },
    ],
    fullStackWhen: [
      {
        id: 'small-teams',
        source: 'guide',
        title: 'Small teams',
        detail: 'Everyone wears several hats.',
      },
    ],
  },
  skills: {
    skills: [
      {
        id: 'api-design',
        source: 'guide',
        name: 'API design',
        aliases: ['apis'],
        evaluate: ['Versioning strategy', 'Error handling and status codes'],
        terms: ['latency'],
      },
      {
        id: 'system-design',
        source: 'guide',
        name: 'System design',
        evaluate: ['Horizontal versus vertical scaling', 'Caching strategy'],
        terms: ['caching', 'load-balancer', 'message-queue'],
      },
    ],
  },
};

function q(id: string, levels: string[], area: string, prompt: string) {
  return {
    id,
    source: 'project',
    levels,
    area,
    prompt,
    lookFor: [`Clear reasoning about ${id}`],
    redFlags: ['Jumps to code'],
    followUps: ['What would you change at ten times the load?'],
  };
}

function level(id: string, name: string, min: number, max: number | undefined, theme: string) {
  return {
    id,
    source: 'guide',
    name,
    years: max === undefined ? { min } : { min, max },
    theme,
    signals: [`${name} signal`],
    capabilities: [`${name} capability`],
    growing: [`${name} growth area`],
  };
}

/** Parses the raw fixture through the real schemas; throws if the fixture itself is invalid. */
export function fixtureKnowledge(): Knowledge {
  const out: Record<string, unknown> = {};
  for (const [key, { schema }] of Object.entries(KNOWLEDGE_MODULES)) {
    out[key] = schema.parse(raw[key as keyof typeof raw]);
  }
  return out as Knowledge;
}
