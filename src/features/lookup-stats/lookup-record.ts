import { z } from 'zod';
import { MAX_RECORDED_QUERY, normalizeQuery } from '../../kernel/knowledge/search/normalize.js';

/** Records older than this are dropped (the README's Privacy section says so). */
export const KEEP_LOOKUPS_DAYS = 90;

const name = z.string().trim().min(1).max(40);

/**
 * One lookup as stored, made from the 'lookup' event. Only these fields exist: who asked is
 * never part of it. The query is normalised again here so that no emitter can store raw text.
 */
export const lookupRecordSchema = z.object({
  teamId: z.string().trim().min(1).max(40),
  subcommand: name,
  module: name,
  query: z.string().transform(normalizeQuery).pipe(z.string().min(1).max(MAX_RECORDED_QUERY)),
  entry: z.string().min(1).max(200).optional(),
  hit: z.boolean(),
  /** Cut to the hour when stored. */
  lookedUpAt: z.date(),
});

export type LookupRecordInput = z.input<typeof lookupRecordSchema>;
export type LookupRecord = z.output<typeof lookupRecordSchema>;
/** A record with how many lookups alike it stands for (1 when absent). */
export type CountedLookupRecord = LookupRecord & { count?: number };

/** The start of the hour `date` falls in (UTC). */
export function hourOf(date: Date): Date {
  const hour = new Date(date.getTime());
  hour.setUTCMinutes(0, 0, 0);
  return hour;
}

/** The stats' periods, in days. */
export const STATS_PERIODS = [7, 30] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first moment a period ending `now` covers. */
export const periodStart = (now: Date, days: number): Date =>
  new Date(now.getTime() - days * DAY_MS);
