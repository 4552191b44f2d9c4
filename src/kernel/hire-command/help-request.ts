/** What the dispatcher makes of text it cannot give to a subcommand. */
export type HelpRequest = {
  kind: 'help';
  /** What the user typed when it was not a subcommand. */
  unknown?: string;
  /** The subcommand the unknown word most resembles. */
  suggestion?: string;
  /** Set when the whole command was over MAX_COMMAND_LENGTH. */
  tooLong?: number;
};
