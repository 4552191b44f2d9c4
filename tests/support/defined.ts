/** The value, or a test failure naming what was missing (instead of a `!` assertion). */
export function defined<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`missing in test data: ${what}`);
  return value;
}
