/**
 * trigger_ids as Slack hands them out: single use, valid for about 3 seconds, and only for
 * opening or pushing a view.
 */
export type TriggerCheck =
  | 'ok'
  | 'invalid_trigger_id'
  | 'expired_trigger_id'
  | 'exchanged_trigger_id';

export class TriggerRegistry {
  private readonly issued = new Map<string, { at: number; used: boolean; userId: string }>();
  private counter = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  issue(userId: string): string {
    this.counter += 1;
    const id = `${this.counter}.${Date.now()}.loopback${this.counter.toString(16)}`;
    this.issued.set(id, { at: this.now(), used: false, userId });
    return id;
  }

  /** Uses the trigger: answers `ok` once, within the time-to-live. */
  use(triggerId: string): TriggerCheck {
    const trigger = this.issued.get(triggerId);
    if (!trigger) return 'invalid_trigger_id';
    if (trigger.used) return 'exchanged_trigger_id';
    if (this.now() - trigger.at > this.ttlMs) return 'expired_trigger_id';
    trigger.used = true;
    return 'ok';
  }

  userOf(triggerId: string): string | undefined {
    return this.issued.get(triggerId)?.userId;
  }
}
