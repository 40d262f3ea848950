/**
 * The workbook contract of the tableau de suivi, version by version: format and versions, sheet names, metadata
 * keys, lock rows. Each sheet's columns are described once in tableau-columns.ts; docs/format-classeur.md's tables
 * are generated from there (npm run docs:columns).
 */
import { sheetLabels } from "../labels/catalog";
import {
  ARCHIVE_SPEC,
  AXIS_EVALUATION_SPEC,
  CONVENTION_SPEC,
  FICHE_EVALUATION_SPEC,
  INDICATORS_SPEC,
  MEASUREMENTS_SPEC,
  PLAN_SPEC,
  TRACKING_SPEC,
  headersOf,
} from "./tableau-columns";

export const FORMAT_ID = "ctg-suivi/tableau-de-suivi";
export const TEMPLATE_VERSION = "1.4";
/**
 * Versions this code can read: 1.0 lacks only the convention's identifier, which readers then derive; 1.0 and 1.1
 * record the locked quarters as one list instead of one row per quarter; up to 1.2 the entry sheets have no
 * « Vérifié » column (the mark of a value checked after a plausibility warning); up to 1.3 there is no written
 * evaluation (« Évaluation des fiches », « Évaluation des axes »), which an update adds.
 */
export const READABLE_VERSIONS = ["1.0", "1.1", "1.2", "1.3", "1.4"] as const;

export const SHEETS = sheetLabels.names;

/** Whether a tableau of this template version holds the evaluation sheets (1.4 on). */
export function hasEvaluationSheets(version: string): boolean {
  return !["1.0", "1.1", "1.2", "1.3"].includes(version);
}

/** The rubriques of « Convention » by key, as their labels in column A. */
export const CONVENTION_ROWS = Object.fromEntries(CONVENTION_SPEC.rows.map((row) => [row.key, row.label])) as Record<
  (typeof CONVENTION_SPEC.rows)[number]["key"],
  string
>;

/** Headers of each data sheet by column key, derived from the sheet's spec (tableau-columns.ts). */
export const PLAN_COLUMNS = headersOf(PLAN_SPEC);
export const INDICATOR_COLUMNS = headersOf(INDICATORS_SPEC);
export const TRACKING_COLUMNS = headersOf(TRACKING_SPEC);
export const MEASUREMENT_COLUMNS = headersOf(MEASUREMENTS_SPEC);
export const ARCHIVE_COLUMNS = headersOf(ARCHIVE_SPEC);
export const FICHE_EVALUATION_COLUMNS = headersOf(FICHE_EVALUATION_SPEC);
export const AXIS_EVALUATION_COLUMNS = headersOf(AXIS_EVALUATION_SPEC);

export const META_KEYS = {
  format: "format",
  version: "version",
  territory: "territoire",
  inseeOrSiren: "code_insee_siren",
  start: "debut",
  end: "fin",
  createdAt: "cree_le",
  updatedAt: "mis_a_jour_le",
  /** Templates 1.0 and 1.1: the locked quarters as one comma-separated list. */
  lockedQuarters: "trimestres_verrouilles",
  /** Template 1.2: one row per quarter, `verrou_2026-T1` → `oui` or `non`, so that a lock writes one cell of its own. */
  lockPrefix: "verrou_",
  conventionId: "identifiant_convention",
} as const;

export { COLORS, NUMBER_FORMATS, STATUS_COLORS } from "./formats";

export const LOCK_VALUES = { locked: "oui", open: "non" } as const;

export function lockKey(quarter: string): string {
  return `${META_KEYS.lockPrefix}${quarter}`;
}

/** The quarters locked after their COPIL, from the metadata of any readable template. */
export function lockedQuartersOf(meta: Record<string, string>): string[] {
  const locked = new Set(
    (meta[META_KEYS.lockedQuarters] ?? "")
      .split(",")
      .map((quarter) => quarter.trim())
      .filter((quarter) => quarter.length > 0),
  );
  for (const [key, value] of Object.entries(meta)) {
    if (!key.startsWith(META_KEYS.lockPrefix)) continue;
    const quarter = key.slice(META_KEYS.lockPrefix.length);
    if (value.trim().toLowerCase() === LOCK_VALUES.locked) locked.add(quarter);
    else locked.delete(quarter);
  }
  return [...locked].sort();
}

/** Separator of list items (pilotes, partenaires…) inside one cell; `;` is also accepted when reading. */
export const LIST_SEPARATOR = "\n";

export function splitList(text: string): string[] {
  return text
    .split(/[\n;]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
