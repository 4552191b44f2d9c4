type Falsy = undefined | false;

/**
 * Polls `check` (sync or async) until it gives a value other than undefined/false, and
 * returns that value; fails with `what` after `timeoutMs`.
 */
export async function waitFor<T>(
  check: () => T | Falsy | Promise<T | Falsy>,
  what: string,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
