/** File access for the CLI, with French errors that name the file. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** French for a file-system failure. */
export function fileSystemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOSPC":
      return "le disque est plein";
    case "EROFS":
      return "le support est en lecture seule";
    case "EACCES":
    case "EPERM":
      return "accès refusé (droits insuffisants ou dossier en lecture seule)";
    case "ENOENT":
      return "le dossier n'existe pas";
    case "ENOTDIR":
      return "un élément du chemin n'est pas un dossier";
    case "EISDIR":
      return "c'est un dossier";
    case "EBUSY":
      return "le fichier est ouvert par un autre programme (fermez-le dans Excel)";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

export function readBytes(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`Impossible de lire « ${file} » : ${code === "ENOENT" ? "fichier introuvable" : fileSystemReason(error)}.`, 2);
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
    throw new CliError(`Impossible d'écrire « ${file} » : ${fileSystemReason(error)}.`, 2);
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
  const stamp = now.toISOString().replace(/\.\d+Z$/, "").replace(/[-:]/g, "").replace("T", "-");
  const extension = extname(file) || ".xlsx";
  const stem = join(dirname(file), `${basename(file, extension)}.sauvegarde-${stamp}`);
  for (let attempt = 1; ; attempt++) {
    const candidate = `${stem}${attempt > 1 ? `-${attempt}` : ""}${extension}`;
    try {
      writeFileSync(candidate, bytes, { flag: "wx" });
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw new CliError(`Impossible d'écrire la copie de sauvegarde « ${candidate} » : ${(error as Error).message}. Le tableau n'a pas été modifié.`, 2);
    }
  }
}
