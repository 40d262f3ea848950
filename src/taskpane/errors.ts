/** Any failure — a refusal, an Office.js error, the unexpected — told in French, as the command line tells it. */
import { outcomeOf } from "../services/outcome";

export function describeError(error: unknown): string {
  return outcomeOf(error, "pane").message;
}
