import type { StoredKit } from './kit-records.js';
import type { KitDestination } from './kit-request.js';

/** What became of a kit once built: where it went, and which panel members got their questions. */
export type KitDelivered = {
  kit: StoredKit;
  /** Where the kit ended up (private when the channel asked for would not take it). */
  destination: KitDestination;
  /** Our own words for why it came privately although a channel was asked for. */
  privateBecause?: string;
  /** Panel members sent their questions, and those Slack would not take a message for. */
  reached: string[];
  missed: string[];
};

/** Why a kit did not go to the channel asked for, in our words (shown escaped). */
export const NOT_POSTED = {
  shared:
    'that channel is shared with another organisation, and a kit holds what to listen for in the answers',
  unknown: 'I could not check who can read that channel (the bot may not be a member of it)',
} as const;
