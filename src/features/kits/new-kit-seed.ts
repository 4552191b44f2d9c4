import { randomBytes } from 'node:crypto';

/**
 * A seed for a new kit, drawn when the kit is built (never while a command is parsed, which
 * stays deterministic): 48 random bits, URL-safe, so it fits `kitSeed` and a button value.
 */
export function newKitSeed(): string {
  return randomBytes(6).toString('base64url');
}
