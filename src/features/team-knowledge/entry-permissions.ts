import type { TeamEntryRecord } from './team-entry.js';

/** With HIRE_ADMINS empty everyone's contribution is live at once; otherwise it waits. */
export const needsApproval = (hireAdmins: readonly string[]): boolean => hireAdmins.length > 0;

export const isEntryAdmin = (hireAdmins: readonly string[], userId: string): boolean =>
  hireAdmins.includes(userId);

/** An entry may be edited or removed by whoever added it, or by an admin. */
export function mayChangeEntry(
  hireAdmins: readonly string[],
  userId: string,
  entry: Pick<TeamEntryRecord, 'addedBy'>,
): boolean {
  return entry.addedBy === userId || isEntryAdmin(hireAdmins, userId);
}
