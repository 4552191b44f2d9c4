import { z } from 'zod';
import { levelId } from '../../../kernel/knowledge/schemas/common.js';
import { localTime, reminderTopic, weekday } from '../reminder-settings.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const remindCommandSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('subscribe'),
    localTime,
    /** Absent: use the caller's Slack time zone. */
    timeZone: z.string().optional(),
    days: z.array(weekday).min(1),
    level: levelId.optional(),
    topics: z.array(reminderTopic).min(1),
  }),
  z.object({ kind: z.literal('list') }),
  /** Without a time: every reminder of the channel. */
  z.object({ kind: z.literal('off'), localTime: localTime.optional() }),
  /** Without a date: until `resume`. */
  z.object({ kind: z.literal('pause'), until: isoDate.optional() }),
  z.object({ kind: z.literal('resume') }),
  z.object({ kind: z.literal('preview') }),
  z.object({ kind: z.literal('help') }),
  /** An admin opens (or closes) a channel shared with another organisation to tips. */
  z.object({ kind: z.literal('allow-shared') }),
  z.object({ kind: z.literal('disallow-shared') }),
]);
export type RemindCommand = z.infer<typeof remindCommandSchema>;
