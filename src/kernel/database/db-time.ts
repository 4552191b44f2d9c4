/**
 * Times are stored as ISO-8601 UTC text (see database-schema.ts). These two functions are
 * the only way in and out, so every table agrees on the format.
 */
export function toDbTime(date: Date): string {
  return date.toISOString();
}

export function fromDbTime(value: string | Date): Date {
  // PostgreSQL drivers may hand back Date objects if a column is ever typed timestamptz.
  return value instanceof Date ? new Date(value.getTime()) : new Date(value);
}
