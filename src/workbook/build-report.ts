/** A bilan as a printable sheet: statuses per axe, late fiches, indicators and difficulties, in French. */
import { bilanLabels, sentence } from "../labels/catalog";
import { formatFrenchDate } from "../domain/dates";
import { quarterLabel } from "../domain/quarters";
import { yesNoCell } from "./sheets/value-cells";
import { NOT_ENTERED, type StatusOrNone } from "../domain/dashboard";
import type { Report } from "../domain/report";
import type { MeasurementValue } from "../domain/tracking";
import { AGGREGATION_LABELS, STATUSES } from "../domain/vocabulary";
import { COLORS, NUMBER_FORMATS } from "./layout";
import type { CellStyle, CellValue, ChartPlan, RangeRef, SheetPlan, StyledRange } from "./sheet-plan";
import { CHART_NAME_PREFIX, wrappedRowHeights } from "./sheet-plan";
import { HEADER_STYLE } from "./table-sheet";
import type { IndicatorFigures } from "../domain/report";

const WIDTHS = [8, 46, 14, 12, 12, 12, 12, 12, 14, 14];
const HEADER = HEADER_STYLE;
const BODY: CellStyle = { border: true, borderColor: COLORS.border, wrap: true, verticalAlignment: "top" };
/** Figures already in percent (45.2 for 45,2 %): a rate shown with its sign, never a bare number. */
const PERCENT = '0.0" %"';
/** What a table shows where a figure is missing, so that a printed blank is never mistaken for a zero. */
export const MISSING = "—";

/** Chart colours per status, the same in the workbook and in the COPIL deck. */
export const STATUS_CHART_COLORS: Record<StatusOrNone, string> = {
  "À lancer": "#A6A6A6",
  "En cours": "#2F75B5",
  Réalisée: "#548235",
  Reportée: "#ED7D31",
  Abandonnée: "#7F2A2A",
  [NOT_ENTERED]: "#D9D9D9",
};
/** Beyond this, a bar per indicator is no longer readable; the chart says how many it shows. */
export const MAX_CHARTED_INDICATORS = 30;
/** Chart data starts in column B, the wide one, so that long labels stay on one line. */
const DATA_COL = 1;
/** A bilan lists the first values to confirm; the pane's Vérifier and ctg check list them all. */
const MAX_LISTED_FINDINGS = 30;

export interface ReportSheetOptions {
  cdsf?: boolean;
  /** Add native charts, with the block of their data at the end of the sheet. */
  charts?: boolean;
  /** Indicator whose quarterly series gets a line chart; by default the numeric one with the most values. */
  seriesIndicatorId?: string;
}

export function reportSheetName(report: Report, cdsf: boolean): string {
  const base = report.kind === "annual" ? words.annualSheetName(report.title.replace(words.annualTitlePrefix, "").trim()) : report.title;
  return cdsf ? `${base}${words.cdsfSuffix}` : base;
}

function display(value: MeasurementValue | undefined): CellValue {
  if (value === undefined) return MISSING;
  if (typeof value === "boolean") return yesNoCell(value);
  return value;
}

const orMissing = (value: number | undefined): CellValue => value ?? MISSING;

/** How an indicator's figures print: a taux with « % », a montant in euros, a count with its thousands. */
function figureFormat(type: IndicatorFigures["indicator"]["type"]): string | null {
  switch (type) {
    case "taux":
      return PERCENT;
    case "montant":
      return NUMBER_FORMATS.amount;
    case "nombre":
      return NUMBER_FORMATS.integer;
    default:
      return null;
  }
}

/** The indicator whose series a line chart shows: the one asked for, else the numeric one with the most values. */
export function seriesIndicator(report: Report, indicatorId?: string): IndicatorFigures | undefined {
  const numeric = report.indicators.filter((figures) => figures.perQuarter.some((point) => typeof point.value === "number"));
  if (indicatorId !== undefined) return numeric.find((figures) => figures.indicator.id === indicatorId);
  const count = (figures: IndicatorFigures) => figures.perQuarter.filter((point) => typeof point.value === "number").length;
  return numeric.reduce<IndicatorFigures | undefined>((best, figures) => (best === undefined || count(figures) > count(best) ? figures : best), undefined);
}

/** Cuts a label to `max` characters with an ellipsis, for chart categories and slide titles. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const words = bilanLabels.sheet;
const h = bilanLabels.sheet.headers;

interface SheetWriter {
  section: (title: string) => void;
  table: (header: string[], rows: CellValue[][]) => number;
  push: (row: CellValue[]) => number;
}

/**
 * The written evaluation of the period: what changed for the inhabitants, on what evidence, what to adjust, and per
 * axe its synthesis and the COPIL's decisions. Each text gets the wide column of its own table: a long text in a
 * narrow column would print one word per line.
 */
function writeEvaluation(report: Report, { section, table, push }: SheetWriter): void {
  const fiches = report.actions.flatMap((figures) => figures.evaluations.map((entry) => ({ code: figures.action.code, entry })));
  const axes = report.statuses.perAxis.flatMap(({ axis, evaluations }) => evaluations.map((entry) => ({ code: axis.code, entry })));
  section(words.sections.effects);
  const { none, ...counts } = report.appreciations;
  push([words.appreciations(counts, none)]);
  if (fiches.length === 0 && axes.length === 0) {
    push([words.noEvaluation]);
    push([]);
    return;
  }
  table(
    [h.code, h.effects, h.year, h.appreciation],
    fiches
      .filter(({ entry }) => entry.effects || entry.appreciation)
      .map(({ code, entry }) => [code, entry.effects ?? MISSING, entry.year, entry.appreciation ?? MISSING]),
  );
  const texts = <T extends { year: number }>(rows: { code: string; entry: T }[], text: (entry: T) => string | undefined, header: string, first: string) => {
    const shown = rows.filter(({ entry }) => text(entry));
    if (shown.length > 0)
      table(
        [first, header, h.year],
        shown.map(({ code, entry }) => [code, text(entry)!, entry.year]),
      );
  };
  section(words.sections.evidence);
  texts(fiches, (entry) => entry.evidence, h.evidence, h.code);
  texts(fiches, (entry) => entry.adjustments, h.proposedAdjustments, h.code);
  if (axes.length > 0) {
    section(words.sections.axes);
    texts(axes, (entry) => entry.synthesis, h.synthesis, h.axis);
    texts(axes, (entry) => entry.decisions, h.decisions, h.axis);
  }
}

export function buildReportSheet(report: Report, options: ReportSheetOptions = {}): SheetPlan {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const styles: StyledRange[] = [];
  const push = (row: CellValue[], rowFormats: (string | null)[] = []) => {
    values.push(row);
    formats.push(row.map((_, col) => rowFormats[col] ?? null));
    return values.length - 1;
  };
  const headerRows: number[] = [];
  const bodyRows: number[] = [];
  const table = (header: string[], rows: CellValue[][], rowFormats: (string | null)[] | ((index: number) => (string | null)[]) = [], col = 0) => {
    const pad = <T>(row: T[]): (T | null)[] => [...Array<null>(col).fill(null), ...row];
    const first = push(pad(header));
    headerRows.push(first);
    styles.push({ range: { row: first, col, rows: 1, cols: header.length }, style: HEADER });
    rows.forEach((row, index) => bodyRows.push(push(pad(row), pad(typeof rowFormats === "function" ? rowFormats(index) : rowFormats))));
    // A column of figures aligns right, the dashes of its missing figures with them: one range per column, not per cell.
    if (rows.length > 0)
      header.forEach((_, at) => {
        const cells = rows.map((row) => row[at]);
        if (cells.some((value) => value === MISSING) && cells.every((value) => typeof value === "number" || value === MISSING || value === null))
          styles.push({ range: { row: first + 1, col: col + at, rows: rows.length, cols: 1 }, style: { horizontalAlignment: "right" } });
      });
    if (rows.length > 0) styles.push({ range: { row: first + 1, col, rows: rows.length, cols: header.length }, style: BODY });
    push([]);
    return first;
  };
  const section = (title: string) => {
    const row = push([title]);
    styles.push({ range: { row, col: 0, rows: 1, cols: 1 }, style: { bold: true, fontSize: 12, fontColor: COLORS.title } });
  };

  const titleRow = push([words.title(report.title, options.cdsf ?? false, report.territory, report.provisional ? formatFrenchDate(report.asOf) : undefined)]);
  styles.push({ range: { row: titleRow, col: 0, rows: 1, cols: 1 }, style: { bold: true, fontSize: 14, fontColor: COLORS.title } });
  push([words.period(quarterLabel(report.period.first), quarterLabel(report.period.last), formatFrenchDate(report.asOf), report.statuses.percentDone)]);
  const { completeness } = report;
  push([words.completeness(completeness.statusesFilled, completeness.statusesExpected, completeness.valuesFilled, completeness.valuesExpected)]);
  push([]);

  const statuses: StatusOrNone[] = [...STATUSES, NOT_ENTERED];
  const charted = report.indicators.filter((figures) => figures.percentOfTarget !== undefined);
  const series = options.charts ? seriesIndicator(report, options.seriesIndicatorId) : undefined;
  // Charts sit above the tables; their rows are reserved now and their data written at the end of the sheet.
  const chartSlots: { kind: "axes" | "overall" | "targets" | "series"; anchor: RangeRef }[] = [];
  if (options.charts) {
    section(words.sections.charts);
    const reserve = (rows: number) => {
      const first = values.length;
      for (let index = 0; index < rows; index++) push([]);
      return first;
    };
    const top = reserve(18);
    chartSlots.push({ kind: "axes", anchor: { row: top, col: 0, rows: 18, cols: 2 } }, { kind: "overall", anchor: { row: top, col: 2, rows: 18, cols: 6 } });
    if (charted.length > 0) {
      const rows = Math.max(12, Math.ceil(Math.min(charted.length, MAX_CHARTED_INDICATORS) * 1.2) + 5);
      chartSlots.push({ kind: "targets", anchor: { row: reserve(rows + 1), col: 0, rows, cols: 8 } });
    }
    if (series) chartSlots.push({ kind: "series", anchor: { row: reserve(17), col: 0, rows: 16, cols: 8 } });
    push([]);
  }
  section(words.sections.statuses);
  table(
    [h.axis, h.title, ...statuses, h.averageProgress],
    [
      ...report.statuses.perAxis.map(({ axis, counts, averageProgress }) => [
        axis.code,
        axis.title,
        ...statuses.map((status) => counts[status]),
        orMissing(averageProgress),
      ]),
      ["", h.overall, ...statuses.map((status) => report.statuses.overall[status]), MISSING],
    ],
    [null, null, ...statuses.map(() => "0"), PERCENT],
  );

  section(words.sections.late(report.late.length));
  table(
    [h.code, h.action, h.deadline, h.status],
    report.late.map((figures) => [figures.action.code, figures.action.title, figures.action.deadline, figures.status]),
  );

  section(words.sections.indicators);
  table(
    [h.code, h.indicator, h.aggregation, h.baseline, h.value, h.target, h.percentOfTarget, ...(report.kind === "final" ? [h.change] : [])],
    report.indicators.map((figures) => [
      figures.actionCode,
      figures.indicator.label,
      AGGREGATION_LABELS[figures.indicator.aggregation],
      orMissing(figures.baseline),
      display(figures.value),
      orMissing(figures.target),
      orMissing(figures.percentOfTarget),
      ...(report.kind === "final" ? [orMissing(figures.changeFromBaseline)] : []),
    ]),
    (index) => {
      const format = figureFormat(report.indicators[index].indicator.type);
      return [null, null, null, format, format, format, PERCENT, format];
    },
  );

  writeEvaluation(report, { section, table, push });

  if (report.toConfirm.length > 0) {
    section(words.sections.toConfirm(report.toConfirm.length));
    push([words.toConfirmIntro]);
    const shown = report.toConfirm.slice(0, MAX_LISTED_FINDINGS);
    table(
      // The reason in the wide column, as the difficulties below.
      [h.entry, h.reason, h.quarter],
      shown.map((finding) => [
        finding.place.kind === "value" ? finding.place.indicatorId : finding.place.actionCode,
        sentence(finding.message),
        finding.place.quarter,
      ]),
    );
    if (report.toConfirm.length > shown.length) push([words.toConfirmMore(report.toConfirm.length - shown.length)]);
  }

  section(words.sections.difficulties);
  table(
    [h.code, h.difficulties, h.quarter, h.adjustments],
    report.actions
      .filter((figures) => figures.latestDifficulties || figures.latestAdjustments)
      .map((figures) => [
        figures.action.code,
        figures.latestDifficulties?.text ?? null,
        figures.latestDifficulties?.quarter ?? figures.latestAdjustments?.quarter ?? null,
        figures.latestAdjustments?.text ?? null,
      ]),
  );

  const charts: ChartPlan[] = [];
  // What prints: the bilan, not the figures its charts are drawn from.
  const printedRows = values.length;
  if (options.charts) {
    section(words.sections.chartData);
    const axesFirst = table(
      [h.axis, ...statuses],
      report.statuses.perAxis.map(({ axis, counts }) => [words.axisLabel(axis.code), ...statuses.map((status) => counts[status])]),
      [],
      DATA_COL,
    );
    const overallFirst = table(
      [h.status, h.actions],
      statuses.map((status) => [status, report.statuses.overall[status]]),
      [],
      DATA_COL,
    );
    const shown = charted.slice(0, MAX_CHARTED_INDICATORS);
    const targetsFirst =
      shown.length > 0
        ? table(
            [h.indicator, h.percentOfTarget],
            shown.map((figures) => [`${figures.actionCode} ${shorten(figures.indicator.label, 50)}`, figures.percentOfTarget ?? null]),
            [null, PERCENT],
            DATA_COL,
          )
        : -1;
    const seriesFirst = series
      ? table(
          [h.quarter, shorten(series.indicator.label, 60)],
          series.perQuarter.map((point) => [point.quarter, typeof point.value === "number" ? point.value : null]),
          [],
          DATA_COL,
        )
      : -1;
    for (const slot of chartSlots) {
      if (slot.kind === "axes") {
        charts.push({
          name: `${CHART_NAME_PREFIX}StatutsParAxe`,
          kind: "barStacked",
          title: words.charts.perAxis,
          data: { row: axesFirst, col: DATA_COL, rows: report.statuses.perAxis.length + 1, cols: statuses.length + 1 },
          seriesBy: "columns",
          anchor: slot.anchor,
          colors: statuses.map((status) => STATUS_CHART_COLORS[status]),
        });
      } else if (slot.kind === "overall") {
        charts.push({
          name: `${CHART_NAME_PREFIX}StatutsEnsemble`,
          kind: "doughnut",
          title: words.charts.overall(report.actions.length),
          data: { row: overallFirst, col: DATA_COL, rows: statuses.length + 1, cols: 2 },
          seriesBy: "columns",
          anchor: slot.anchor,
          colors: statuses.map((status) => STATUS_CHART_COLORS[status]),
        });
      } else if (slot.kind === "targets") {
        charts.push({
          name: `${CHART_NAME_PREFIX}PourcentageCible`,
          kind: "barClustered",
          title: charted.length > shown.length ? words.charts.someTargets(shown.length, charted.length) : words.charts.targets,
          data: { row: targetsFirst, col: DATA_COL, rows: shown.length + 1, cols: 2 },
          seriesBy: "columns",
          anchor: slot.anchor,
          colors: ["#2F75B5"],
        });
      } else if (series) {
        charts.push({
          name: `${CHART_NAME_PREFIX}SerieIndicateur`,
          kind: "line",
          title: words.charts.series(series.actionCode, shorten(series.indicator.label, 80)),
          data: { row: seriesFirst, col: DATA_COL, rows: series.perQuarter.length + 1, cols: 2 },
          seriesBy: "columns",
          anchor: slot.anchor,
          colors: ["#1F5C4A"],
        });
      }
    }
  }

  return {
    name: reportSheetName(report, options.cdsf ?? false),
    visibility: "visible",
    tabColor: "#8764B8",
    values,
    numberFormats: formats,
    columnWidths: WIDTHS,
    rowHeights: {
      // A text in any column of a table wraps in its cell, never spills over the figure beside it.
      ...Object.fromEntries(
        bodyRows.flatMap((row) => Object.values(wrappedRowHeights([values[row]], WIDTHS, new Set(WIDTHS.keys()))).map((height) => [row, height])),
      ),
      // Headers wrap in every column.
      ...Object.fromEntries(
        headerRows.flatMap((row) => Object.values(wrappedRowHeights([values[row]], WIDTHS, new Set(WIDTHS.keys()))).map((height) => [row, height])),
      ),
    },
    styles,
    validations: [],
    conditionalFormats: [],
    tables: [],
    merges: [],
    protect: false,
    page: {
      orientation: "landscape",
      fitToWidth: true,
      printTitleRows: { first: 0, last: 0 },
      ...(printedRows < values.length ? { printArea: { row: 0, col: 0, rows: printedRows, cols: WIDTHS.length } } : {}),
    },
    ...(charts.length > 0 ? { charts } : {}),
  };
}
