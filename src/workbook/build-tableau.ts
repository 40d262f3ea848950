/** The tableau de suivi as a workbook plan: every sheet of the contract, filled with the plan and the entries. */
import { formatFrenchDate, isoToExcelSerial } from "../domain/dates";
import { SCALE_MAX, SCALE_MIN, TEXT_MAX_LENGTH } from "../domain/entry-rules";
import { type Indicator, deadlineYear, locatedActions, allIndicators } from "../domain/plan";
import { measuredQuarters, quartersBetween } from "../domain/quarters";
import { type Measurement, type MeasurementValue, type StatusEntry, type Tracking, measurementKey, statusKey } from "../domain/tracking";
import {
  AGGREGATION_LABELS,
  INDICATOR_TYPE_LABELS,
  PERIODICITY_LABELS,
  STATUSES,
} from "../domain/vocabulary";
import {
  ARCHIVE_COLUMNS,
  COLORS,
  CONVENTION_ROWS,
  FORMAT_ID,
  INDICATOR_COLUMNS,
  LIST_SEPARATOR,
  LOCK_VALUES,
  MEASUREMENT_COLUMNS,
  META_KEYS,
  NUMBER_FORMATS,
  PLAN_COLUMNS,
  SHEETS,
  STATUS_COLORS,
  TEMPLATE_VERSION,
  TRACKING_COLUMNS,
  lockKey,
} from "./layout";
import type { CellValue, ConditionalFormatPlan, DataValidationPlan, SheetPlan, ValidationRule, WorkbookPlan } from "./sheet-plan";
import { columnLetter, wrappedRowHeights } from "./sheet-plan";
import { type ColumnSpec, buildTableSheet, columnIndexOf } from "./table-sheet";

export interface BuildOptions {
  /** ISO timestamp written in the metadata sheet. */
  now: string;
  /** Creation timestamp to keep when the tableau is rebuilt. */
  createdAt?: string;
  /** The convention's identifier to keep when the tableau is rebuilt. */
  conventionId?: string;
}

export function buildTableauPlan(tracking: Tracking, options: BuildOptions): WorkbookPlan {
  const sheets: SheetPlan[] = [
    guideSheet(tracking),
    conventionSheet(tracking),
    planSheet(tracking),
    indicatorsSheet(tracking),
    trackingSheet(tracking),
    measurementsSheet(tracking),
  ];
  if (tracking.archive.length > 0) sheets.push(archiveSheet(tracking));
  sheets.push(metaSheet(tracking, options));
  return { sheets, activeSheet: SHEETS.tracking };
}

const joinList = (items: readonly string[]) => items.join(LIST_SEPARATOR);

function guideSheet(tracking: Tracking): SheetPlan {
  const { convention } = tracking.plan;
  const lines: string[] = [
    `Tableau de suivi partagé de la Convention territoriale globale – ${convention.territory}`,
    `Période de la convention : du ${formatFrenchDate(convention.start)} au ${formatFrenchDate(convention.end)}`,
    "",
    "Chaque trimestre (article 9 de la convention) :",
    `1. Feuille « ${SHEETS.tracking} » : pour chaque fiche action du trimestre, choisissez le statut, indiquez l'avancement (en %), les réalisations, les difficultés et les ajustements.`,
    `2. Feuille « ${SHEETS.measurements} » : saisissez la valeur de chaque indicateur d'évaluation pour le trimestre (filtrez la colonne « Trimestre »).`,
    "3. Les cellules à saisir sont sur fond crème ; les autres sont protégées. Excel refuse une valeur hors des limites et affiche pourquoi.",
    "4. Une fiche en retard (échéance dépassée, ni réalisée ni abandonnée) apparaît en rouge.",
    "",
    `Le plan d'actions (axes, sous-axes, fiches, indicateurs) se modifie avec le complément CTG Suivi ou la commande « ctg init --update » : les saisies déjà faites sont conservées.`,
    `Les feuilles « ${SHEETS.plan} » et « ${SHEETS.indicators} » rappellent le plan ; la valeur de référence et la cible des indicateurs peuvent y être complétées.`,
  ];
  // French typography: guillemets hold their words with non-breaking spaces, so a line never starts with "»".
  const values: CellValue[][] = lines.map((line) => [line.replace(/« /g, "«\u00a0").replace(/ »/g, "\u00a0»")]);
  return {
    name: SHEETS.guide,
    visibility: "visible",
    tabColor: COLORS.title,
    values,
    columnWidths: [90],
    rowHeights: wrappedRowHeights(values, [90], new Set([0])),
    styles: [
      { range: { row: 0, col: 0, rows: 1, cols: 1 }, style: { bold: true, fontSize: 14, fontColor: COLORS.title } },
      { range: { row: 0, col: 0, rows: lines.length, cols: 1 }, style: { wrap: true, verticalAlignment: "top" } },
      { range: { row: 3, col: 0, rows: 1, cols: 1 }, style: { bold: true } },
    ],
    validations: [],
    conditionalFormats: [],
    tables: [],
    merges: [],
    protect: true,
    page: { orientation: "portrait", fitToWidth: true },
  };
}

function conventionSheet(tracking: Tracking): SheetPlan {
  const { convention } = tracking.plan;
  const rows: [string, CellValue, string | null, boolean][] = [
    [CONVENTION_ROWS.territory, convention.territory, null, true],
    [CONVENTION_ROWS.inseeOrSiren, convention.inseeOrSiren ?? null, NUMBER_FORMATS.text, true],
    [CONVENTION_ROWS.department, convention.department ?? null, null, true],
    [CONVENTION_ROWS.caf, convention.caf ?? null, null, true],
    [CONVENTION_ROWS.signatories, joinList(convention.signatories), null, true],
    [CONVENTION_ROWS.start, isoToExcelSerial(convention.start), NUMBER_FORMATS.date, false],
    [CONVENTION_ROWS.end, isoToExcelSerial(convention.end), NUMBER_FORMATS.date, false],
  ];
  const values: CellValue[][] = [["Rubrique", "Valeur"], ...rows.map(([label, value]) => [label, value])];
  const numberFormats = [[null, null], ...rows.map(([, , format]) => [null, format])];
  const editable = rows.map(([, , , entry], index) => ({ entry, index })).filter((row) => row.entry);
  return {
    name: SHEETS.convention,
    visibility: "visible",
    values,
    numberFormats,
    columnWidths: [24, 70],
    rowHeights: wrappedRowHeights(values, [24, 70], new Set([1]), 1),
    styles: [
      { range: { row: 0, col: 0, rows: 1, cols: 2 }, style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont, border: true, borderColor: COLORS.border } },
      { range: { row: 1, col: 0, rows: rows.length, cols: 2 }, style: { border: true, borderColor: COLORS.border, wrap: true, verticalAlignment: "top", horizontalAlignment: "left" } },
      { range: { row: 1, col: 0, rows: rows.length, cols: 1 }, style: { bold: true } },
      ...editable.map(({ index }) => ({ range: { row: index + 1, col: 1, rows: 1, cols: 1 }, style: { locked: false, fill: COLORS.entryFill } })),
    ],
    validations: editable.map(({ index }) => ({
      range: { row: index + 1, col: 1, rows: 1, cols: 1 },
      rule: { kind: "textLength" as const, max: 1000 },
      prompt: { title: rows[index][0], message: CONVENTION_PROMPTS[rows[index][0]] ?? "Texte libre." },
      error: { title: "Texte trop long", message: "1 000 caractères au plus." },
    })),
    conditionalFormats: [],
    tables: [],
    merges: [],
    freeze: { rows: 1, columns: 0 },
    protect: true,
    page: { orientation: "portrait", fitToWidth: true },
    // Rows are found again by their label: what people add beside them goes along with an update.
    keyed: { keyColumns: [0], entryColumns: [] },
  };
}

const CONVENTION_PROMPTS: Record<string, string> = {
  [CONVENTION_ROWS.territory]: "Nom de la commune ou de la communauté de communes signataire.",
  [CONVENTION_ROWS.inseeOrSiren]: "Code INSEE de la commune ou SIREN de l'EPCI (facultatif).",
  [CONVENTION_ROWS.department]: "Département du territoire (facultatif).",
  [CONVENTION_ROWS.caf]: "Caf signataire de la convention.",
  [CONVENTION_ROWS.signatories]: "Un signataire par ligne (Alt+Entrée pour aller à la ligne dans la cellule).",
};

function planSheet(tracking: Tracking): SheetPlan {
  const columns: ColumnSpec[] = [
    { header: PLAN_COLUMNS.axisCode, width: 6 },
    { header: PLAN_COLUMNS.axisTitle, width: 30, wrap: true },
    { header: PLAN_COLUMNS.subAxisCode, width: 9 },
    { header: PLAN_COLUMNS.subAxisTitle, width: 30, wrap: true },
    { header: PLAN_COLUMNS.code, width: 8 },
    { header: PLAN_COLUMNS.title, width: 40, wrap: true },
    { header: PLAN_COLUMNS.pilots, width: 28, wrap: true },
    { header: PLAN_COLUMNS.partners, width: 30, wrap: true },
    { header: PLAN_COLUMNS.fields, width: 22, wrap: true },
    { header: PLAN_COLUMNS.deadline, width: 12, format: NUMBER_FORMATS.text },
    { header: PLAN_COLUMNS.links, width: 14, wrap: true },
    { header: PLAN_COLUMNS.objectives, width: 50, wrap: true },
  ];
  const rows = locatedActions(tracking.plan).map(({ axis, subAxis, action }) => [
    axis.code,
    axis.title,
    subAxis.code,
    subAxis.title,
    action.code,
    action.title,
    joinList(action.pilots),
    joinList(action.partners),
    joinList(action.fields),
    action.deadline,
    joinList(action.links),
    joinList(action.objectives),
  ]);
  return buildTableSheet({ name: SHEETS.plan, tableName: "PlanActions", columns, rows, frozenColumns: 0, keyHeaders: [PLAN_COLUMNS.code] });
}

function indicatorsSheet(tracking: Tracking): SheetPlan {
  const columns: ColumnSpec[] = [
    { header: INDICATOR_COLUMNS.id, width: 12 },
    { header: INDICATOR_COLUMNS.actionCode, width: 9 },
    { header: INDICATOR_COLUMNS.label, width: 60, wrap: true },
    { header: INDICATOR_COLUMNS.type, width: 14 },
    { header: INDICATOR_COLUMNS.unit, width: 12 },
    {
      header: INDICATOR_COLUMNS.baseline,
      width: 14,
      entry: true,
      validation: numberValidation("Valeur de référence", "Valeur de l'indicateur au début de la convention (nombre positif ou nul)."),
    },
    { header: INDICATOR_COLUMNS.target, width: 14, entry: true, validation: numberValidation("Cible", "Valeur visée à la fin de la convention (nombre positif ou nul).") },
    { header: INDICATOR_COLUMNS.aggregation, width: 16 },
    { header: INDICATOR_COLUMNS.periodicity, width: 14 },
  ];
  const indicators = allIndicators(tracking.plan);
  const rows = indicators.map(({ action, indicator }) => [
    indicator.id,
    action.code,
    indicator.label,
    INDICATOR_TYPE_LABELS[indicator.type],
    indicator.unit ?? null,
    cellNumber(indicator, indicator.baseline),
    cellNumber(indicator, indicator.target),
    AGGREGATION_LABELS[indicator.aggregation],
    PERIODICITY_LABELS[indicator.periodicity],
  ]);
  const valueColumns = new Set([columnIndexOf(columns, INDICATOR_COLUMNS.baseline), columnIndexOf(columns, INDICATOR_COLUMNS.target)]);
  return buildTableSheet({
    name: SHEETS.indicators,
    tableName: "Indicateurs",
    columns,
    rows,
    // The référence and the cible come from the plan, which read them from this sheet: rewritten, not kept.
    keyHeaders: [INDICATOR_COLUMNS.id],
    keptHeaders: [],
    cellFormat: (row, col) => (valueColumns.has(col) ? valueFormat(indicators[row].indicator) : undefined),
  });
}

function numberValidation(title: string, message: string): Omit<DataValidationPlan, "range"> {
  return {
    rule: { kind: "decimal", min: 0 },
    prompt: { title, message },
    error: { title: "Valeur refusée", message: "Saisissez un nombre positif ou nul." },
  };
}

function cellNumber(indicator: Indicator, value: number | undefined): CellValue {
  if (value === undefined) return null;
  return indicator.type === "taux" ? value / 100 : value;
}

const STATUS_LIST = STATUSES.join(", ");

function trackingSheet(tracking: Tracking): SheetPlan {
  const columns: ColumnSpec[] = [
    { header: TRACKING_COLUMNS.quarter, width: 10 },
    { header: TRACKING_COLUMNS.axisCode, width: 5 },
    { header: TRACKING_COLUMNS.code, width: 8 },
    { header: TRACKING_COLUMNS.title, width: 38, wrap: true },
    { header: TRACKING_COLUMNS.deadline, width: 10, format: NUMBER_FORMATS.year },
    {
      header: TRACKING_COLUMNS.status,
      width: 13,
      entry: true,
      validation: {
        rule: { kind: "list", values: STATUSES },
        prompt: { title: "Statut de la fiche", message: `Choisissez le statut à la fin du trimestre : ${STATUS_LIST}.` },
        error: { title: "Statut inconnu", message: `Choisissez un statut dans la liste : ${STATUS_LIST}.` },
      },
    },
    {
      header: TRACKING_COLUMNS.progress,
      width: 12,
      entry: true,
      format: NUMBER_FORMATS.percent,
      validation: {
        rule: { kind: "decimal", min: 0, max: 1 },
        prompt: { title: "Avancement", message: "Part de la fiche réalisée, de 0 % à 100 %. Une fiche « Réalisée » est à 100 %." },
        error: { title: "Avancement refusé", message: "L'avancement doit être compris entre 0 % et 100 %." },
      },
    },
    textColumn(TRACKING_COLUMNS.achievements, "Ce qui a été fait ce trimestre."),
    textColumn(TRACKING_COLUMNS.difficulties, "Ce qui a freiné ou bloqué l'action."),
    textColumn(TRACKING_COLUMNS.adjustments, "Ce qui est modifié pour la suite (calendrier, moyens, partenaires…)."),
  ];
  const quarters = quartersBetween(tracking.plan.convention.start, tracking.plan.convention.end);
  const entries = new Map(tracking.statuses.map((entry) => [statusKey(entry.actionCode, entry.quarter), entry]));
  const locked = new Set(tracking.lockedQuarters);
  const actions = locatedActions(tracking.plan);
  const rows: CellValue[][] = [];
  const lockedRows = new Set<number>();
  for (const quarter of quarters) {
    for (const { axis, action } of actions) {
      const entry: StatusEntry | undefined = entries.get(statusKey(action.code, quarter));
      if (locked.has(quarter)) lockedRows.add(rows.length);
      rows.push([
        quarter,
        axis.code,
        action.code,
        action.title,
        deadlineYear(action.deadline) ?? (action.deadline || null),
        entry?.status ?? null,
        entry?.progress === undefined ? null : entry.progress / 100,
        entry?.achievements ?? null,
        entry?.difficulties ?? null,
        entry?.adjustments ?? null,
      ]);
    }
  }
  const col = (header: string) => columnLetter(columnIndexOf(columns, header));
  const status = col(TRACKING_COLUMNS.status);
  const conditionalFormats: ConditionalFormatPlan[] = [];
  if (rows.length > 0) {
    const statusRange = { row: 1, col: columnIndexOf(columns, TRACKING_COLUMNS.status), rows: rows.length, cols: 1 };
    for (const value of STATUSES) {
      conditionalFormats.push({ range: statusRange, formula: `$${status}2="${value}"`, style: { fill: STATUS_COLORS[value].fill, fontColor: STATUS_COLORS[value].font } });
    }
    const deadline = col(TRACKING_COLUMNS.deadline);
    const quarter = col(TRACKING_COLUMNS.quarter);
    conditionalFormats.push({
      range: { row: 1, col: 0, rows: rows.length, cols: columnIndexOf(columns, TRACKING_COLUMNS.deadline) + 1 },
      formula: `AND(ISNUMBER($${deadline}2),$${deadline}2<VALUE(LEFT($${quarter}2,4)),$${status}2<>"Réalisée",$${status}2<>"Abandonnée")`,
      style: { fontColor: COLORS.late, bold: true },
    });
  }
  return buildTableSheet({
    name: SHEETS.tracking,
    tableName: "SuiviFiches",
    tabColor: "#0F6CBD",
    columns,
    rows,
    lockedRows,
    conditionalFormats,
    frozenColumns: 4,
    keyHeaders: [TRACKING_COLUMNS.quarter, TRACKING_COLUMNS.code],
  });
}

function textColumn(header: string, message: string): ColumnSpec {
  return {
    header,
    width: 34,
    entry: true,
    wrap: true,
    format: NUMBER_FORMATS.text,
    validation: {
      rule: { kind: "textLength", max: TEXT_MAX_LENGTH },
      prompt: { title: header, message },
      error: { title: "Texte trop long", message: `${TEXT_MAX_LENGTH} caractères au plus.` },
    },
  };
}

function measurementsSheet(tracking: Tracking): SheetPlan {
  const columns: ColumnSpec[] = [
    { header: MEASUREMENT_COLUMNS.actionCode, width: 9 },
    { header: MEASUREMENT_COLUMNS.id, width: 12 },
    { header: MEASUREMENT_COLUMNS.label, width: 50, wrap: true },
    { header: MEASUREMENT_COLUMNS.type, width: 13 },
    { header: MEASUREMENT_COLUMNS.unit, width: 10 },
    { header: MEASUREMENT_COLUMNS.quarter, width: 10 },
    { header: MEASUREMENT_COLUMNS.value, width: 16, entry: true },
    textColumn(MEASUREMENT_COLUMNS.comment, "Précision sur la valeur : source, périmètre, estimation…"),
  ];
  const quarters = quartersBetween(tracking.plan.convention.start, tracking.plan.convention.end);
  const values = new Map(tracking.measurements.map((entry) => [measurementKey(entry.indicatorId, entry.quarter), entry]));
  const locked = new Set(tracking.lockedQuarters);
  const valueCol = columnIndexOf(columns, MEASUREMENT_COLUMNS.value);
  const rows: CellValue[][] = [];
  const rowIndicators: Indicator[] = [];
  const lockedRows = new Set<number>();
  const validations: DataValidationPlan[] = [];
  for (const { action, indicator } of allIndicators(tracking.plan)) {
    const firstRow = rows.length;
    for (const quarter of measuredQuarters(indicator.periodicity, quarters)) {
      const entry: Measurement | undefined = values.get(measurementKey(indicator.id, quarter));
      if (locked.has(quarter)) lockedRows.add(rows.length);
      rowIndicators.push(indicator);
      rows.push([
        action.code,
        indicator.id,
        indicator.label,
        INDICATOR_TYPE_LABELS[indicator.type],
        indicator.unit ?? null,
        quarter,
        toCellValue(indicator, entry?.value),
        entry?.comment ?? null,
      ]);
    }
    validations.push({ range: { row: firstRow + 1, col: valueCol, rows: rows.length - firstRow, cols: 1 }, ...valueValidation(indicator) });
  }
  return buildTableSheet({
    name: SHEETS.measurements,
    tableName: "Saisies",
    tabColor: "#0F6CBD",
    columns,
    rows,
    lockedRows,
    extraValidations: validations.filter((validation) => validation.range.rows > 0),
    cellFormat: (row, col) => (col === valueCol ? valueFormat(rowIndicators[row]) : undefined),
    frozenColumns: 3,
    keyHeaders: [MEASUREMENT_COLUMNS.id, MEASUREMENT_COLUMNS.quarter],
  });
}

export function toCellValue(indicator: Pick<Indicator, "type">, value: MeasurementValue | undefined): CellValue {
  if (value === undefined) return null;
  if (indicator.type === "oui-non") return value === true ? "Oui" : value === false ? "Non" : String(value);
  if (indicator.type === "taux" && typeof value === "number") return value / 100;
  return value;
}

export function valueFormat(indicator: Pick<Indicator, "type">): string | null {
  switch (indicator.type) {
    case "nombre":
      return NUMBER_FORMATS.integer;
    case "taux":
      return NUMBER_FORMATS.rate;
    case "montant":
      return NUMBER_FORMATS.amount;
    case "echelle":
      return NUMBER_FORMATS.scale;
    default:
      return NUMBER_FORMATS.text;
  }
}

function valueValidation(indicator: Indicator): Omit<DataValidationPlan, "range"> {
  const unit = indicator.unit ? ` (${indicator.unit})` : "";
  const title = INDICATOR_TYPE_LABELS[indicator.type];
  const rule = (kind: ValidationRule, message: string, error: string): Omit<DataValidationPlan, "range"> => ({
    rule: kind,
    prompt: { title, message: truncate(message, 255) },
    error: { title: "Valeur refusée", message: truncate(error, 255) },
  });
  switch (indicator.type) {
    case "nombre":
      return rule({ kind: "whole", min: 0 }, `Nombre entier positif ou nul${unit}.`, "Saisissez un nombre entier positif ou nul, sans décimale.");
    case "taux":
      return rule({ kind: "decimal", min: 0, max: 1 }, "Pourcentage de 0 % à 100 % (tapez 45 pour 45 %).", "Le taux doit être compris entre 0 % et 100 %.");
    case "montant":
      return rule({ kind: "decimal", min: 0 }, "Montant en euros, positif, 2 décimales au plus.", "Saisissez un montant positif ou nul en euros.");
    case "echelle":
      return rule({ kind: "whole", min: SCALE_MIN, max: SCALE_MAX }, `Note entière de ${SCALE_MIN} (faible) à ${SCALE_MAX} (forte).`, `Saisissez une note entière de ${SCALE_MIN} à ${SCALE_MAX}.`);
    case "oui-non":
      return rule({ kind: "list", values: ["Oui", "Non"] }, "Choisissez Oui ou Non.", "Choisissez Oui ou Non dans la liste.");
    case "texte":
      return rule({ kind: "textLength", max: TEXT_MAX_LENGTH }, "Réponse en texte libre.", `${TEXT_MAX_LENGTH} caractères au plus.`);
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function archiveSheet(tracking: Tracking): SheetPlan {
  const headers = Object.values(ARCHIVE_COLUMNS);
  const columns: ColumnSpec[] = headers.map((header) => ({ header, width: header === ARCHIVE_COLUMNS.label ? 40 : 14, wrap: true }));
  const rows = tracking.archive.map((entry) => [
    entry.kind === "statut" ? "Suivi de fiche" : "Saisie d'indicateur",
    entry.quarter,
    entry.actionCode,
    entry.indicatorId ?? null,
    entry.label,
    entry.status ?? null,
    entry.progress === undefined ? null : entry.progress / 100,
    entry.value === undefined ? null : typeof entry.value === "boolean" ? (entry.value ? "Oui" : "Non") : entry.value,
    entry.achievements ?? null,
    entry.difficulties ?? null,
    entry.adjustments ?? null,
    entry.comment ?? null,
  ]);
  const progressCol = headers.indexOf(ARCHIVE_COLUMNS.progress);
  const sheet = buildTableSheet({
    name: SHEETS.archive,
    tableName: "Archives",
    keyHeaders: [ARCHIVE_COLUMNS.kind, ARCHIVE_COLUMNS.quarter, ARCHIVE_COLUMNS.actionCode, ARCHIVE_COLUMNS.id],
    keptHeaders: [],
    tabColor: "#8A8886",
    columns,
    rows,
    cellFormat: (_row, col) => (col === progressCol ? NUMBER_FORMATS.percent : undefined),
  });
  return sheet;
}

/**
 * Names a convention for good, whatever later renames its territory: derived once from what it was created with,
 * then carried over by every update. The consolidation recognises a territory's new file by it.
 */
export function conventionIdentifier(territory: string, start: string, createdAt: string): string {
  let high = 0x811c9dc5;
  let low = 0x01000193;
  for (const char of `${territory}\u0000${start}\u0000${createdAt}`) {
    const code = char.codePointAt(0)!;
    high = Math.imul(high ^ code, 0x01000193) >>> 0;
    low = Math.imul(low ^ code ^ (high >>> 7), 0x5bd1e995) >>> 0;
  }
  return `ctg-${high.toString(16).padStart(8, "0")}-${low.toString(16).padStart(8, "0")}`;
}

function metaSheet(tracking: Tracking, options: BuildOptions): SheetPlan {
  const { convention } = tracking.plan;
  const entries: [string, string][] = [
    [META_KEYS.format, FORMAT_ID],
    [META_KEYS.version, TEMPLATE_VERSION],
    [META_KEYS.territory, convention.territory],
    [META_KEYS.inseeOrSiren, convention.inseeOrSiren ?? ""],
    [META_KEYS.start, convention.start],
    [META_KEYS.end, convention.end],
    [META_KEYS.createdAt, options.createdAt ?? options.now],
    [META_KEYS.updatedAt, options.now],
    [META_KEYS.conventionId, options.conventionId ?? conventionIdentifier(convention.territory, convention.start, options.createdAt ?? options.now)],
  ];
  // One row per quarter, in a fixed place: locking a quarter writes its own cell, so that two people locking two
  // quarters at the same time both keep their lock.
  const locked = new Set(tracking.lockedQuarters);
  const quarters = [...new Set([...quartersBetween(convention.start, convention.end), ...locked])].sort();
  for (const quarter of quarters) entries.push([lockKey(quarter), locked.has(quarter) ? LOCK_VALUES.locked : LOCK_VALUES.open]);
  return {
    name: SHEETS.meta,
    visibility: "veryHidden",
    values: [["cle", "valeur"], ...entries],
    numberFormats: [["@", "@"], ...entries.map(() => ["@", "@"])],
    columnWidths: [24, 40],
    styles: [],
    validations: [],
    conditionalFormats: [],
    tables: [],
    merges: [],
    protect: true,
    // A lock is written in its quarter's cell by the lock command: an update keeps that cell as it is.
    keyed: { keyColumns: [0], entryColumns: [1], entryRows: entries.flatMap(([key], index) => (key.startsWith(META_KEYS.lockPrefix) ? [index + 1] : [])) },
  };
}
