import { IANAZone } from 'luxon';

/**
 * Returns the canonical IANA name (`europe/berlin` → `Europe/Berlin`) or undefined when the
 * runtime does not know the zone. Only names shaped like `Area/City` or `UTC` are accepted:
 * Intl also takes offsets and abbreviations, which are not zones and do not follow DST.
 */
export function canonicalTimeZone(name: string): string | undefined {
  const trimmed = name.trim();
  if (!/^(?:utc|gmt|etc\/[a-z0-9+-]+|[a-z_]+(?:\/[a-z0-9_+-]+)+)$/i.test(trimmed)) return undefined;
  if (!IANAZone.isValidZone(trimmed)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
