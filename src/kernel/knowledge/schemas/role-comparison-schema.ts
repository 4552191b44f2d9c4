import { z } from 'zod';
import { text, textList } from './common.js';

const reason = z.object({ title: text, detail: text });

/** What a backend engineer does, and when to hire a specialist rather than a full-stack one. */
export const roleComparisonSchema = z.object({
  backendRole: z.object({ summary: text, responsibilities: textList }),
  difference: text,
  backendWhen: z.array(reason).min(1),
  fullStackWhen: z.array(reason).min(1),
});

export type RoleComparison = z.infer<typeof roleComparisonSchema>;
