/**
 * A new batch merged into what an earlier consolidation holds: a territory of the batch replaces all its stored
 * rows, the others stay as they were. The add-in merges in memory; the CLI streams the long tables and merges only
 * the one-row-per-territory parts here.
 */
import { type FieldTally, summarizeFields } from "../domain/consolidation";
import type { BatchResult } from "../domain/consolidation-batch";
import { type ConsolidationContent, type SheetRow, fieldRow, reportRow, tallyRow, territoryRow } from "./build-consolidation";

export interface KeyedRow {
  key: string;
  row: SheetRow;
}

/** What an earlier consolidation holds, read back from its sheets. */
export interface StoredConsolidation {
  territories: KeyedRow[];
  tallies: FieldTally[];
  statuses: KeyedRow[];
  values: KeyedRow[];
}

export const EMPTY_CONSOLIDATION: StoredConsolidation = { territories: [], tallies: [], statuses: [], values: [] };

/** The synthesis rows after the batch: kept territories first, in their stored order, then the batch's. */
export function mergedSummaries(stored: Pick<StoredConsolidation, "territories" | "tallies">, batch: Pick<BatchResult, "accepted">) {
  const replaced = new Set(batch.accepted.map(({ summary }) => summary.key));
  const kept = stored.territories.filter((item) => !replaced.has(item.key));
  const tallies = [...stored.tallies.filter((tally) => !replaced.has(tally.key)), ...batch.accepted.flatMap(({ tallies: items }) => items)];
  return {
    replaced,
    kept: kept.length,
    territories: [...kept.map((item) => item.row), ...batch.accepted.map(({ summary }) => territoryRow(summary))],
    tallies: tallies.map(tallyRow),
    fields: summarizeFields(tallies).map(fieldRow),
  };
}

/** Everything the add-in writes: the stored rows of replaced territories and the batch's left-out rows are dropped. */
export function mergedContent(
  stored: StoredConsolidation,
  batch: BatchResult,
  fresh: { statuses: KeyedRow[]; values: KeyedRow[] },
  now: string,
): ConsolidationContent & { kept: number } {
  const summaries = mergedSummaries(stored, batch);
  const keep = (rows: KeyedRow[], drop: ReadonlySet<string>) => rows.filter((item) => !drop.has(item.key)).map((item) => item.row);
  return {
    territories: summaries.territories,
    fields: summaries.fields,
    tallies: summaries.tallies,
    statuses: [...keep(stored.statuses, summaries.replaced), ...keep(fresh.statuses, batch.leftOut)],
    values: [...keep(stored.values, summaries.replaced), ...keep(fresh.values, batch.leftOut)],
    report: batch.verdicts.map(reportRow),
    now,
    kept: summaries.kept,
  };
}
