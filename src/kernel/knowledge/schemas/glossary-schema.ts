import { z } from 'zod';
import { entryId, knowledgeEntry, text } from './common.js';

/**
 * A glossary term. `source: guide` marks exactly the terms of the guide's "Technical Terms to
 * Know" table, the only terms the guide defines; the others it names at most, so their
 * definitions are the project's (`source: project`).
 */
export const glossaryTermSchema = knowledgeEntry({
  id: entryId,
  name: text,
  /** One or two sentences a recruiter can repeat to a candidate. */
  meaning: text,
  /** Other names and spellings: abbreviations, plurals, hyphenation. */
  aliases: z.array(text).default([]),
  /** Concrete products or tools this term covers (Kafka, RabbitMQ, …). */
  products: z.array(text).default([]),
  /** What each product is, as a noun phrase: "a message queue" → "Kafka is a message queue". */
  productNoun: text.optional(),
  /** How the term tends to appear on a resume. */
  onResume: text,
  /** A question that separates real experience from keyword-matching. */
  probe: text,
  related: z.array(entryId).default([]),
}).refine((term) => term.products.length === 0 || term.productNoun !== undefined, {
  message: 'is required when products are listed',
  path: ['productNoun'],
});

export const glossarySchema = z.strictObject({ terms: z.array(glossaryTermSchema).min(1) });

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
export type Glossary = z.infer<typeof glossarySchema>;
