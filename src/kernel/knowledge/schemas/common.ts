import { z } from 'zod';

/** kebab-case identifier, stable across releases: buttons and stored data refer to it. */
export const entryId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id such as message-queue');

export const text = z.string().trim().min(1, 'must not be empty');
export const textList = z.array(text).min(1, 'needs at least one item');

export const LEVEL_IDS = ['junior', 'mid', 'senior', 'staff'] as const;
export const levelId = z.enum(LEVEL_IDS);
export type LevelId = z.infer<typeof levelId>;
