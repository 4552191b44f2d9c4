/** Fields every payload builder fills the same way. */

/** The legacy verification token Slack still puts in payloads (Bolt ignores it). */
export const VERIFICATION_TOKEN = 'loopback-verification-token';

/** Slack's `action_ts` / `event_ts` shape: seconds with six decimals. */
export function actionTs(now: number): string {
  return (now / 1000).toFixed(6);
}
