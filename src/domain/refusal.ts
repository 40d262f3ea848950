/**
 * A refusal the user can act on: its message is complete French (from the catalogue) and says what to do. Every
 * product error that reaches a user extends it; `outcomeOf` (src/services/outcome.ts) turns any error, refusal or
 * not, into what the pane shows and what the command line prints and exits with.
 */
export const EXIT_CODES = {
  /** The work was done; for `ctg check`, no error found. */
  ok: 0,
  /** The work was done and found problems in the user's data (errors in a tableau, an update refused to keep entries). */
  problems: 1,
  /** The work could not start: bad usage, unreadable or refused file, host without the feature. */
  refused: 2,
  /** Interrupted by Ctrl-C (128 + SIGINT) or by SIGTERM (128 + 15), as shells report it. */
  interrupted: 130,
  terminated: 143,
} as const;

export class Refusal extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_CODES.refused,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
