import type { LevelId } from '../../../kernel/knowledge/schemas/common.js';
import type { Level } from '../../../kernel/knowledge/schemas/levels-schema.js';

const MAX_CAREER_YEARS = 50;

// "7 years", "5+ yrs", "10 Jahre", "8 años" — but not "3 years ago" or "25 years old".
const STATED_YEARS =
  /\b(\d{1,2})(?:[.,]5)?\s*\+?\s*(?:years?|yrs?|jahren?|años|anos)\b(?!\s+(?:ago|old|alt)\b)/gi;
// "since 2016", "seit 2016", "desde 2016".
const SINCE_YEAR = /\b(?:since|seit|desde)\s+((?:19|20)\d{2})\b/gi;
// "2016 – present", "Mar 2018 - Jun 2021", "2019 bis heute".
const YEAR_RANGE =
  /\b((?:19|20)\d{2})\s*(?:-|–|—|to|bis|hasta)\s*(?:[A-Za-zäé]{3,9}\.?\s+)?((?:19|20)\d{2}|present|now|current|today|heute|actualidad|presente|hoy)\b/gi;

/**
 * Years of experience the text claims. A stated figure ("7 years") wins, since the candidate
 * chose it; otherwise the span from the earliest start ("since 2016", "2016 – 2019") to the
 * latest end. Undefined when the text gives no clue.
 */
export function estimateYears(text: string, currentYear: number): number | undefined {
  const stated = [...text.matchAll(STATED_YEARS)]
    .map((m) => Number(m[1]))
    .filter((n) => n > 0 && n <= MAX_CAREER_YEARS);
  if (stated.length > 0) return Math.max(...stated);

  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(SINCE_YEAR)) {
    starts.push(Number(m[1]));
    ends.push(currentYear);
  }
  for (const m of text.matchAll(YEAR_RANGE)) {
    const end = /^\d+$/.test(m[2] ?? '') ? Number(m[2]) : currentYear;
    if (Number(m[1]) > end) continue;
    starts.push(Number(m[1]));
    ends.push(end);
  }
  const valid = starts.filter((y) => y <= currentYear && currentYear - y <= MAX_CAREER_YEARS);
  if (valid.length === 0) return undefined;
  const span = Math.min(Math.max(...ends), currentYear) - Math.min(...valid);
  return span >= 0 ? span : undefined;
}

/**
 * The level whose year range holds `years`: `min` inclusive, `max` exclusive, no `max` =
 * open-ended. Open-ended ranges overlap (senior 5+, staff 8+), so the highest minimum wins.
 */
export function levelForYears(years: number, levels: readonly Level[]): LevelId | undefined {
  const fitting = levels.filter(
    (level) =>
      years >= level.years.min && (level.years.max === undefined || years < level.years.max),
  );
  fitting.sort((a, b) => b.years.min - a.years.min);
  return fitting[0]?.id;
}
