/**
 * One consolidation batch, shared by the CLI and the task pane: files are read one at a time, each verdict is
 * given, accepted territories' rows go to a sink as soon as they are computed (the CLI spools them to disk, the
 * pane keeps them), and what the batch replaces or must leave out is decided once every file has been seen.
 */
import { consolidateTerritory, duplicatesInBatch, type FieldTally, sameTerritory, type TerritorySummary } from "../domain/consolidation";
import type { BatchFile, BatchResult, FileVerdict, StoredTerritory } from "../domain/consolidation-batch";
import { formatFrenchDate, type IsoDate } from "../domain/dates";
import { EXIT_CODES, Refusal } from "../domain/refusal";
import { fileLabels } from "../labels/catalog";
import { type SheetRow, statusSheetRow, valueSheetRow } from "../workbook/build-consolidation";
import { INTAKE_LIMITS, type IntakeLimits, receiveTableau } from "../xlsx/tableau-intake";
import { ZipRefused } from "../xlsx/zip-guard";

export interface BatchSink {
  statusRow(key: string, row: SheetRow): void | Promise<void>;
  valueRow(key: string, row: SheetRow): void | Promise<void>;
}

const t = fileLabels.batch;

/** The user stopped the batch (the pane's Cancel): nothing was written, as when Ctrl-C stops the command line. */
export class ConsolidationCancelled extends Refusal {
  constructor() {
    super(t.cancelled, EXIT_CODES.interrupted);
  }
}

export interface BatchOptions {
  today: IsoDate;
  limits?: IntakeLimits;
  signal?: AbortSignal;
  onProgress?: (progress: { index: number; total: number; file: string; verdict?: FileVerdict }) => void;
  /** Run after each file, once what it left behind is garbage (the command line keeps its heap bounded there). */
  afterFile?: () => void;
}

export async function consolidateBatch(
  files: readonly BatchFile[],
  stored: ReadonlyMap<string, StoredTerritory>,
  sink: BatchSink,
  options: BatchOptions,
): Promise<BatchResult> {
  const verdicts: FileVerdict[] = [];
  const candidates: { verdict: FileVerdict; summary: TerritorySummary; tallies: FieldTally[] }[] = [];
  for (const [index, file] of files.entries()) {
    if (options.signal?.aborted) throw new ConsolidationCancelled();
    options.onProgress?.({ index, total: files.length, file: file.name });
    let verdict: FileVerdict;
    try {
      const limits = options.limits ?? INTAKE_LIMITS;
      if (file.size !== undefined && file.size > limits.maxFileBytes) throw new ZipRefused(fileLabels.archive.fileTooLarge(file.size, limits.maxFileBytes));
      const received = await receiveTableau(await file.read(), file.name, { today: options.today, limits });
      verdict = { file: file.name, status: received.status, ...(received.territory ? { territory: received.territory } : {}), reasons: received.reasons };
      if (received.tableau) {
        const { tracking, templateVersion, savedAt, conventionId } = received.tableau;
        const territory = consolidateTerritory(
          tracking,
          { file: file.name, templateVersion, ...(savedAt ? { savedAt } : {}), ...(conventionId ? { conventionId } : {}) },
          options.today,
        );
        const { key } = territory.summary;
        const before = stored.get(key);
        const ours = { territory: territory.summary.territory, ...(territory.summary.code ? { code: territory.summary.code } : {}) };
        if (before && !sameTerritory(before, ours)) {
          verdict = {
            ...verdict,
            status: "rejected",
            reasons: [t.identityConflict(conventionId ?? key, before.territory, before.code, ours.territory, ours.code, "stored")],
          };
        } else if (before?.savedAt && savedAt && savedAt < before.savedAt) {
          verdict = { ...verdict, status: "rejected", reasons: [t.olderThanStored(frenchDateTime(savedAt), frenchDateTime(before.savedAt))] };
        } else {
          for (const row of territory.statuses) await sink.statusRow(key, statusSheetRow(tracking.plan.convention.territory, key, row));
          for (const row of territory.values) await sink.valueRow(key, valueSheetRow(tracking.plan.convention.territory, key, row));
          candidates.push({ verdict, summary: territory.summary, tallies: territory.fields });
        }
      }
    } catch (error) {
      if (error instanceof ConsolidationCancelled) throw error;
      // A reader failure on one file must not stop the others.
      verdict = { file: file.name, status: "rejected", reasons: [t.unreadable(error instanceof Error ? error.message : String(error))] };
    }
    verdicts.push(verdict);
    options.afterFile?.();
    options.onProgress?.({ index: index + 1, total: files.length, file: file.name, verdict });
  }

  const clashes = duplicatesInBatch(candidates.map(({ verdict, summary }) => ({ file: verdict.file, key: summary.key })));
  const leftOut = new Set<string>();
  candidates.forEach((candidate, position) => {
    const others = clashes.get(position);
    if (!others) return;
    leftOut.add(candidate.summary.key);
    candidate.verdict.status = "rejected";
    const same = others.includes(candidate.verdict.file);
    // Same identifier, another territory: a copy of a neighbour's tableau, not the same territory sent twice.
    const other = candidates.find(
      (item, index) => index !== position && item.summary.key === candidate.summary.key && !sameTerritory(item.summary, candidate.summary),
    );
    const reason = same
      ? t.givenTwice
      : other
        ? t.identityConflict(
            candidate.summary.key.split("|")[0].replace(/^id:/, ""),
            other.summary.territory,
            other.summary.code,
            candidate.summary.territory,
            candidate.summary.code,
            "batch",
          )
        : t.sameTerritory(others);
    candidate.verdict.reasons = [reason, ...candidate.verdict.reasons];
  });
  return {
    verdicts,
    accepted: candidates.filter((candidate) => !leftOut.has(candidate.summary.key)).map(({ summary, tallies }) => ({ summary, tallies })),
    leftOut,
  };
}

function frenchDateTime(iso: string): string {
  return `${formatFrenchDate(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
}
