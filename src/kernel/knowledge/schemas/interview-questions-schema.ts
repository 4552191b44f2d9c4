import { z } from 'zod';
import { entryId, levelId, text, textList } from './common.js';

export const QUESTION_AREAS = [
  'system-design',
  'production-experience',
  'trade-offs',
  'code-quality',
  'api-design',
  'databases',
  'language-proficiency',
  'production-scenarios',
] as const;
export const questionArea = z.enum(QUESTION_AREAS);
export type QuestionArea = z.infer<typeof questionArea>;

export const interviewQuestionSchema = z.object({
  id: entryId,
  /** The levels this question suits; a question may serve several. */
  levels: z.array(levelId).min(1),
  area: questionArea,
  prompt: text,
  lookFor: textList,
  redFlags: textList,
  followUps: textList,
});

export const interviewQuestionsSchema = z.object({
  /** Display names for the areas, in the order they are listed. */
  areas: z.array(z.object({ id: questionArea, name: text, aliases: z.array(text).default([]) })),
  questions: z.array(interviewQuestionSchema).min(1),
});

export type InterviewQuestion = z.infer<typeof interviewQuestionSchema>;
export type InterviewQuestions = z.infer<typeof interviewQuestionsSchema>;
