/** File access for the CLI, with French errors that name the file. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export function readBytes(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "fichier introuvable" : code === "EISDIR" ? "c'est un dossier" : code === "EACCES" ? "accès refusé" : String(code ?? error);
    throw new CliError(`Impossible de lire « ${file} » : ${reason}.`, 2);
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
    throw new CliError(`Impossible d'écrire « ${file} » : ${(error as Error).message}`, 2);
  }
}

export function fileExists(file: string): boolean {
  return existsSync(file);
}
