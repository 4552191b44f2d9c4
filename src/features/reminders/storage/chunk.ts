/** Rows per multi-row statement: well under SQLite's and PostgreSQL's parameter limits. */
export const CHUNK = 500;
