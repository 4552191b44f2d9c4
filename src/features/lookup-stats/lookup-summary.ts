import type { LookupCounts } from './storage/lookup-repository.js';

/** Rows each list of `/hire stats` shows. */
export const STATS_TOP = 10;
/** Characters of a bar at its longest. */
export const BAR_WIDTH = 10;

export type BarRow = { count: number; bar: string };

export type LookupSummary = {
  days: number;
  total: number;
  missTotal: number;
  /** Most looked-up entries; `label` is a display name or, for a search, the query (user text). */
  top: (BarRow & { label: string; module: string; isEntry: boolean })[];
  /** Queries that found nothing (user text, normalised). */
  misses: (BarRow & { query: string })[];
  bySubcommand: (BarRow & { subcommand: string; misses: number })[];
};

/** A text bar for `count` against the longest `max`; never empty for a count above zero. */
export function bar(count: number, max: number, width = BAR_WIDTH): string {
  const filled =
    max <= 0 || count <= 0 ? 0 : Math.min(width, Math.max(1, Math.round((count / max) * width)));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

const withBars = <T extends { count: number }>(rows: readonly T[]): (T & { bar: string })[] => {
  const max = Math.max(0, ...rows.map((row) => row.count));
  return rows.map((row) => ({ ...row, bar: bar(row.count, max) }));
};

/**
 * What `/hire stats` shows, from the store's counts: at most STATS_TOP of each list, with bars
 * scaled to the list's largest count. `nameOf` turns an entry id into its name when known.
 */
export function summarizeLookups(
  counts: LookupCounts,
  options: { days: number; nameOf?: (module: string, id: string) => string | undefined },
): LookupSummary {
  const total = counts.bySubcommand.reduce((sum, row) => sum + row.count, 0);
  const missTotal = counts.bySubcommand.reduce((sum, row) => sum + row.misses, 0);
  return {
    days: options.days,
    total,
    missTotal,
    top: withBars(
      counts.found.slice(0, STATS_TOP).map((row) => ({
        label: (row.isEntry ? options.nameOf?.(row.module, row.key) : undefined) ?? row.key,
        module: row.module,
        isEntry: row.isEntry,
        count: row.count,
      })),
    ),
    misses: withBars(counts.missed.slice(0, STATS_TOP)),
    bySubcommand: withBars(counts.bySubcommand),
  };
}
