import { z } from 'zod';
import { text } from './common.js';

export const marketSchema = z.object({
  region: text,
  seniorSalaryUsd: z.object({ min: z.number().positive(), max: z.number().positive() }),
  difficulty: z.enum(['easy', 'moderate', 'hard', 'very-hard']),
  timeToHireWeeks: z.object({ min: z.number().positive(), max: z.number().positive() }),
  notes: z.array(text).default([]),
});

export type Market = z.infer<typeof marketSchema>;
