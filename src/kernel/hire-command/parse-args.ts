import { z } from 'zod';

/** Longer than any real /hire command; longer text gets a friendly "too long" answer. */
export const MAX_COMMAND_LENGTH = 500;

/** 1-based page of a long answer (`… page 2`). */
export const pageSchema = z.number().int().min(1).max(1000).default(1);

/** Free text from the user, trimmed; echoed only through escapeMrkdwn. */
export const wordsSchema = z.string().trim().min(1).max(MAX_COMMAND_LENGTH);

/** Splits a trailing `page N` off the arguments. */
export function takePage(args: string): { rest: string; page?: number } {
  const match = /(?:^|\s)page\s*(\d{1,4})$/i.exec(args);
  if (match === null) return { rest: args };
  return { rest: args.slice(0, match.index).trim(), page: Number(match[1]) };
}

/** Empty text as "not given". */
export const optional = (text: string): string | undefined => (text === '' ? undefined : text);
