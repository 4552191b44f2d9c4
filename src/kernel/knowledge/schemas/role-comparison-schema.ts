import { z } from 'zod';
import { entryId, entrySource, knowledgeEntry, text, textList } from './common.js';

/** One reason to hire a specialist (or a full-stack engineer), with its own provenance. */
export const hiringReasonSchema = knowledgeEntry({ id: entryId, title: text, detail: text });

/**
 * What a backend engineer is and does, and when to hire a specialist rather than a full-stack
 * one. `source` covers the role and the difference; each reason has its own.
 */
export const roleComparisonSchema = z.strictObject({
  source: entrySource,
  backendRole: z.strictObject({ summary: text, responsibilities: textList }),
  difference: text,
  backendWhen: z.array(hiringReasonSchema).min(1),
  fullStackWhen: z.array(hiringReasonSchema).min(1),
});

export type HiringReason = z.infer<typeof hiringReasonSchema>;
export type RoleComparison = z.infer<typeof roleComparisonSchema>;
