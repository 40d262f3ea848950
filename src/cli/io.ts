/** File access for the CLI, with French errors that name the file. */
import {
  closeSync,
  existsSync,
  fstatSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
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

/** A file that could not be written; `reason` is the file system's, in French. */
export class FileWriteFailed extends CliError {
  constructor(
    file: string,
    readonly reason: string,
  ) {
    super(t.cannotWrite(file, reason), EXIT_CODES.refused);
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

/**
 * The bytes of a file held to `maxBytes`: its size is checked before any of it is read, and no more than one byte
 * past the limit is ever read, so that a file that grows meanwhile, or a device that never ends, is refused too.
 * `refuse(size)` is the error for a file past the limit.
 */
export function readBytesWithin(file: string, maxBytes: number, refuse: (size: number) => Refusal): Uint8Array {
  let descriptor: number;
  try {
    descriptor = openSync(file, "r");
  } catch (error) {
    throw cannotRead(file, error);
  }
  try {
    const size = fstatSync(descriptor).size;
    if (size > maxBytes) throw refuse(size);
    let buffer = Buffer.allocUnsafe(size + 1);
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        if (filled > maxBytes) throw refuse(filled);
        const larger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      const read = readSync(descriptor, buffer, filled, buffer.length - filled, null);
      if (read === 0) break;
      filled += read;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, filled);
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw cannotRead(file, error);
  } finally {
    closeSync(descriptor);
  }
}

function cannotRead(file: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  return new CliError(t.cannotRead(file, code === "ENOENT" ? t.notFound : fileSystemReason(error)), EXIT_CODES.refused);
}

export function readText(file: string): string {
  return Buffer.from(readBytes(file)).toString("utf8");
}

/**
 * Writes through a temporary file renamed at the end, so that an interrupted or failed run (a full disk, a read-only
 * folder) never leaves a half-written file, under its name or any other.
 */
export function writeBytes(file: string, bytes: Uint8Array | string): void {
  const temporary = temporaryName(file);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new FileWriteFailed(file, fileSystemReason(error));
  }
}

/** Where a file is written before it takes its name: beside it, so that the rename stays on one disk. */
export function temporaryName(file: string): string {
  return `${file}.tmp-${process.pid}`;
}

export function fileExists(file: string): boolean {
  return existsSync(file);
}

/**
 * A copy of a file before an update, beside it, named with the date and time of the run
 * (`suivi.sauvegarde-20261202-093015.xlsx`): each run keeps its own, none is ever overwritten. Written whole under
 * a temporary name first, then given its name only if no other file has it: a full disk leaves no partial copy
 * that looks like a real one.
 */
export function writeBackup(file: string, bytes: Uint8Array, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "")
    .replace(/[-:]/g, "")
    .replace("T", "-");
  const extension = extname(file) || ".xlsx";
  const stem = join(dirname(file), t.backupStem(basename(file, extension), stamp));
  const temporary = temporaryName(`${stem}${extension}`);
  try {
    writeFileSync(temporary, bytes, { flag: "wx" });
    for (let attempt = 1; ; attempt++) {
      const candidate = `${stem}${attempt > 1 ? `-${attempt}` : ""}${extension}`;
      if (giveName(temporary, candidate)) return candidate;
    }
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CliError(t.cannotWriteBackup(`${stem}${extension}`, fileSystemReason(error)), EXIT_CODES.refused);
  }
}

/**
 * Gives `temporary` the name `name` unless a file has it already (false then). A hard link does it in one step
 * that cannot replace a file; where the disk has no hard links (a USB key in FAT, some network shares), a rename
 * after checking the name is free.
 */
function giveName(temporary: string, name: string): boolean {
  try {
    linkSync(temporary, name);
    unlinkSync(temporary);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS" && code !== "EOPNOTSUPP") throw error;
    if (existsSync(name)) return false;
    renameSync(temporary, name);
    return true;
  }
}

/** Whether the file still holds `bytes` (nobody saved it since it was read). */
export function stillHolds(file: string, bytes: Uint8Array): boolean {
  try {
    return Buffer.from(readFileSync(file)).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return false;
  }
}
