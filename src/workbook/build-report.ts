/** A bilan as a printable sheet: statuses per axe, late fiches, indicators and difficulties, in French. */
import { NOT_ENTERED, type StatusOrNone } from "../domain/dashboard";
import type { Report } from "../domain/report";
import type { MeasurementValue } from "../domain/tracking";
import { AGGREGATION_LABELS, STATUSES } from "../domain/vocabulary";
import { COLORS } from "./layout";
import type { CellStyle, CellValue, SheetPlan, StyledRange } from "./sheet-plan";
import { wrappedRowHeights } from "./sheet-plan";

const WIDTHS = [8, 46, 14, 12, 12, 12, 12, 12, 14, 14];
const HEADER: CellStyle = { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont, wrap: true, border: true, borderColor: COLORS.border, verticalAlignment: "center" };
const BODY: CellStyle = { border: true, borderColor: COLORS.border, wrap: true, verticalAlignment: "top" };
const PERCENT = '0.0" %"';

export function reportSheetName(report: Report, cdsf: boolean): string {
  const base = report.kind === "annual" ? report.title.replace("Point d'étape", "Bilan") : report.title;
  return cdsf ? `${base} CDSF` : base;
}

function display(value: MeasurementValue | undefined): CellValue {
  if (value === undefined) return null;
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  return value;
}

export function buildReportSheet(report: Report, options: { cdsf?: boolean } = {}): SheetPlan {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const styles: StyledRange[] = [];
  const push = (row: CellValue[], rowFormats: (string | null)[] = []) => {
    values.push(row);
    formats.push(row.map((_, col) => rowFormats[col] ?? null));
    return values.length - 1;
  };
  const headerRows: number[] = [];
  const table = (header: string[], rows: CellValue[][], rowFormats: (string | null)[] = []) => {
    const first = push(header);
    headerRows.push(first);
    styles.push({ range: { row: first, col: 0, rows: 1, cols: header.length }, style: HEADER });
    for (const row of rows) push(row, rowFormats);
    if (rows.length > 0) styles.push({ range: { row: first + 1, col: 0, rows: rows.length, cols: header.length }, style: BODY });
    push([]);
  };
  const section = (title: string) => {
    const row = push([title]);
    styles.push({ range: { row, col: 0, rows: 1, cols: 1 }, style: { bold: true, fontSize: 12, fontColor: COLORS.title } });
  };

  const titleRow = push([`${report.title}${options.cdsf ? " — extrait petite enfance (CDSF)" : ""} — ${report.territory}`]);
  styles.push({ range: { row: titleRow, col: 0, rows: 1, cols: 1 }, style: { bold: true, fontSize: 14, fontColor: COLORS.title } });
  push([`Période couverte : ${report.period.first} à ${report.period.last}. Fiches réalisées : ${String(report.statuses.percentDone).replace(".", ",")} %.`]);
  push([
    `Complétude : ${report.completeness.statusesFilled} suivis de fiche sur ${report.completeness.statusesExpected} attendus, ${report.completeness.valuesFilled} valeurs d'indicateur sur ${report.completeness.valuesExpected}.`,
  ]);
  push([]);

  const statuses: StatusOrNone[] = [...STATUSES, NOT_ENTERED];
  section("Statuts des fiches actions à la fin de la période");
  table(
    ["Axe", "Intitulé", ...statuses, "Avancement moyen"],
    [
      ...report.statuses.perAxis.map(({ axis, counts, averageProgress }) => [axis.code, axis.title, ...statuses.map((status) => counts[status]), averageProgress ?? null]),
      ["", "Ensemble", ...statuses.map((status) => report.statuses.overall[status]), null],
    ],
    [null, null, ...statuses.map(() => "0"), PERCENT],
  );

  section(`Fiches en retard (${report.late.length})`);
  table(
    ["Code", "Fiche action", "Échéance", "Statut"],
    report.late.map((figures) => [figures.action.code, figures.action.title, figures.action.deadline, figures.status]),
  );

  section("Indicateurs d'évaluation");
  table(
    ["Code", "Indicateur", "Agrégation", "Référence", "Valeur", "Cible", "% de la cible", ...(report.kind === "final" ? ["Évolution"] : [])],
    report.indicators.map((figures) => [
      figures.actionCode,
      figures.indicator.label,
      AGGREGATION_LABELS[figures.indicator.aggregation],
      figures.baseline ?? null,
      display(figures.value),
      figures.target ?? null,
      figures.percentOfTarget ?? null,
      ...(report.kind === "final" ? [figures.changeFromBaseline ?? null] : []),
    ]),
    [null, null, null, null, null, null, PERCENT],
  );

  section("Dernières difficultés et ajustements");
  table(
    ["Code", "Difficultés", "Trimestre", "Ajustements"],
    report.actions
      .filter((figures) => figures.latestDifficulties || figures.latestAdjustments)
      .map((figures) => [figures.action.code, figures.latestDifficulties?.text ?? null, figures.latestDifficulties?.quarter ?? figures.latestAdjustments?.quarter ?? null, figures.latestAdjustments?.text ?? null]),
  );

  return {
    name: reportSheetName(report, options.cdsf ?? false),
    visibility: "visible",
    tabColor: "#8764B8",
    values,
    numberFormats: formats,
    columnWidths: WIDTHS,
    rowHeights: {
      ...wrappedRowHeights(values, WIDTHS, new Set([1, 3])),
      // Headers wrap in every column.
      ...Object.fromEntries(headerRows.flatMap((row) => Object.values(wrappedRowHeights([values[row]], WIDTHS, new Set(WIDTHS.keys()))).map((height) => [row, height]))),
    },
    styles,
    validations: [],
    conditionalFormats: [],
    tables: [],
    merges: [],
    protect: false,
    page: { orientation: "landscape", fitToWidth: true, printTitleRows: { first: 0, last: 0 } },
  };
}
