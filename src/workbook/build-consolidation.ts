/**
 * The consolidation workbook's contract (docs/format-consolidation.md): its sheets, columns and rows. The add-in
 * builds sheet plans from it; the CLI streams the same columns and rows into a file.
 */
import { bilanLabels } from "../labels/catalog";
import type { StatusOrNone } from "../domain/dashboard";
import { type FieldSummary, type FieldTally, STATUS_COLUMNS, type StatusRow, type TerritorySummary, type ValueRow } from "../domain/consolidation";
import { type IsoDate, formatFrenchDate, isoToExcelSerial } from "../domain/dates";
import type { MeasurementValue } from "../domain/tracking";
import { INDICATOR_TYPE_LABELS, type IndicatorType, matchIndicatorType } from "../domain/vocabulary";
import { toCellValue, valueFormat } from "./build-tableau";
import { STATUS_CHART_COLORS } from "./build-report";
import { NUMBER_FORMATS } from "./layout";
import { CHART_NAME_PREFIX, type CellValue, type ChartPlan, type RangeRef, type SheetPlan, type WorkbookPlan } from "./sheet-plan";
import { type ColumnSpec, buildTableSheet } from "./table-sheet";

export const CONSOLIDATION_FORMAT_ID = "ctg-suivi/consolidation";
export const CONSOLIDATION_VERSION = "1.0";

const c = bilanLabels.consolidation.headers;

export const CONSOLIDATION_SHEETS = {
  ...bilanLabels.consolidation.sheets,
  tallies: "_ctg_champs",
  meta: "_ctg_conso",
} as const;

export type IntakeLabel = "accepted" | "warnings" | "rejected";
export const INTAKE_LABELS: Record<IntakeLabel, string> = bilanLabels.consolidation.intake;

const DATE = "dd/mm/yyyy";
const DATE_TIME = "dd/mm/yyyy hh:mm";
const COUNT = "0";
const KEY_HEADER = c.key;
const key: ColumnSpec = { header: KEY_HEADER, width: 30, hidden: true };
const statusCounts: ColumnSpec[] = STATUS_COLUMNS.map((status) => ({ header: status, width: 13, format: COUNT }));

export const TERRITORY_COLUMNS: ColumnSpec[] = [
  { header: c.territory, width: 36, wrap: true },
  { header: c.code, width: 14, format: "@" },
  { header: c.start, width: 11, format: DATE },
  { header: c.end, width: 11, format: DATE },
  { header: c.referenceQuarter, width: 12 },
  { header: c.actions, width: 8, format: COUNT },
  ...statusCounts,
  { header: c.percentDone, width: 10, format: NUMBER_FORMATS.rate },
  { header: c.late, width: 9, format: COUNT },
  // Wide enough that bold headers break between words, never inside one.
  { header: c.actionsFollowed, width: 12, format: COUNT },
  { header: c.valuesFilled, width: 12, format: COUNT },
  { header: c.valuesExpected, width: 12, format: COUNT },
  { header: c.completeness, width: 13, format: NUMBER_FORMATS.rate },
  { header: c.file, width: 28, wrap: true },
  { header: c.savedAt, width: 16, format: DATE_TIME },
  { header: c.template, width: 9, format: "@" },
  key,
];

export const FIELD_COLUMNS: ColumnSpec[] = [
  { header: c.field, width: 30, wrap: true },
  { header: c.territories, width: 11, format: COUNT },
  { header: c.actions, width: 8, format: COUNT },
  ...statusCounts,
  { header: c.percentDone, width: 10, format: NUMBER_FORMATS.rate },
  { header: c.late, width: 9, format: COUNT },
];

export const STATUS_ROW_COLUMNS: ColumnSpec[] = [
  { header: c.territory, width: 30 },
  { header: c.quarter, width: 10 },
  { header: c.axis, width: 6, format: "@" },
  { header: c.actionCode, width: 8, format: "@" },
  { header: c.actionTitle, width: 40, wrap: true },
  { header: c.fields, width: 24, wrap: true },
  { header: c.deadline, width: 10, format: "@" },
  { header: c.status, width: 12 },
  { header: c.progress, width: 11, format: NUMBER_FORMATS.percent },
  { header: c.achievements, width: 40, wrap: true, format: "@" },
  { header: c.difficulties, width: 40, wrap: true, format: "@" },
  { header: c.adjustments, width: 40, wrap: true, format: "@" },
  key,
];

export const VALUE_ROW_COLUMNS: ColumnSpec[] = [
  { header: c.territory, width: 30 },
  { header: c.quarter, width: 10 },
  { header: c.indicatorActionCode, width: 9, format: "@" },
  { header: c.indicatorId, width: 12, format: "@" },
  { header: c.indicator, width: 40, wrap: true },
  { header: c.type, width: 13 },
  { header: c.unit, width: 10 },
  { header: c.baseline, width: 12 },
  { header: c.target, width: 12 },
  // A text indicator's value can be a sentence.
  { header: c.value, width: 16, wrap: true },
  { header: c.comment, width: 40, wrap: true, format: "@" },
  key,
];

export const REPORT_COLUMNS: ColumnSpec[] = [
  { header: c.file, width: 36, wrap: true },
  { header: c.status, width: 27 },
  { header: c.territory, width: 30, wrap: true },
  { header: c.reasons, width: 90, wrap: true },
];

export const TALLY_COLUMNS: ColumnSpec[] = [
  key,
  { header: c.tallyField, width: 30 },
  { header: c.actions, width: 8 },
  ...statusCounts,
  { header: c.late, width: 9 },
];

/** A row of cells with, where a column's format does not fit, the cell's own format. */
export interface SheetRow {
  values: CellValue[];
  formats?: (string | null)[];
}

/** The name people know a file by, without the folders it was picked from. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function dateSerial(iso: string | undefined): CellValue {
  if (!iso) return null;
  const day = iso.slice(0, 10);
  const serial = isoToExcelSerial(day);
  if (iso.length <= 10) return serial;
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? serial : serial + (time.getUTCHours() * 3600 + time.getUTCMinutes() * 60 + time.getUTCSeconds()) / 86400;
}

export function territoryRow(summary: TerritorySummary): SheetRow {
  const completeness = summary.valuesExpected === 0 ? null : summary.valuesFilled / summary.valuesExpected;
  return {
    values: [
      summary.territory,
      summary.code ?? null,
      dateSerial(summary.start),
      dateSerial(summary.end),
      summary.referenceQuarter,
      summary.actions,
      ...STATUS_COLUMNS.map((status) => summary.counts[status]),
      summary.done,
      summary.late,
      summary.statusesFilled,
      summary.valuesFilled,
      summary.valuesExpected,
      completeness,
      fileName(summary.file),
      dateSerial(summary.savedAt),
      summary.templateVersion,
      summary.key,
    ],
  };
}

export function fieldRow(summary: FieldSummary): SheetRow {
  return {
    values: [summary.field, summary.territories, summary.actions, ...STATUS_COLUMNS.map((status) => summary.counts[status]), summary.done, summary.late],
  };
}

export function tallyRow(tally: FieldTally): SheetRow {
  return { values: [tally.key, tally.field, tally.actions, ...STATUS_COLUMNS.map((status) => tally.counts[status]), tally.late] };
}

export function statusSheetRow(territory: string, territoryKey: string, row: StatusRow): SheetRow {
  return {
    values: [
      territory,
      row.quarter,
      row.axisCode,
      row.code,
      row.title,
      row.fields.join("\n") || null,
      row.deadline,
      row.status ?? null,
      row.progress === undefined ? null : row.progress / 100,
      row.achievements ?? null,
      row.difficulties ?? null,
      row.adjustments ?? null,
      territoryKey,
    ],
  };
}

/** A value as the tableau stores it (rates as fractions, yes/no as Oui/Non), with the tableau's format for its type. */
function typedValue(type: IndicatorType, value: MeasurementValue | undefined): { value: CellValue; format: string | null } {
  if (value === undefined) return { value: null, format: null };
  return { value: toCellValue({ type }, value), format: typeof value === "number" ? valueFormat({ type }) : NUMBER_FORMATS.text };
}

/** The per-cell formats of a stored Indicateurs row, found again from its "Type" label. */
export function valueFormats(typeLabel: string, cells: readonly CellValue[]): (string | null)[] {
  const type = matchIndicatorType(typeLabel);
  const format = (cell: CellValue | undefined) =>
    typeof cell === "number" && type ? valueFormat({ type }) : typeof cell === "string" ? NUMBER_FORMATS.text : null;
  return valueRowFormats(format(cells[7]), format(cells[8]), format(cells[9]));
}

const VALUE_ROW_FORMATS = new Map<string, (string | null)[]>();

/**
 * The formats of an Indicateurs row: a few types give a few patterns, so rows share them (the task pane keeps
 * every row of a batch until it writes; nothing may change a pattern in place).
 */
function valueRowFormats(baseline: string | null, target: string | null, value: string | null): (string | null)[] {
  const key = `${baseline}\u0000${target}\u0000${value}`;
  let formats = VALUE_ROW_FORMATS.get(key);
  if (!formats) {
    formats = [null, null, null, null, null, null, null, baseline, target, value, null, null];
    VALUE_ROW_FORMATS.set(key, formats);
  }
  return formats;
}

export function valueSheetRow(territory: string, territoryKey: string, row: ValueRow): SheetRow {
  const baseline = typedValue(row.type, row.baseline);
  const target = typedValue(row.type, row.target);
  const value = typedValue(row.type, row.value);
  return {
    values: [
      territory,
      row.quarter,
      row.actionCode,
      row.indicatorId,
      row.label,
      INDICATOR_TYPE_LABELS[row.type],
      row.unit ?? null,
      baseline.value,
      target.value,
      value.value,
      row.comment ?? null,
      territoryKey,
    ],
    formats: valueRowFormats(baseline.format, target.format, value.format),
  };
}

export function reportRow(item: { file: string; status: IntakeLabel; territory?: string; reasons: string[] }): SheetRow {
  return { values: [fileName(item.file), INTAKE_LABELS[item.status], item.territory ?? null, item.reasons.join("\n") || null] };
}

export function metaRows(now: string): SheetRow[] {
  return [
    { values: ["cle", "valeur"] },
    { values: ["format", CONSOLIDATION_FORMAT_ID] },
    { values: ["version", CONSOLIDATION_VERSION] },
    { values: ["mis_a_jour_le", now] },
  ];
}

/** Index of the territory key in a long table's row, to drop a territory's rows when its newer file comes. */
export function keyColumn(columns: readonly ColumnSpec[]): number {
  return columns.findIndex((column) => column.header === KEY_HEADER);
}

// ——— The add-in's plan: everything in memory, with native charts on the synthesis sheets. ———

export interface ConsolidationContent {
  territories: SheetRow[];
  fields: SheetRow[];
  tallies: SheetRow[];
  statuses: SheetRow[];
  values: SheetRow[];
  report: SheetRow[];
  now: string;
}

function tableSheet(name: string, tableName: string, columns: ColumnSpec[], rows: SheetRow[], hidden = false): SheetPlan {
  const sheet = buildTableSheet({
    name,
    tableName,
    columns,
    rows: rows.map((row) => row.values),
    cellFormat: (row, col) => rows[row].formats?.[col] ?? undefined,
    frozenColumns: 1,
  });
  // The consolidation belongs to the Caf: sort and filter freely, nothing to protect.
  return { ...sheet, protect: false, ...(hidden ? { visibility: "hidden" as const } : {}) };
}

function statusChart(name: string, title: string, sheetRows: number, labelCol: number): ChartPlan {
  return {
    name: `${CHART_NAME_PREFIX}${name}`,
    kind: "barStacked",
    title,
    data: { row: 0, col: labelCol, rows: sheetRows + 1, cols: 1 + STATUS_COLUMNS.length },
    seriesBy: "columns",
    anchor: { row: sheetRows + 3, col: 0, rows: Math.max(14, Math.min(40, sheetRows + 6)), cols: 9 },
    colors: STATUS_COLUMNS.map((status: StatusOrNone) => STATUS_CHART_COLORS[status]),
  };
}

/** A synthesis sheet: its table, where its chart's data sits, and its chart. */
export interface ChartedSynthesis {
  /** The table's columns, then a narrow gap, then the chart's label and status counts. */
  columns: ColumnSpec[];
  rows: SheetRow[];
  chart?: ChartPlan;
  /** Columns of the table itself (its filter), before the chart's data. */
  tableColumns: number;
}

const SYNTHESES = {
  territories: { labelCol: 0, firstStatusCol: 6, name: "StatutsParTerritoire", title: bilanLabels.consolidation.charts.perTerritory },
  fields: { labelCol: 0, firstStatusCol: 3, name: "StatutsParChamp", title: bilanLabels.consolidation.charts.perField },
} as const;

/**
 * Charts need their labels next to their figures: a synthesis sheet carries, right of its table, a small block
 * with the label and the status counts of each row, and its chart under the table. The same in the add-in and in
 * the file the command line writes.
 */
export function chartedSynthesis(kind: keyof typeof SYNTHESES, columns: readonly ColumnSpec[], rows: readonly SheetRow[], made: IsoDate): ChartedSynthesis {
  const { labelCol, firstStatusCol, name, title } = SYNTHESES[kind];
  const block = columns.length + 1;
  const blockColumns: ColumnSpec[] = [
    { header: "", width: 2 },
    { header: columns[labelCol].header, width: 24 },
    ...STATUS_COLUMNS.map((status) => ({ header: status, width: 10 })),
  ];
  return {
    columns: [...columns, ...blockColumns],
    rows: rows.map((row) => ({
      values: [
        ...row.values,
        ...Array<null>(columns.length - row.values.length).fill(null),
        null,
        row.values[labelCol] ?? null,
        ...STATUS_COLUMNS.map((_, index) => row.values[firstStatusCol + index] ?? null),
      ],
      ...(row.formats ? { formats: row.formats } : {}),
    })),
    ...(rows.length > 0 ? { chart: statusChart(name, title(formatFrenchDate(made)), rows.length, block) } : {}),
    tableColumns: columns.length,
  };
}

/** The synthesis as a sheet of the add-in's plan: the table, then its chart's data, and the chart. */
function withStatusChart(sheet: SheetPlan, synthesis: ChartedSynthesis): SheetPlan {
  if (!synthesis.chart) return sheet;
  const values = sheet.values.map((row, r) => [
    ...row,
    ...(r === 0
      ? synthesis.columns.slice(synthesis.tableColumns).map((column) => column.header || null)
      : synthesis.rows[r - 1].values.slice(synthesis.tableColumns)),
  ]);
  const numberFormats = (sheet.numberFormats ?? []).map((row) => [...row, ...Array<null>(synthesis.columns.length - synthesis.tableColumns).fill(null)]);
  return {
    ...sheet,
    values,
    numberFormats,
    columnWidths: synthesis.columns.map((column) => column.width),
    charts: [synthesis.chart],
    page: { ...(sheet.page ?? { orientation: "landscape", fitToWidth: true }), printArea: synthesisPrintArea(synthesis) },
  };
}

/**
 * What a synthesis prints: its table down to its chart, and of its columns those a reader compares territories by
 * (up to the completeness; the file's name, date and template, wide, are for the Caf's own checks).
 */
export function synthesisPrintArea(synthesis: ChartedSynthesis): RangeRef {
  const chartEnd = synthesis.chart ? synthesis.chart.anchor.row + synthesis.chart.anchor.rows + 1 : 0;
  const lastPrinted = synthesis.columns.findIndex((column) => column.header === c.completeness);
  return { row: 0, col: 0, rows: Math.max(synthesis.rows.length + 1, chartEnd), cols: lastPrinted >= 0 ? lastPrinted + 1 : synthesis.tableColumns };
}

export function buildConsolidationPlan(content: ConsolidationContent): WorkbookPlan {
  const territories = withStatusChart(
    tableSheet(CONSOLIDATION_SHEETS.territories, bilanLabels.consolidation.tables.territories, TERRITORY_COLUMNS, content.territories),
    chartedSynthesis("territories", TERRITORY_COLUMNS, content.territories, content.now.slice(0, 10)),
  );
  const fields = withStatusChart(
    tableSheet(CONSOLIDATION_SHEETS.fields, bilanLabels.consolidation.tables.fields, FIELD_COLUMNS, content.fields),
    chartedSynthesis("fields", FIELD_COLUMNS, content.fields, content.now.slice(0, 10)),
  );
  const meta: SheetPlan = {
    name: CONSOLIDATION_SHEETS.meta,
    visibility: "veryHidden",
    values: metaRows(content.now).map((row) => row.values),
    numberFormats: metaRows(content.now).map(() => ["@", "@"]),
    columnWidths: [20, 40],
    styles: [],
    validations: [],
    conditionalFormats: [],
    tables: [],
    merges: [],
    protect: false,
  };
  return {
    sheets: [
      territories,
      fields,
      tableSheet(CONSOLIDATION_SHEETS.statuses, bilanLabels.consolidation.tables.statuses, STATUS_ROW_COLUMNS, content.statuses),
      tableSheet(CONSOLIDATION_SHEETS.values, bilanLabels.consolidation.tables.values, VALUE_ROW_COLUMNS, content.values),
      tableSheet(CONSOLIDATION_SHEETS.report, bilanLabels.consolidation.tables.report, REPORT_COLUMNS, content.report),
      tableSheet(CONSOLIDATION_SHEETS.tallies, bilanLabels.consolidation.tables.tallies, TALLY_COLUMNS, content.tallies, true),
      meta,
    ],
    activeSheet: CONSOLIDATION_SHEETS.territories,
    arrange: false,
  };
}

// ——— Reading a consolidation back, to merge a new batch into it. ———

/** "Enregistré le" back to ISO. */
export function storedSavedAt(cell: CellValue): string | undefined {
  if (typeof cell !== "number" || !Number.isFinite(cell)) return undefined;
  return new Date(Math.round((cell - isoToExcelSerial("1970-01-01")) * 86_400_000)).toISOString();
}

/** A stored Synthèse territoires row: who it is and when its file was saved, to judge a newer file. */
export function storedTerritory(values: readonly CellValue[]): { key: string; territory: string; code?: string; savedAt?: string } | undefined {
  const key = values[keyColumn(TERRITORY_COLUMNS)];
  if (typeof key !== "string" || key === "") return undefined;
  const savedAt = storedSavedAt(values[TERRITORY_COLUMNS.findIndex((column) => column.header === c.savedAt)] ?? null);
  const code = String(values[TERRITORY_COLUMNS.findIndex((column) => column.header === c.code)] ?? "").trim();
  return { key, territory: String(values[0] ?? ""), ...(code ? { code } : {}), ...(savedAt ? { savedAt } : {}) };
}

/** A stored tally row back to its figures, to sum the champs again with the new batch. */
export function storedTally(values: readonly CellValue[]): FieldTally | undefined {
  const [key, field, actions] = values;
  if (typeof key !== "string" || typeof field !== "string" || typeof actions !== "number") return undefined;
  const counts = Object.fromEntries(STATUS_COLUMNS.map((status, index) => [status, numberOr0(values[3 + index])])) as FieldTally["counts"];
  return { key, field: field as FieldTally["field"], actions, counts, late: numberOr0(values[3 + STATUS_COLUMNS.length]) };
}

function numberOr0(cell: CellValue | undefined): number {
  return typeof cell === "number" ? cell : 0;
}
