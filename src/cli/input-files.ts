/**
 * The input files of `ctg import` and `ctg init`, each held to its limit before it is read (docs/format-plan.md,
 * docs/format-consolidation.md), with the refusals of the layers below told in sentences that name the file.
 */
import { PLAN_FILE_LIMITS, planFileTooLarge } from "../domain/plan";
import { EXIT_CODES } from "../domain/refusal";
import { DocxUnreadable } from "../import/docx";
import { type RepertoireText, readRepertoireFile, repertoireFileLimit, repertoireTooLarge } from "../import/repertoire-file";
import { NotText, TextRefused } from "../import/text-encoding";
import { cliLabels } from "../labels/catalog";
import { CliError, readBytesWithin } from "./io";

const t = cliLabels.import;

export async function readRepertoireInput(file: string): Promise<RepertoireText> {
  try {
    const bytes = readBytesWithin(file, repertoireFileLimit(file), (size) => repertoireTooLarge(file, size));
    return await readRepertoireFile(bytes, file);
  } catch (error) {
    throw repertoireRefusal(file, error);
  }
}

/** A refusal of the import's layers as the command line tells it; anything else as it is. */
export function repertoireRefusal(file: string, error: unknown): unknown {
  if (error instanceof DocxUnreadable) return new CliError(t.docxUnreadable(error.message), error.exitCode);
  if (error instanceof TextRefused) return new CliError(t.textRefused(file, error.message), error.exitCode);
  if (error instanceof NotText) return new CliError(t.notText(file), error.exitCode);
  return error;
}

/** The plan's JSON text; a plan file is UTF-8, as `ctg sample-plan` and `ctg import` write it. */
export function readPlanText(file: string): string {
  const refuse = (size: number) => new CliError(cliLabels.plan.tooLarge(file, planFileTooLarge(size)), EXIT_CODES.refused);
  return new TextDecoder("utf-8").decode(readBytesWithin(file, PLAN_FILE_LIMITS.maxBytes, refuse));
}
