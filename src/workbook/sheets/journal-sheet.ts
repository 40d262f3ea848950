/** « Journal des retours »: every returned file merged and every value it wrote, with where it came from. */
import type { JournalEntry } from "../../domain/collection";
import type { Tracking } from "../../domain/tracking";
import { collectionLabels } from "../../labels/catalog";
import type { CellValue, SheetPlan } from "../sheet-plan";
import { JOURNAL_SPEC } from "../tableau-columns";
import { yesNoCell } from "./value-cells";
import { specSheet } from "./spec-sheet";

function journalCell(value: JournalEntry["after"] | undefined): CellValue {
  if (value === undefined) return null;
  return typeof value === "boolean" ? yesNoCell(value) : value;
}

export function journalSheet(tracking: Tracking): SheetPlan {
  const words = collectionLabels;
  const rows = (tracking.journal ?? []).map((entry) => [
    entry.mergedAt,
    entry.person,
    entry.file,
    words.kinds[entry.kind],
    entry.code || null,
    entry.period,
    entry.field ? (words.fields[entry.field] ?? entry.field) : null,
    journalCell(entry.before),
    journalCell(entry.after),
  ]);
  return specSheet(JOURNAL_SPEC, rows);
}
