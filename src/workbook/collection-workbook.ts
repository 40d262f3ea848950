/**
 * The small workbook a pilote (or partner) fills for one quarter: a guide, their fiches' rows of that quarter in
 * « Suivi des fiches » and « Saisies » (and their year's « Évaluation des fiches » when the tableau has it), laid out
 * by the tableau's own sheet builders so that validation, prompts, protection and formats are the tableau's; what
 * they entered before, read only; and, very hidden, what the file is for, checked when it comes back.
 */
import { formatFrenchDate } from "../domain/dates";
import { type CollectionScope } from "../domain/collection";
import { type Plan, allActions, locatedActions } from "../domain/plan";
import { compareQuarters, parseQuarter, quarterLabel } from "../domain/quarters";
import type { Tracking } from "../domain/tracking";
import { INDICATOR_TYPE_LABELS } from "../domain/vocabulary";
import { collectionLabels, sheetLabels } from "../labels/catalog";
import { NUMBER_FORMATS } from "./formats";
import { SHEETS } from "./layout";
import type { CellValue, SheetPlan, WorkbookPlan } from "./sheet-plan";
import { guideLinesSheet, keyValueSheet } from "./sheets/text-sheets";
import { ficheEvaluationSheet } from "./sheets/evaluation-sheets";
import { measurementsSheet } from "./sheets/measurements-sheet";
import { specSheet } from "./sheets/spec-sheet";
import { trackingSheet } from "./sheets/tracking-sheet";
import { confirmationCell, toCellValue, valueFormat } from "./sheets/value-cells";
import { COLLECTION_CONTEXT_SPEC } from "./tableau-columns";

/** The version of the hidden identity's layout: a later one may add keys, never change these. */
export const COLLECTION_VERSION = "1";

export const COLLECTION_KEYS = {
  format: "format",
  version: "version",
  conventionId: "identifiant_convention",
  territory: "territoire",
  quarter: "trimestre",
  by: "par",
  person: "personne",
  actionCodes: "fiches",
  checksum: "empreinte",
  preparedAt: "prepare_le",
  tableau: "tableau",
  evaluation: "evaluation",
} as const;

export interface CollectionOptions {
  /** The tableau's file name, told in the guide. */
  tableauName: string;
  /** Whether the tableau has the written evaluation (template 1.4 on): the file then carries its year's rows. */
  withEvaluation: boolean;
}

/** The plan reduced to some fiches, axes and sous-axes without them left out. */
export function planOf(plan: Plan, codes: ReadonlySet<string>): Plan {
  return {
    convention: plan.convention,
    axes: plan.axes
      .map((axis) => ({
        ...axis,
        subAxes: axis.subAxes
          .map((sub) => ({ ...sub, actions: sub.actions.filter((action) => codes.has(action.code)) }))
          .filter((sub) => sub.actions.length > 0),
      }))
      .filter((axis) => axis.subAxes.length > 0),
  };
}

export function buildCollectionPlan(tracking: Tracking, scope: CollectionScope, options: CollectionOptions): WorkbookPlan {
  const codes = new Set(scope.actionCodes);
  const own: Tracking = {
    plan: planOf(tracking.plan, codes),
    statuses: tracking.statuses.filter((entry) => codes.has(entry.actionCode) && entry.quarter === scope.quarter),
    measurements: tracking.measurements.filter((entry) => entry.quarter === scope.quarter),
    lockedQuarters: [],
    archive: [],
    ...(tracking.evaluations ? { evaluations: tracking.evaluations } : {}),
  };
  const only = new Set([scope.quarter]);
  const year = parseQuarter(scope.quarter)!.year;
  const sheets: SheetPlan[] = [
    collectionGuide(tracking, scope, options),
    // No date: the file holds one begun quarter (ctg collect refuses any other), open to the person filling it.
    trackingSheet(own, { only }),
    measurementsSheet(own, { only }),
    ...(options.withEvaluation ? [ficheEvaluationSheet(own, new Set([year]))] : []),
    contextSheet(tracking, scope),
    identitySheet(scope, options),
  ];
  return { sheets, activeSheet: sheets[0]!.name };
}

function collectionGuide(tracking: Tracking, scope: CollectionScope, options: CollectionOptions): SheetPlan {
  const words = collectionLabels.guide;
  const lines = [
    words.title(tracking.plan.convention.territory, quarterLabel(scope.quarter)),
    words.person(scope.by, scope.person, scope.actionCodes.length),
    words.prepared(formatFrenchDate(scope.preparedAt.slice(0, 10)), options.tableauName),
    "",
    ...words.lines(SHEETS.tracking, SHEETS.measurements, options.withEvaluation ? SHEETS.ficheEvaluation : undefined, collectionLabels.names.context),
    "",
    ...allActions(planOf(tracking.plan, new Set(scope.actionCodes))).map((action) => `${action.code} – ${action.title}`),
  ];
  return guideLinesSheet(sheetLabels.names.guide, lines, { width: 100, boldRows: [1, 4] });
}

/** What the person entered in the quarters before: statuses first, then values, latest quarter first. */
function contextSheet(tracking: Tracking, scope: CollectionScope): SheetPlan {
  const codes = new Set(scope.actionCodes);
  const before = (quarter: string) => compareQuarters(quarter, scope.quarter) < 0;
  const rows: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const statuses = new Map(tracking.statuses.map((entry) => [`${entry.actionCode}\u0000${entry.quarter}`, entry]));
  const values = new Map(tracking.measurements.map((entry) => [`${entry.indicatorId}\u0000${entry.quarter}`, entry]));
  const quarters = [...new Set([...tracking.statuses, ...tracking.measurements].map((entry) => entry.quarter).filter(before))].sort(compareQuarters).reverse();
  for (const quarter of quarters) {
    for (const { action } of locatedActions(tracking.plan)) {
      if (!codes.has(action.code)) continue;
      const status = statuses.get(`${action.code}\u0000${quarter}`);
      if (status && (status.status || status.progress !== undefined)) {
        rows.push([quarter, action.code, action.title, status.status ?? null, status.progress === undefined ? null : status.progress / 100]);
        formats.push([null, null, null, null, NUMBER_FORMATS.percent]);
      }
      for (const indicator of action.indicators) {
        const entry = values.get(`${indicator.id}\u0000${quarter}`);
        if (!entry || (entry.value === undefined && !entry.comment)) continue;
        const label = `${indicator.label} (${INDICATOR_TYPE_LABELS[indicator.type]}${indicator.unit ? `, ${indicator.unit}` : ""})`;
        rows.push([quarter, action.code, label, toCellValue(indicator, entry.value), entry.comment ?? confirmationCell(entry.confirmed)]);
        formats.push([null, null, null, valueFormat(indicator), NUMBER_FORMATS.text]);
      }
    }
  }
  return specSheet(COLLECTION_CONTEXT_SPEC, rows, {
    cellFormat: (row, col) => formats[row]?.[col] ?? undefined,
  });
}

function identitySheet(scope: CollectionScope, options: CollectionOptions): SheetPlan {
  const k = COLLECTION_KEYS;
  const entries: [string, string][] = [
    [k.format, collectionLabels.format],
    [k.version, COLLECTION_VERSION],
    [k.conventionId, scope.conventionId],
    [k.territory, scope.territory],
    [k.quarter, scope.quarter],
    [k.by, scope.by],
    [k.person, scope.person],
    [k.actionCodes, scope.actionCodes.join(",")],
    [k.checksum, scope.checksum],
    [k.preparedAt, scope.preparedAt],
    [k.tableau, options.tableauName],
    [k.evaluation, options.withEvaluation ? "oui" : "non"],
  ];
  return keyValueSheet(collectionLabels.names.meta, entries);
}
