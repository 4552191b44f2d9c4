/**
 * Folds text to a key for exact matching: case, accents, spaces, hyphens and most punctuation
 * do not count, so `Message-Queue`, `message queue` and `MESSAGEQUEUE` are the same key.
 * `+` and `#` stay because they carry meaning in names such as `C#` or `staff+`.
 */
export function foldKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+#]/g, '');
}

/** Words a reader adds around a term that say nothing about which term is meant. */
const FILLER = /^(?:(?:what|whats|what's|who|is|are|a|an|the|about|tell|me|define)\s+)+/i;

/** Trims question marks, quotes and leading filler words from a lookup query. */
export function cleanQuery(text: string): string {
  return text
    .replace(/[?!"'`“”‘’.,;:()[\]{}]+$/g, '')
    .replace(/^["'`“”‘’([{]+/, '')
    .replace(FILLER, '')
    .trim();
}

/** Simple English singular: enough for `queues`, `caches`, `containers` to find their term. */
export function singular(key: string): string {
  if (key.length > 4 && key.endsWith('ies')) return `${key.slice(0, -3)}y`;
  if (key.length > 3 && key.endsWith('s') && !key.endsWith('ss')) return key.slice(0, -1);
  return key;
}

/** Longest query a lookup record keeps: longer text is a paste, not a term. */
export const MAX_RECORDED_QUERY = 100;

/**
 * A lookup's words as the team's stats keep them: cleaned like a query, accents dropped,
 * lower case, punctuation other than `+ # .` turned into single spaces, capped. Idempotent,
 * so a record can be normalised again where it is stored.
 */
export function normalizeQuery(text: string): string {
  const folded = cleanQuery(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#.]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleanQuery(folded.slice(0, MAX_RECORDED_QUERY)).trim();
}
