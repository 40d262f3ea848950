/**
 * What a long command writing one output needs so that nothing is lost or left behind:
 * - a lock beside the output (`CONSO.xlsx.verrou`), so that a second run on the same output waits its turn instead
 *   of losing one batch; a lock left by a process that no longer runs is taken over;
 * - temporary spools and partial outputs removed on an error, Ctrl-C or SIGTERM, and those a killed run left
 *   (kill -9) removed by the next one;
 * - the output's folder checked before any input is read, and file-system failures told in French, naming the file.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { EXIT_CODES } from "../domain/refusal";
import { cliLabels } from "../labels/catalog";
import { fileSystemReason } from "../services/outcome";
import { CliError } from "./io";

const t = cliLabels.output;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The output's folder exists (or is created) and takes a file, before any input is read. */
export function checkOutputFolder(out: string): void {
  const folder = dirname(resolve(out));
  const probe = join(folder, t.probeFile(basename(out), process.pid));
  try {
    mkdirSync(folder, { recursive: true });
    closeSync(openSync(probe, "wx"));
    unlinkSync(probe);
  } catch (error) {
    // mkdir says EEXIST when a part of the path is a file.
    const reason =
      (error as NodeJS.ErrnoException).code === "EEXIST" ? fileSystemReason(Object.assign(new Error(), { code: "ENOTDIR" })) : fileSystemReason(error);
    throw new CliError(t.cannotWriteFolder(folder, out, reason), EXIT_CODES.refused);
  }
}

export interface OutputLock {
  release(): void;
}

/** Takes the lock beside `out`; refuses, in French, while another run (of `work`) holds it. */
export function lockOutput(out: string, work: "consolidation" | "update" = "consolidation"): OutputLock {
  const path = t.lockFile(resolve(out));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw new CliError(t.cannotCreateLock(path, fileSystemReason(error)), EXIT_CODES.refused);
      const holder = lockHolder(path);
      if (holder && holder.host === hostname() && !alive(holder.pid)) {
        // Left by a run that was killed: nobody holds it any more.
        rmSync(path, { force: true });
        continue;
      }
      const otherHost = holder?.host && holder.host !== hostname() ? holder.host : undefined;
      throw new CliError(t.lockTaken(work, out, holder?.pid, otherHost, holder?.since, path), EXIT_CODES.refused);
    }
  }
  throw new CliError(t.lockNotTaken(path), EXIT_CODES.refused);
}

function lockHolder(path: string): { pid: number; host: string; since: string } | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, "utf8")) as { pid?: unknown; host?: unknown; since?: unknown };
    return typeof holder.pid === "number" ? { pid: holder.pid, host: String(holder.host ?? ""), since: String(holder.since ?? "") } : undefined;
  } catch {
    return undefined;
  }
}

/** Temporary folders of this command are named `<prefix><pid>-…`: those of processes that no longer run are removed. */
export function removeStaleTemporaries(prefix: string, out: string): void {
  for (const name of safeList(tmpdir())) {
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    if (name.startsWith(prefix) && Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
  // A partial output is `<out>.<pid>.tmp`, written beside the output and renamed at the end.
  const folder = dirname(resolve(out));
  const stem = `${basename(out)}.`;
  for (const name of safeList(folder)) {
    const match = name.startsWith(stem) && /^(\d+)\.tmp$/.exec(name.slice(stem.length));
    if (match && Number(match[1]) !== process.pid && !alive(Number(match[1]))) rmSync(join(folder, name), { force: true });
  }
}

function safeList(folder: string): string[] {
  try {
    return existsSync(folder) ? readdirSync(folder) : [];
  } catch {
    return [];
  }
}

/**
 * Runs `work` with `cleanup` called however it ends: normally, on an error, or on Ctrl-C / SIGTERM (the process
 * then exits with 130 / 143 once cleaned, as a shell expects).
 */
export async function withCleanup<T>(cleanup: () => void, work: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup();
    process.stderr.write(t.interrupted(signal));
    process.exit(signal === "SIGINT" ? EXIT_CODES.interrupted : EXIT_CODES.terminated);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await work();
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    cleanup();
  }
}
