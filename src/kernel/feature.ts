import type { Migration } from 'kysely';
import type { AppDeps } from './app-deps.js';
import type { HireCommand } from './hire-command/hire-command.js';
import type { HomeSection } from './home-section.js';
import type { ChannelAudienceLookup } from './slack/access/channel-audience.js';
import type { ListenerRegistry } from './slack/listener-router.js';

/**
 * What a feature's wiring receives: the app's dependencies, the /hire dispatcher, and every
 * feature's Home sections (for the Home feature to lay out).
 */
export type FeatureContext = AppDeps & {
  hire: HireCommand;
  homeSections: readonly HomeSection[];
  /** Whether a channel is shared with another organisation (cached): ask before posting there. */
  channelAudience: ChannelAudienceLookup;
};

/** Work a feature runs in the background while the app is up (the reminder scheduler). */
export type BackgroundJob = { stop(): Promise<void> };

/** What a feature's Slack wiring may use beyond its context, once the app has started. */
export type StartContext = FeatureContext & {
  /** The Slack the app really talks to (the sandbox substitutes its loopback's). */
  slack: { botToken: string; apiUrl: string };
};

/**
 * One thing a user can do, as the app sees it: the tables it keeps, the Slack listeners it
 * registers and the background work it runs. src/app/features.ts lists them all.
 */
export type Feature = {
  name: string;
  /** Named `NNN-what`; names are global, recorded in the database, and run in name order. */
  migrations?: Record<string, Migration>;
  register?(registry: ListenerRegistry, ctx: FeatureContext): void;
  /** What this feature shows on each person's Home tab. */
  homeSections?: readonly HomeSection[];
  start?(ctx: StartContext): BackgroundJob;
};
