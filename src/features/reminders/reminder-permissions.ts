/**
 * Who may change a workspace's reminders: anyone when HIRE_ADMINS is empty, otherwise only the
 * users it lists. `/hire remind` and the Home's reminder buttons both ask here.
 */
export function mayChangeReminders(hireAdmins: readonly string[], userId: string): boolean {
  return hireAdmins.length === 0 || hireAdmins.includes(userId);
}
