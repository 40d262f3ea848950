/**
 * The workbook contract of the tableau de suivi, version by version: sheet names, column headers, formats.
 * docs/format-classeur.md describes the same thing for people and other tools; keep both in step.
 */
import { STATUSES } from "../domain/vocabulary";

export const FORMAT_ID = "ctg-suivi/tableau-de-suivi";
export const TEMPLATE_VERSION = "1.2";
/**
 * Versions this code can read: 1.0 lacks only the convention's identifier, which readers then derive; 1.0 and 1.1
 * record the locked quarters as one list instead of one row per quarter.
 */
export const READABLE_VERSIONS = ["1.0", "1.1", "1.2"] as const;

export const SHEETS = {
  guide: "Mode d'emploi",
  convention: "Convention",
  plan: "Plan d'actions",
  indicators: "Indicateurs",
  tracking: "Suivi des fiches",
  measurements: "Saisies",
  archive: "Archives",
  meta: "_ctg_meta",
} as const;

export const CONVENTION_ROWS = {
  territory: "Territoire",
  inseeOrSiren: "Code INSEE / SIREN",
  department: "Département",
  caf: "Caf",
  signatories: "Signataires",
  start: "Date de début",
  end: "Date de fin",
} as const;

export const PLAN_COLUMNS = {
  axisCode: "Axe",
  axisTitle: "Intitulé de l'axe",
  subAxisCode: "Sous-axe",
  subAxisTitle: "Intitulé du sous-axe",
  code: "Code",
  title: "Fiche action",
  pilots: "Pilote(s)",
  partners: "Partenaires",
  fields: "Champs d'intervention",
  deadline: "Échéance",
  links: "Liens avec d'autres fiches",
  objectives: "Objectifs",
} as const;

export const INDICATOR_COLUMNS = {
  id: "Identifiant",
  actionCode: "Code fiche",
  label: "Indicateur",
  type: "Type",
  unit: "Unité",
  baseline: "Valeur de référence",
  target: "Cible",
  aggregation: "Agrégation",
  periodicity: "Périodicité",
} as const;

export const TRACKING_COLUMNS = {
  quarter: "Trimestre",
  axisCode: "Axe",
  code: "Code",
  title: "Fiche action",
  deadline: "Échéance",
  status: "Statut",
  progress: "Avancement",
  achievements: "Réalisations",
  difficulties: "Difficultés",
  adjustments: "Ajustements",
} as const;

export const MEASUREMENT_COLUMNS = {
  actionCode: "Code fiche",
  id: "Identifiant",
  label: "Indicateur",
  type: "Type",
  unit: "Unité",
  quarter: "Trimestre",
  value: "Valeur",
  comment: "Commentaire",
} as const;

export const ARCHIVE_COLUMNS = {
  kind: "Nature",
  quarter: "Trimestre",
  actionCode: "Code fiche",
  id: "Identifiant",
  label: "Libellé",
  status: "Statut",
  progress: "Avancement",
  value: "Valeur",
  achievements: "Réalisations",
  difficulties: "Difficultés",
  adjustments: "Ajustements",
  comment: "Commentaire",
} as const;

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

export const STATUS_COLORS: Record<(typeof STATUSES)[number], { fill: string; font: string }> = {
  "À lancer": { fill: "#EDEBE9", font: "#323130" },
  "En cours": { fill: "#DEECF9", font: "#004578" },
  Réalisée: { fill: "#DFF6DD", font: "#0B5A08" },
  Reportée: { fill: "#FFF4CE", font: "#7A5B00" },
  Abandonnée: { fill: "#FDE7E9", font: "#A4262C" },
};

export const COLORS = {
  headerFill: "#1F5C4A",
  headerFont: "#FFFFFF",
  entryFill: "#FFFDF2",
  lockedFill: "#F3F2F1",
  border: "#A19F9D",
  late: "#C50F1F",
  title: "#1F5C4A",
};

export const NUMBER_FORMATS = {
  integer: "#,##0",
  percent: "0 %",
  rate: "0.0 %",
  amount: '#,##0.00 "€"',
  scale: "0",
  text: "@",
  date: "dd/mm/yyyy",
  year: "0",
} as const;

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
