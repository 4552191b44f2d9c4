import { z } from 'zod';

const slackId = z.string().trim().min(1).max(64);

/** Where the summary went; `undelivered` flags are still stored, so nothing is lost. */
export const DELIVERIES = ['thread', 'private', 'private-fallback', 'undelivered'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/**
 * Who may see a flag: one posted in a thread was seen by the channel; every other one (the
 * reviewer chose "only me", or the thread refused the post) is the reviewer's alone.
 */
export const SEEN_BY_CHANNEL = ['thread'] as const satisfies readonly Delivery[];

export const isSharedWithChannel = (deliveredTo: Delivery): boolean =>
  (SEEN_BY_CHANNEL as readonly Delivery[]).includes(deliveredTo);

/** What a reviewer's flag records. The resume text has no field here, on purpose. */
export const newFlagSchema = z.object({
  /** The workspace: every read is within one. */
  teamId: slackId,
  channelId: slackId,
  messageTs: z
    .string()
    .regex(/^\d+\.\d+$/, 'expected a Slack message ts such as 1712345678.000100'),
  permalink: z.url().max(3000).optional(),
  flaggedBy: slackId,
  /** Resume-flag ids the reviewer kept ticked. */
  concerns: z.array(z.string().min(1).max(100)).max(50),
  note: z.string().max(3000).optional(),
  deliveredTo: z.enum(DELIVERIES),
  createdAt: z.date(),
});

export type NewFlag = z.input<typeof newFlagSchema>;
export type StoredFlag = z.output<typeof newFlagSchema> & { id: string };
