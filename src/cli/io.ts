/** File access for the CLI, with French errors that name the file. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { EXIT_CODES, Refusal } from "../domain/refusal";
import { cliLabels } from "../labels/catalog";
import { fileSystemReason } from "../services/outcome";

const t = cliLabels.files;

/** A refusal of the command line itself: its message is complete French, its exit code the one `ctg` ends with. */
export class CliError extends Refusal {
  constructor(message: string, exitCode: number) {
    super(message, exitCode);
  }
}

export function readBytes(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(t.cannotRead(file, code === "ENOENT" ? t.notFound : fileSystemReason(error)), EXIT_CODES.refused);
  }
}

export function readText(file: string): string {
  return Buffer.from(readBytes(file)).toString("utf8");
}

/** Writes through a temporary file so that an interrupted run never leaves a half-written workbook. */
export function writeBytes(file: string, bytes: Uint8Array | string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.tmp-${process.pid}`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch (error) {
    throw new CliError(t.cannotWrite(file, fileSystemReason(error)), EXIT_CODES.refused);
  }
}

export function fileExists(file: string): boolean {
  return existsSync(file);
}

/**
 * A copy of a file before an update, beside it, named with the date and time of the run
 * (`suivi.sauvegarde-20261202-093015.xlsx`): each run keeps its own, none is ever overwritten.
 */
export function writeBackup(file: string, bytes: Uint8Array, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "")
    .replace(/[-:]/g, "")
    .replace("T", "-");
  const extension = extname(file) || ".xlsx";
  const stem = join(dirname(file), t.backupStem(basename(file, extension), stamp));
  for (let attempt = 1; ; attempt++) {
    const candidate = `${stem}${attempt > 1 ? `-${attempt}` : ""}${extension}`;
    try {
      writeFileSync(candidate, bytes, { flag: "wx" });
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw new CliError(t.cannotWriteBackup(candidate, (error as Error).message), EXIT_CODES.refused);
    }
  }
}
