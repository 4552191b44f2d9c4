import type { KitMinutes } from './kit-request.js';

/**
 * How each length is spent. Questions take what the fixed parts leave (about ten minutes a
 * question, a little more in long interviews); the candidate's own questions grow with the
 * length, since a longer interview is usually a later, more serious round.
 */
export const KIT_TIMINGS: Record<
  KitMinutes,
  { opening: number; questions: number; candidate: number; close: number }
> = {
  30: { opening: 3, questions: 2, candidate: 5, close: 2 },
  45: { opening: 5, questions: 3, candidate: 5, close: 3 },
  60: { opening: 5, questions: 4, candidate: 10, close: 5 },
  90: { opening: 5, questions: 6, candidate: 10, close: 5 },
};

/** How many of the employer's aspects the close prepares the interviewer to speak to. */
export const CLOSE_ASPECTS: Record<KitMinutes, number> = { 30: 1, 45: 2, 60: 2, 90: 3 };

/** The minutes left for questions in an interview of `length`. */
export function questionMinutes(length: KitMinutes): number {
  const t = KIT_TIMINGS[length];
  return length - t.opening - t.candidate - t.close;
}

/** Splits `total` minutes over `count` questions as evenly as whole minutes allow. */
export function splitMinutes(total: number, count: number): number[] {
  if (count <= 0) return [];
  const base = Math.floor(total / count);
  const extra = total - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < extra ? 1 : 0));
}
