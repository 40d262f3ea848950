/** « Archives »: what people typed for fiches, indicators or quarters a new plan removed, kept as it was. */
import type { Tracking } from "../../domain/tracking";
import { sheetLabels } from "../../labels/catalog";
import type { SheetPlan } from "../sheet-plan";
import { ARCHIVE_SPEC } from "../tableau-columns";
import { yesNoCell } from "./value-cells";
import { specSheet } from "./spec-sheet";

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
  return specSheet(ARCHIVE_SPEC, rows);
}
