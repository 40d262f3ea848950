/**
 * `ctg collect` and `ctg merge`: one file per pilote (or partner) for a quarter, and the returned files merged
 * into the tableau through the update's safe path (lock, file compared before replacing, backup).
 */
import { rmSync } from "node:fs";
import { basename, join } from "node:path";
import type { CollectBy } from "../domain/collection";
import { todayIso } from "../domain/dates";
import { isQuarter, quarterLabel } from "../domain/quarters";
import { EXIT_CODES } from "../domain/refusal";
import { cliLabels, collectionLabels } from "../labels/catalog";
import { type SoundTableau, mergeReturns, prepareCollection } from "../services/collection";
import { mergeReportJson, mergeReportLines } from "../services/collection-report";
import type { ReturnedFile } from "../workbook/parse-collection";
import { collectionBytes, readReturnedFile } from "../xlsx/collection-file";
import { nodeDeflater } from "../xlsx/node-zip";
import { readTableauFile, writeTableauFile } from "../xlsx/tableau-file";
import type { Clock, Console } from "./commands";
import { describeIssue } from "./format-issues";
import { keepHeapUnderCeiling } from "./heap-ceiling";
import { CliError, FileWriteFailed, readBytes, stillHolds, temporaryName, writeBackup, writeBytes } from "./io";
import { lockOutput, withCleanup } from "./output-guard";
import { guardOutputs, sameFile } from "./output-paths";

const words = collectionLabels.cli;

/** The tableau read and checked: a collection is prepared from, and merged into, a tableau without errors only. */
async function soundTableau(file: string, bytes: Uint8Array, io: Console, today: string): Promise<SoundTableau> {
  const reading = await readTableauFile(bytes, file, today);
  const errors = reading.issues.filter((issue) => issue.severity === "error");
  if (!reading.tracking || !reading.meta || errors.length > 0) {
    for (const issue of errors.slice(0, 20)) io.err(describeIssue(issue));
    throw new CliError(words.tableauHasErrors(file, Math.max(1, errors.length)), EXIT_CODES.problems);
  }
  return { tracking: reading.tracking, meta: reading.meta, name: basename(file) };
}

export async function collectCommand(options: { file?: string; quarter?: string; out?: string; by?: string }, io: Console, clock: Clock): Promise<number> {
  if (!options.file || !options.quarter || !options.out) throw new CliError(words.collectUsage, EXIT_CODES.refused);
  const quarter = options.quarter.toUpperCase();
  if (!isQuarter(quarter)) throw new CliError(words.badQuarter(options.quarter), EXIT_CODES.refused);
  const by = (options.by ?? "pilote").toLowerCase();
  if (by !== "pilote" && by !== "partenaire") throw new CliError(words.badBy(options.by ?? ""), EXIT_CODES.refused);
  const now = clock.now();
  const tableau = await soundTableau(options.file, readBytes(options.file), io, todayIso(now));
  const prepared = prepareCollection(tableau, { quarter, by: by as CollectBy, now, today: todayIso(now) });
  const out = options.out;
  await guardOutputs(
    prepared.map((file) => ({ path: join(out, file.fileName), kind: "collection" as const })),
    [options.file],
  );
  io.out(words.written(prepared.length, out, quarterLabel(quarter)));
  for (const file of prepared) {
    const path = join(out, file.fileName);
    writeBytes(path, await collectionBytes(file.plan, nodeDeflater, now));
    io.out(words.fileLine(file.fileName, file.person, file.actionCodes.length));
  }
  io.out(words.next);
  return EXIT_CODES.ok;
}

export async function mergeCommand(
  options: { file?: string; returns: string[]; quarter?: string; by?: string; report?: string },
  io: Console,
  clock: Clock,
): Promise<number> {
  if (!options.file) throw new CliError(words.mergeUsage, EXIT_CODES.refused);
  if (options.returns.length === 0) throw new CliError(`${words.noFiles}\n${words.mergeUsage}`, EXIT_CODES.refused);
  const quarter = options.quarter?.toUpperCase();
  if (quarter !== undefined && !isQuarter(quarter)) throw new CliError(words.badQuarter(options.quarter ?? ""), EXIT_CODES.refused);
  const by = options.by?.toLowerCase();
  if (by !== undefined && by !== "pilote" && by !== "partenaire") throw new CliError(words.badBy(options.by ?? ""), EXIT_CODES.refused);
  const out = options.file;
  if (options.report) await guardOutputs([{ path: options.report, kind: "mergeReport" }], [out, ...options.returns]);
  const lock = lockOutput(out, "update");
  return withCleanup(
    () => {
      rmSync(temporaryName(out), { force: true });
      lock.release();
    },
    async () => {
      const now = clock.now();
      const today = todayIso(now);
      const existing = readBytes(out);
      const tableau = await soundTableau(out, existing, io, today);
      const returned: ReturnedFile[] = [];
      for (const [index, path] of options.returns.entries()) {
        const name = basename(path);
        if (sameFile(path, out)) {
          returned.push({ name, unreadable: collectionLabels.reading.notACollection(name) });
          continue;
        }
        const twice = options.returns.slice(0, index).find((other) => sameFile(other, path));
        if (twice) {
          returned.push({ name, unreadable: collectionLabels.reading.sameFileTwice(path, twice) });
          continue;
        }
        returned.push(await readReturnedFile(readBytes(path), name));
        keepHeapUnderCeiling();
      }
      const outcome = mergeReturns(tableau, returned, { now, today, ...(quarter ? { quarter } : {}), ...(by ? { by: by as CollectBy } : {}) });
      for (const line of mergeReportLines(outcome, basename(out), now)) io.out(line);
      if (outcome.changed) {
        const written = await writeTableauFile(tableau.tracking.plan, {
          now: now.toISOString(),
          today,
          existing: { bytes: existing, fileName: out },
          amend: () => outcome.tracking,
          between: keepHeapUnderCeiling,
        });
        if (!stillHolds(out, existing)) throw new CliError(cliLabels.init.changedMeanwhile(out), EXIT_CODES.refused);
        const backup = writeBackup(out, existing, now);
        try {
          writeBytes(out, written.bytes);
        } catch (error) {
          rmSync(backup, { force: true });
          throw error instanceof FileWriteFailed ? new CliError(cliLabels.init.cannotReplace(out, error.reason), EXIT_CODES.refused) : error;
        }
        io.out(collectionLabels.report.written(out, outcome.written, backup));
      } else {
        io.out(collectionLabels.report.nothingWritten(out));
      }
      if (options.report) {
        writeBytes(options.report, `${JSON.stringify(mergeReportJson(outcome, basename(out), now), null, 2)}\n`);
        io.out(collectionLabels.report.reportWritten(options.report));
      }
      const troubled = outcome.files.some((file) => file.status === "rejected" || file.conflicts.length > 0 || file.outOfScope.length > 0);
      return troubled ? EXIT_CODES.problems : EXIT_CODES.ok;
    },
  );
}
