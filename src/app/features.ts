import type { Migration } from 'kysely';
import { homeFeature } from '../features/home/register.js';
import { kitsFeature } from '../features/kits/register.js';
import { lookupStatsFeature } from '../features/lookup-stats/register.js';
import { lookupsFeature } from '../features/lookups/register.js';
import { remindersFeature } from '../features/reminders/register.js';
import { resumeFlagsFeature } from '../features/resume-flags/register.js';
import { teamKnowledgeFeature } from '../features/team-knowledge/register.js';
import type { Feature } from '../kernel/feature.js';
import type { HomeSection } from '../kernel/home-section.js';
import { KERNEL_MIGRATIONS } from '../kernel/slack/event-deliveries.js';

/** Every feature of the app. A new capability is a folder in src/features/ and one line here. */
export const FEATURES: readonly Feature[] = [
  lookupsFeature,
  resumeFlagsFeature,
  remindersFeature,
  kitsFeature,
  teamKnowledgeFeature,
  lookupStatsFeature,
  homeFeature,
];

/** Every feature's Home sections, in the order the Home shows them. */
export const homeSectionsOf = (features: readonly Feature[] = FEATURES): HomeSection[] =>
  features.flatMap((feature) => feature.homeSections ?? []).sort((a, b) => a.order - b.order);

/** The kernel's and every feature's migrations; the store runs them in name order. */
export function allMigrations(features: readonly Feature[] = FEATURES): Record<string, Migration> {
  const all: Record<string, Migration> = { ...KERNEL_MIGRATIONS };
  for (const feature of features) {
    for (const [name, migration] of Object.entries(feature.migrations ?? {})) {
      if (name in all) throw new Error(`two features declare the migration ${name}`);
      all[name] = migration;
    }
  }
  return all;
}
