import type { WebClient } from '@slack/web-api';
import type { Clock } from '../../clock.js';

/**
 * Whether someone belongs to the hiring team: a full member of the workspace the app is
 * installed in. Guests (`is_restricted`, `is_ultra_restricted`) and people of another
 * organisation (Slack Connect: their `team_id` is not the installation's) are not; `unknown`
 * when Slack could not say, which is refused too (the door stays shut, politely).
 */
export type Access = 'member' | 'guest' | 'external' | 'unknown';

export type Who = {
  userId: string;
  /** The workspace the app is installed in. */
  installTeamId: string | undefined;
  /** The user's own workspace, when the payload says (interactions do; slash commands do not). */
  userTeamId?: string | undefined;
};

type UserInfo = {
  team_id?: string;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  is_stranger?: boolean;
};

export type MembershipOptions = { clock: Clock; ttlMs?: number };

/**
 * Looks each person up once (users.info) and keeps the answer for `ttlMs` (a few minutes: a
 * guest made a member, or a member made a guest, is seen soon enough). Failed lookups are not
 * kept, so the next request asks again.
 */
export function createMembership(options: MembershipOptions) {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const cache = new Map<string, { access: Access; until: number }>();

  const classify = (user: UserInfo | undefined, who: Who): Access => {
    if (!user) return 'unknown';
    if (user.is_restricted || user.is_ultra_restricted) return 'guest';
    if (user.is_stranger) return 'external';
    if (user.team_id && who.installTeamId && user.team_id !== who.installTeamId) return 'external';
    return 'member';
  };

  return async (client: WebClient, who: Who): Promise<Access> => {
    if (who.userTeamId && who.installTeamId && who.userTeamId !== who.installTeamId)
      return 'external';
    const key = `${who.installTeamId ?? ''}:${who.userId}`;
    const now = options.clock.now().getTime();
    const known = cache.get(key);
    if (known && known.until > now) return known.access;
    let access: Access;
    try {
      const { user } = await client.users.info({ user: who.userId });
      access = classify(user as UserInfo | undefined, who);
    } catch {
      return 'unknown';
    }
    if (access === 'unknown') return access;
    if (cache.size > 10_000) cache.clear();
    cache.set(key, { access, until: now + ttlMs });
    return access;
  };
}

export type MembershipLookup = ReturnType<typeof createMembership>;
