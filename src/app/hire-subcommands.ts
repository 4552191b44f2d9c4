import { kitSubcommand } from '../features/kits/kit-subcommand.js';
import { scorecardsSubcommand } from '../features/kits/scorecards-subcommand.js';
import { statsSubcommand } from '../features/lookup-stats/stats-subcommand.js';
import { compareSubcommand } from '../features/lookups/compare-subcommand.js';
import { expectationsSubcommand } from '../features/lookups/expectations-subcommand.js';
import { glossarySubcommand } from '../features/lookups/glossary-subcommand.js';
import { levelsSubcommand } from '../features/lookups/levels-subcommand.js';
import { marketSubcommand } from '../features/lookups/market-subcommand.js';
import { mistakesSubcommand } from '../features/lookups/mistakes-subcommand.js';
import { questionsSubcommand } from '../features/lookups/questions-subcommand.js';
import { searchSubcommand } from '../features/lookups/search-subcommand.js';
import { skillsSubcommand } from '../features/lookups/skills-subcommand.js';
import { sourcesSubcommand } from '../features/lookups/sources-subcommand.js';
import { remindSubcommand } from '../features/reminders/remind-subcommand.js';
import { flagsSubcommand } from '../features/resume-flags/flags-subcommand.js';
import { glossaryAddSubcommand } from '../features/team-knowledge/glossary-add-subcommand.js';
import { glossaryEditSubcommand } from '../features/team-knowledge/glossary-edit-subcommand.js';
import { glossaryRemoveSubcommand } from '../features/team-knowledge/glossary-remove-subcommand.js';
import { questionsAddSubcommand } from '../features/team-knowledge/questions-add-subcommand.js';
import { questionsEditSubcommand } from '../features/team-knowledge/questions-edit-subcommand.js';
import { questionsRemoveSubcommand } from '../features/team-knowledge/questions-remove-subcommand.js';
import { createHireCommand, type HireCommand } from '../kernel/hire-command/hire-command.js';
import type { Subcommand } from '../kernel/hire-command/subcommand.js';

/**
 * Every `/hire` subcommand, in the order `/hire help` lists them. A new subcommand is one file
 * (a `defineSubcommand(…)` in its feature's folder) and one line here.
 */
export const HIRE_SUBCOMMANDS: readonly Subcommand[] = [
  glossarySubcommand,
  glossaryAddSubcommand,
  glossaryEditSubcommand,
  glossaryRemoveSubcommand,
  questionsSubcommand,
  questionsAddSubcommand,
  questionsEditSubcommand,
  questionsRemoveSubcommand,
  levelsSubcommand,
  expectationsSubcommand,
  flagsSubcommand,
  mistakesSubcommand,
  sourcesSubcommand,
  marketSubcommand,
  compareSubcommand,
  skillsSubcommand,
  searchSubcommand,
  remindSubcommand,
  kitSubcommand,
  scorecardsSubcommand,
  statsSubcommand,
];

/** The /hire dispatcher over the table. */
export const createAppHireCommand = (): HireCommand => createHireCommand(HIRE_SUBCOMMANDS);
