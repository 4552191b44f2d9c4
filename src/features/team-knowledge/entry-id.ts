/** Longest id made from a name or a question; kebab-case, as the kernel's schemas want. */
const MAX_ID = 48;

/** Text as a kebab-case id: `Quokka DB` → `quokka-db`, `C#` → `c-sharp`; empty when nothing is left. */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_ID)
    .replace(/^-+|-+$/g, '');
}

/**
 * A new entry's id: the slug of its text (or `fallback` when the text has no letters we can
 * use), with `-2`, `-3`… when the id is taken, so ids never change once given.
 */
export function newEntryId(text: string, fallback: string, taken: (id: string) => boolean): string {
  const base = slugOf(text) || fallback;
  if (!taken(base)) return base;
  for (let n = 2; ; n += 1) {
    const id = `${base}-${n}`;
    if (!taken(id)) return id;
  }
}
