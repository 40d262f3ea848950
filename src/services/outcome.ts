/**
 * The one place where an error becomes what the user reads: the pane shows `message`, the command line prints it
 * and exits with `exitCode`. Refusals carry their own French message; Excel's errors are told by their code;
 * anything else is unexpected, said so, with its detail for whoever reports it.
 */
import { EXIT_CODES, Refusal } from "../domain/refusal";
import { errorLabels } from "../labels/catalog";

export interface Outcome {
  message: string;
  exitCode: number;
}

/** Where the error is told: the two wordings of an unexpected error differ. */
export type Audience = "pane" | "cli";

export function outcomeOf(error: unknown, audience: Audience): Outcome {
  if (error instanceof Refusal) return { message: error.message, exitCode: error.exitCode };
  const code = errorCode(error);
  if (code && Object.hasOwn(errorLabels.office, code)) return { message: errorLabels.office[code], exitCode: EXIT_CODES.refused };
  const detail = error instanceof Error ? error.message : String(error);
  if (audience === "cli") return { message: errorLabels.unexpectedInCli(detail), exitCode: EXIT_CODES.refused };
  return { message: errorLabels.unexpectedInPane(detail, code), exitCode: EXIT_CODES.refused };
}

/** French for a file-system failure, to follow the name of the file concerned. */
export function fileSystemReason(error: unknown): string {
  const code = errorCode(error);
  if (code && Object.hasOwn(errorLabels.fileSystem, code)) return errorLabels.fileSystem[code];
  return error instanceof Error ? error.message : String(error);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
}
