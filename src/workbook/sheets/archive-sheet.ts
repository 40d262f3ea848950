/** « Archives »: what people typed for fiches, indicators or quarters a new plan removed, kept as it was. */
import type { Tracking } from "../../domain/tracking";
import { sheetLabels } from "../../labels/catalog";
import type { SheetPlan } from "../sheet-plan";
import { buildTableSheet } from "../table-sheet";
import { ARCHIVE_SPEC, headersOf, layoutColumns } from "../tableau-columns";
import { yesNoCell } from "./value-cells";

export function archiveSheet(tracking: Tracking): SheetPlan {
  const kinds = sheetLabels.archiveKinds;
  const kindLabel = {
    statut: kinds.status,
    saisie: kinds.measurement,
    "evaluation-fiche": kinds.ficheEvaluation,
    "evaluation-axe": kinds.axisEvaluation,
  } as const;
  const rows = tracking.archive.map((entry) => [
    kindLabel[entry.kind],
    entry.quarter,
    entry.actionCode,
    entry.indicatorId ?? null,
    entry.label,
    entry.status ?? null,
    entry.progress === undefined ? null : entry.progress / 100,
    entry.value === undefined ? null : typeof entry.value === "boolean" ? yesNoCell(entry.value) : entry.value,
    entry.achievements ?? null,
    entry.difficulties ?? null,
    entry.adjustments ?? null,
    entry.comment ?? null,
    entry.effects ?? null,
    entry.evidence ?? null,
    entry.appreciation ?? null,
    entry.synthesis ?? null,
    entry.decisions ?? null,
  ]);
  const headers = headersOf(ARCHIVE_SPEC);
  return buildTableSheet({
    name: ARCHIVE_SPEC.name,
    tableName: ARCHIVE_SPEC.table,
    keyHeaders: ARCHIVE_SPEC.keys.map((key) => headers[key]),
    keptHeaders: (ARCHIVE_SPEC.kept ?? []).map((key) => headers[key]),
    ...(ARCHIVE_SPEC.tabColor ? { tabColor: ARCHIVE_SPEC.tabColor } : {}),
    columns: layoutColumns(ARCHIVE_SPEC),
    rows,
    frozenColumns: ARCHIVE_SPEC.frozenColumns,
  });
}
