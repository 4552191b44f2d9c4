/** How a `/hire remind` command reads: one example per kind, shown with every error. */
export const REMIND_EXAMPLES = {
  subscribe: '/hire remind daily 09:00 Europe/Berlin',
  days: '/hire remind 09:30 mon,wed,fri',
  level: '/hire remind daily 9am senior questions glossary',
  pause: '/hire remind pause until 2027-01-05',
  off: '/hire remind off',
} as const;

/** Bad input, with the example the user is shown next to the message. */
export class RemindInputError extends Error {
  constructor(
    message: string,
    readonly example: string,
  ) {
    super(message);
  }
}
