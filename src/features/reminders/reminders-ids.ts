import { z } from 'zod';
import { actionIdPattern } from '../../kernel/slack/action-ids.js';
import { localTime } from './reminder-settings.js';

/**
 * Buttons of the reminders part of each person's Home. Their value names one reminder:
 * `<channel id> <HH:mm>` (reminderButtonValue).
 */
export const REMINDER_HOME_ACTIONS = {
  /** Pauses every reminder of that channel, as `/hire remind pause` there does. */
  pause: 'reminders_home_pause',
  /** Resumes the channel's paused reminders (`/hire remind resume`). */
  resume: 'reminders_home_resume',
  /** Turns off that one reminder (`/hire remind off HH:mm`). */
  off: 'reminders_home_off',
} as const;

export type ReminderHomeAction = keyof typeof REMINDER_HOME_ACTIONS;

export const REMINDER_HOME_ACTION_PATTERNS = {
  pause: actionIdPattern(REMINDER_HOME_ACTIONS.pause),
  resume: actionIdPattern(REMINDER_HOME_ACTIONS.resume),
  off: actionIdPattern(REMINDER_HOME_ACTIONS.off),
} as const satisfies Record<ReminderHomeAction, RegExp>;

/** A reminder as its Home buttons name it. */
export const reminderTargetSchema = z
  .string()
  .max(100)
  .transform((value) => value.split(' '))
  .pipe(z.tuple([z.string().regex(/^[CGD][A-Z0-9]{2,40}$/), localTime]))
  .transform(([channelId, time]) => ({ channelId, localTime: time }));
export type ReminderTarget = z.infer<typeof reminderTargetSchema>;

export const reminderButtonValue = (target: ReminderTarget): string =>
  `${target.channelId} ${target.localTime}`;
