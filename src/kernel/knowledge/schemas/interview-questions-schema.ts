import { z } from 'zod';
import { entryId, knowledgeEntry, levelId, text, textList } from './common.js';

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

export const interviewQuestionSchema = knowledgeEntry({
  id: entryId,
  /** The levels this question suits; a question may serve several. */
  levels: z.array(levelId).min(1),
  area: questionArea,
  prompt: text,
  lookFor: textList,
  redFlags: textList,
  followUps: textList,
});

/** An interview area; the set is fixed (the enum), so the team's files cannot add one. */
export const questionAreaSchema = knowledgeEntry({
  id: questionArea,
  name: text,
  aliases: z.array(text).default([]),
});

export const interviewQuestionsSchema = z.strictObject({
  /** Display names for the areas, in the order they are listed. */
  areas: z.array(questionAreaSchema),
  questions: z.array(interviewQuestionSchema).min(1),
});

export type InterviewQuestion = z.infer<typeof interviewQuestionSchema>;
export type InterviewQuestions = z.infer<typeof interviewQuestionsSchema>;
