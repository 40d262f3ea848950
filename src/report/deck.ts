/**
 * The COPIL deck of a bilan: a `.pptx` whose charts are native PowerPoint charts (editable, with their data), built
 * with pptxgenjs so that it runs the same in the CLI (Node) and in the task pane (browser).
 */
import PptxGenJS from "pptxgenjs";
import { NOT_ENTERED, type StatusOrNone } from "../domain/dashboard";
import { formatFrenchDate, todayIso } from "../domain/dates";
import { deadlineYear } from "../domain/plan";
import { quarterLabel } from "../domain/quarters";
import { formatFrenchNumber } from "../domain/numbers";
import type { ActionFigures, IndicatorFigures, Report } from "../domain/report";
import { STATUSES } from "../domain/vocabulary";
import { deckLabels } from "../labels/catalog";
import { STATUS_CHART_COLORS, seriesIndicator, shorten } from "../workbook/build-report";
import { COLORS } from "../workbook/layout";

export interface DeckOptions {
  cdsf?: boolean;
  /** Indicator whose quarterly series gets its own slide; by default the numeric one with the most values. */
  seriesIndicatorId?: string;
  /** The generation date printed on the title slide. */
  now?: Date;
}

/** Beyond these, a slide's table or list no longer fits at 12 pt; the rest goes on a "(suite)" slide. */
export const FICHES_PER_SLIDE = 7;
export const LATE_PER_SLIDE = 7;
export const DIFFICULTIES_PER_SLIDE = 6;
/** "Principales difficultés": late fiches' first, then the most recent; the bilan sheet holds them all. */
export const MAX_DIFFICULTIES = 12;
/** Bars per axe chart: more would be unreadable at slide size. */
const MAX_TARGET_BARS = 8;
/** Nothing projected reads below this size, from the back of a COPIL's room. */
const TABLE_FONT = 12;
/** A series of fewer points is shown as a table: a curve through two dots tells nothing. */
export const MIN_CURVE_POINTS = 4;

const STATUS_ORDER: StatusOrNone[] = [...STATUSES, NOT_ENTERED];
const WIDTH = 13.333;
const MARGIN = 0.5;
const hex = (color: string) => color.replace("#", "");
const GREEN = hex(COLORS.title);
const GREY = "605E5C";
const FONT = "Calibri";
const t = deckLabels;

export function deckFileName(report: Report, cdsf = false): string {
  return t.fileName(report.kind, report.period.first.slice(0, 4), cdsf);
}

/** Pages of at most `size` items, balanced so that no "(suite)" slide carries a lone leftover. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const count = Math.ceil(items.length / size);
  const even = Math.ceil(items.length / count);
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += even) result.push(items.slice(index, index + even));
  return result;
}

function percent(value: number): string {
  return `${formatFrenchNumber(Math.round(value * 10) / 10)}\u00a0%`;
}

interface Frame {
  slide: PptxGenJS.Slide;
}

class DeckWriter {
  readonly pptx = new PptxGenJS();
  readonly titles: string[] = [];

  constructor(
    private readonly report: Report,
    private readonly options: DeckOptions,
  ) {
    this.pptx.layout = "LAYOUT_WIDE";
    this.pptx.author = t.properties.author;
    this.pptx.title = t.properties.title(report.title, report.territory);
    this.pptx.subject = t.properties.subject;
  }

  private footer(): string {
    return t.footer(this.report.territory, this.report.title, this.options.cdsf ?? false, formatFrenchDate(this.report.asOf), this.report.provisional);
  }

  frame(title: string): Frame {
    const slide = this.pptx.addSlide();
    this.titles.push(title);
    slide.addText(title, {
      x: MARGIN,
      y: 0.3,
      w: WIDTH - 2 * MARGIN,
      h: 0.8,
      fontFace: FONT,
      fontSize: 26,
      bold: true,
      color: GREEN,
      lang: "fr-FR",
      fit: "shrink",
    });
    slide.addShape(this.pptx.ShapeType.line, { x: MARGIN, y: 1.1, w: WIDTH - 2 * MARGIN, h: 0, line: { color: GREEN, width: 1.5 } });
    slide.addText(this.footer(), {
      x: MARGIN,
      y: 7.0,
      w: 11,
      h: 0.3,
      fontFace: FONT,
      fontSize: 11,
      color: this.report.provisional ? hex(COLORS.late) : GREY,
      lang: "fr-FR",
    });
    slide.addText(String(this.titles.length), { x: WIDTH - MARGIN - 1, y: 7.0, w: 1, h: 0.3, fontFace: FONT, fontSize: 10, color: GREY, align: "right" });
    return { slide };
  }

  titleSlide(): void {
    const { report, options } = this;
    const slide = this.pptx.addSlide();
    this.titles.push(report.title);
    slide.background = { color: GREEN };
    const text = (value: string, y: number, h: number, fontSize: number, bold = false) =>
      slide.addText(value, { x: 0.8, y, w: WIDTH - 1.6, h, fontFace: FONT, fontSize, bold, color: "FFFFFF", lang: "fr-FR", fit: "shrink" });
    text(t.titleSlide.committee, 1.0, 0.6, 20);
    text(t.titleSlide.title(report.title, options.cdsf ?? false), 2.0, 1.2, 40, true);
    text(report.territory, 3.3, 0.9, 28);
    text(t.titleSlide.period(quarterLabel(report.period.first), quarterLabel(report.period.last)), 4.4, 0.6, 20);
    text(t.titleSlide.asOf(formatFrenchDate(report.asOf), report.provisional), 5.1, 0.6, 20, report.provisional);
    text(t.titleSlide.generated(formatFrenchDate(todayIso(options.now ?? new Date()))), 6.4, 0.5, 14);
  }

  synthesis(): void {
    const { report } = this;
    const { slide } = this.frame(t.synthesis.title);
    const present = STATUS_ORDER.filter((status) => report.statuses.overall[status] > 0);
    if (present.length > 0) {
      slide.addChart(
        this.pptx.ChartType.doughnut,
        [{ name: t.synthesis.chartSeries, labels: present, values: present.map((status) => report.statuses.overall[status]) }],
        {
          x: MARGIN,
          y: 1.3,
          w: 6.2,
          h: 5.5,
          chartColors: present.map((status) => hex(STATUS_CHART_COLORS[status])),
          holeSize: 55,
          showTitle: true,
          title: t.synthesis.chartTitle(report.actions.length),
          titleFontSize: 14,
          titleFontFace: FONT,
          showLegend: true,
          legendPos: "b",
          legendFontSize: 12,
          legendFontFace: FONT,
          showValue: true,
          showPercent: false,
          dataLabelColor: "FFFFFF",
          dataLabelFontSize: 12,
        },
      );
    }
    const completeness = report.completeness;
    const reached = report.indicators.filter((figures) => figures.percentOfTarget !== undefined);
    const figures: [string, string][] = [
      [String(report.actions.length), t.synthesis.actions],
      [percent(report.statuses.percentDone), t.synthesis.done],
      [String(report.late.length), t.synthesis.late(report.late.length)],
      [`${completeness.statusesFilled} / ${completeness.statusesExpected}`, t.synthesis.statusesFilled],
      [`${completeness.valuesFilled} / ${completeness.valuesExpected}`, t.synthesis.valuesFilled],
      ...(reached.length > 0
        ? [[`${reached.filter((item) => (item.percentOfTarget ?? 0) >= 100).length} / ${reached.length}`, t.synthesis.targetsReached] as [string, string]]
        : []),
    ];
    figures.forEach(([value, label], index) => {
      const y = 1.4 + index * 0.9;
      slide.addText(value, { x: 7.0, y, w: 2.2, h: 0.8, fontFace: FONT, fontSize: 26, bold: true, color: GREEN, align: "right", fit: "shrink" });
      slide.addText(label, { x: 9.35, y, w: 3.5, h: 0.8, fontFace: FONT, fontSize: 15, color: "323130", lang: "fr-FR", valign: "middle" });
    });
  }

  statusesPerAxis(): void {
    const { report } = this;
    const { slide } = this.frame(t.perAxis.title);
    // Horizontal bars run bottom-up: reversed, the first axe reads at the top.
    const axes = [...report.statuses.perAxis].reverse();
    const labels = axes.map(({ axis }) => t.axis.label(axis.code));
    const present = STATUS_ORDER.filter((status) => report.statuses.overall[status] > 0);
    const shown = present.length > 0 ? present : STATUS_ORDER;
    slide.addChart(
      this.pptx.ChartType.bar,
      shown.map((status) => ({ name: status, labels, values: axes.map(({ counts }) => counts[status]) })),
      {
        x: MARGIN,
        y: 1.3,
        w: 8.3,
        h: 5.6,
        barDir: "bar",
        barGrouping: "stacked",
        chartColors: shown.map((status) => hex(STATUS_CHART_COLORS[status])),
        catAxisLabelFontSize: 12,
        valAxisLabelFontSize: 11,
        valAxisLabelFormatCode: "0",
        showLegend: true,
        legendPos: "b",
        legendFontSize: 12,
        legendFontFace: FONT,
        showValue: true,
        dataLabelColor: "FFFFFF",
        dataLabelFontSize: 11,
        dataLabelFormatCode: '0;;""',
      },
    );
    const rows: PptxGenJS.TableRow[] = [
      [header(t.columns.axis), header(t.columns.axisTitle), header(t.columns.averageProgress)],
      ...report.statuses.perAxis.map(({ axis, averageProgress }) => [
        cell(axis.code),
        cell(shorten(axis.title, 70)),
        cell(averageProgress === undefined ? t.none : percent(averageProgress), { align: "right" }),
      ]),
    ];
    slide.addTable(rows, {
      x: 9.0,
      y: 1.4,
      w: 3.8,
      colW: [0.6, 2.1, 1.1],
      fontFace: FONT,
      fontSize: TABLE_FONT,
      border: { type: "solid", pt: 0.5, color: "A19F9D" },
      valign: "top",
    });
  }

  axisSlides(): void {
    const { report } = this;
    for (const { axis } of report.statuses.perAxis) {
      const actions = report.actions.filter((figures) => figures.axis.code === axis.code);
      const codes = new Set(actions.map((figures) => figures.action.code));
      const targets = report.indicators.filter((figures) => codes.has(figures.actionCode) && figures.percentOfTarget !== undefined);
      chunks(actions, FICHES_PER_SLIDE).forEach((page, index) => {
        const { slide } = this.frame(t.axis.title(axis.code, shorten(axis.title, 80), index > 0));
        const withChart = index === 0;
        const rows: PptxGenJS.TableRow[] = [
          [header(t.columns.code), header(t.columns.action), header(t.columns.status), header(t.columns.progress), header(t.columns.deadline)],
          ...page.map((figures) => actionRow(figures)),
        ];
        if (page.length === 0) rows.push([cell(""), cell(t.axis.noAction), cell(""), cell(""), cell("")]);
        const colW = withChart ? [0.8, 3.9, 1.3, 1.1, 1.0] : [0.8, 7.9, 1.6, 1.2, 1.3];
        slide.addTable(rows, {
          x: MARGIN,
          y: 1.3,
          w: colW.reduce((a, b) => a + b, 0),
          colW,
          fontFace: FONT,
          fontSize: TABLE_FONT,
          border: { type: "solid", pt: 0.5, color: "A19F9D" },
          valign: "top",
        });
        if (withChart) this.axisChart(slide, actions, targets);
      });
    }
  }

  private axisChart(slide: PptxGenJS.Slide, actions: ActionFigures[], targets: IndicatorFigures[]): void {
    const box = { x: 8.8, y: 1.3, w: 4.1, h: 5.5 };
    if (targets.length > 0) {
      const shown = targets.slice(0, MAX_TARGET_BARS).reverse();
      // One scale for every axe, 0 to 100 %: 8 % never looks half done. A bar past its cible stops at 100 %, its
      // label saying how far it went.
      slide.addChart(
        this.pptx.ChartType.bar,
        [
          {
            name: t.axis.targetSeries,
            labels: shown.map((figures) =>
              t.axis.targetBar(
                figures.actionCode,
                shorten(figures.indicator.label, 30),
                percent(figures.percentOfTarget ?? 0),
                targetYear(figures, this.report),
              ),
            ),
            values: shown.map((figures) => Math.min(100, figures.percentOfTarget ?? 0)),
          },
        ],
        {
          ...box,
          barDir: "bar",
          chartColors: [GREEN],
          catAxisLabelFontSize: 11,
          valAxisLabelFontSize: 11,
          valAxisMinVal: 0,
          valAxisMaxVal: 100,
          valAxisMajorUnit: 25,
          valAxisLabelFormatCode: '0" %"',
          showTitle: true,
          title: t.axis.targetTitle(shown.length, targets.length),
          titleFontSize: 13,
          titleFontFace: FONT,
          showValue: false,
          showLegend: false,
        },
      );
      return;
    }
    const present = STATUS_ORDER.filter((status) => actions.some((figures) => figures.status === status));
    if (present.length === 0) return;
    slide.addChart(
      this.pptx.ChartType.doughnut,
      [{ name: t.axis.statusSeries, labels: present, values: present.map((status) => actions.filter((figures) => figures.status === status).length) }],
      {
        ...box,
        chartColors: present.map((status) => hex(STATUS_CHART_COLORS[status])),
        holeSize: 55,
        showTitle: true,
        title: t.axis.statusTitle,
        titleFontSize: 13,
        titleFontFace: FONT,
        showLegend: true,
        legendPos: "b",
        legendFontSize: 11,
        showValue: true,
        showPercent: false,
        dataLabelColor: "FFFFFF",
      },
    );
  }

  seriesSlide(): void {
    const figures = seriesIndicator(this.report, this.options.seriesIndicatorId);
    if (!figures) return;
    const points = figures.perQuarter.filter((point): point is { quarter: string; value: number } => typeof point.value === "number");
    const { slide } = this.frame(t.series.title(figures.actionCode, shorten(figures.indicator.label, 55)));
    if (points.length < MIN_CURVE_POINTS) {
      slide.addTable(
        [
          [header(t.series.quarter), header(t.series.valueColumn), ...(figures.target !== undefined ? [header(t.series.target)] : [])],
          ...points.map((point) => [
            cell(quarterLabel(point.quarter)),
            cell(formatFrenchNumber(point.value), { align: "right" }),
            ...(figures.target !== undefined ? [cell(formatFrenchNumber(figures.target), { align: "right" })] : []),
          ]),
        ],
        {
          x: MARGIN,
          y: 1.5,
          w: 8.0,
          colW: figures.target !== undefined ? [3.6, 2.2, 2.2] : [4.8, 3.2],
          fontFace: FONT,
          fontSize: 16,
          border: { type: "solid", pt: 0.5, color: "A19F9D" },
        },
      );
    } else {
      this.seriesChart(slide, figures, points);
    }
    const facts: string[] = [
      t.series.action(figures.actionCode),
      t.series.quarters(points.length, figures.perQuarter.length),
      ...(figures.baseline !== undefined ? [t.series.baseline(formatFrenchNumber(figures.baseline))] : []),
      ...(typeof figures.value === "number" ? [t.series.value(formatFrenchNumber(figures.value))] : []),
      ...(figures.target !== undefined ? [t.series.targetValue(formatFrenchNumber(figures.target))] : []),
      ...(figures.percentOfTarget !== undefined ? [t.series.reached(percent(figures.percentOfTarget))] : []),
    ];
    slide.addText(
      facts.map((fact) => ({ text: fact, options: { bullet: true, breakLine: true } })),
      { x: 9.8, y: 1.5, w: 3.0, h: 4.5, fontFace: FONT, fontSize: 14, color: "323130", valign: "top", lang: "fr-FR" },
    );
  }

  private seriesChart(slide: PptxGenJS.Slide, figures: IndicatorFigures, points: { quarter: string; value: number }[]): void {
    const labels = points.map((point) => point.quarter);
    const data = [{ name: shorten(figures.indicator.label, 60), labels, values: points.map((point) => point.value) }];
    if (figures.target !== undefined) data.push({ name: t.series.target, labels, values: points.map(() => figures.target ?? 0) });
    slide.addChart(this.pptx.ChartType.line, data, {
      x: MARGIN,
      y: 1.3,
      w: 9.0,
      h: 5.5,
      chartColors: [GREEN, "ED7D31"],
      lineSize: 2.5,
      lineDataSymbol: "circle",
      lineDataSymbolSize: 7,
      catAxisLabelFontSize: 11,
      valAxisLabelFontSize: 11,
      valAxisMinVal: 0,
      showLegend: true,
      legendPos: "b",
      legendFontSize: 12,
      showValue: false,
    });
  }

  lateAndDifficulties(): void {
    const { report } = this;
    const lateCodes = new Set(report.late.map((figures) => figures.action.code));
    // Late fiches' difficulties first: they are what the COPIL must arbitrate.
    const difficulties = report.actions
      .filter((figures) => figures.latestDifficulties)
      .sort(
        (a, b) =>
          Number(lateCodes.has(b.action.code)) - Number(lateCodes.has(a.action.code)) ||
          (b.latestDifficulties!.quarter < a.latestDifficulties!.quarter ? -1 : b.latestDifficulties!.quarter > a.latestDifficulties!.quarter ? 1 : 0),
      );
    const latePages = chunks(report.late, LATE_PER_SLIDE);
    const difficultyPages = chunks(difficulties.slice(0, MAX_DIFFICULTIES), DIFFICULTIES_PER_SLIDE);
    const left = difficulties.length - Math.min(difficulties.length, MAX_DIFFICULTIES);
    const pages = Math.max(latePages.length, difficultyPages.length);
    for (let index = 0; index < pages; index++) {
      const { slide } = this.frame(t.lateAndDifficulties.title(index > 0));
      const late = latePages[index] ?? [];
      const notes = difficultyPages[index] ?? [];
      if (index === 0 || late.length > 0)
        slide.addText(t.lateAndDifficulties.late(report.late.length), {
          x: MARGIN,
          y: 1.25,
          w: 6.2,
          h: 0.45,
          fontFace: FONT,
          fontSize: 16,
          bold: true,
          color: hex(COLORS.late),
          lang: "fr-FR",
        });
      if (report.late.length === 0) {
        slide.addText(t.lateAndDifficulties.noLate, { x: MARGIN, y: 1.8, w: 6.2, h: 0.5, fontFace: FONT, fontSize: 14, color: "323130", lang: "fr-FR" });
      } else if (late.length > 0) {
        slide.addTable(
          [
            [header(t.columns.code), header(t.columns.action), header(t.columns.deadline), header(t.columns.status)],
            ...late.map((figures) => [cell(figures.action.code), cell(shorten(figures.action.title, 80)), cell(figures.action.deadline), cell(figures.status)]),
          ],
          {
            x: MARGIN,
            y: 1.8,
            w: 6.2,
            colW: [0.7, 3.3, 1.0, 1.2],
            fontFace: FONT,
            fontSize: TABLE_FONT,
            border: { type: "solid", pt: 0.5, color: "A19F9D" },
            valign: "top",
          },
        );
      }
      if (index === 0 || notes.length > 0)
        slide.addText(t.lateAndDifficulties.difficulties(difficulties.length), {
          x: 7.0,
          y: 1.25,
          w: 5.8,
          h: 0.45,
          fontFace: FONT,
          fontSize: 16,
          bold: true,
          color: GREEN,
          lang: "fr-FR",
        });
      if (difficulties.length === 0) {
        slide.addText(t.lateAndDifficulties.noDifficulty, { x: 7.0, y: 1.8, w: 5.8, h: 0.5, fontFace: FONT, fontSize: 14, color: "323130", lang: "fr-FR" });
      } else if (notes.length > 0) {
        slide.addText(
          notes.flatMap((figures) => [
            {
              text: t.lateAndDifficulties.difficulty(figures.action.code, figures.latestDifficulties!.quarter, lateCodes.has(figures.action.code)),
              options: { bold: true, bullet: true },
            },
            { text: shorten(figures.latestDifficulties!.text, 220), options: { breakLine: true } },
            ...(figures.latestAdjustments
              ? [
                  {
                    text: t.lateAndDifficulties.adjustment(shorten(figures.latestAdjustments.text, 160)),
                    options: { italic: true, indentLevel: 1, breakLine: true },
                  },
                ]
              : []),
          ]),
          { x: 7.0, y: 1.8, w: 5.8, h: 4.6, fontFace: FONT, fontSize: 13, color: "323130", valign: "top", lang: "fr-FR", paraSpaceAfter: 6 },
        );
        if (left > 0 && index === difficultyPages.length - 1) {
          slide.addText(t.lateAndDifficulties.more(left), {
            x: 7.0,
            y: 6.45,
            w: 5.8,
            h: 0.4,
            fontFace: FONT,
            fontSize: 12,
            italic: true,
            color: GREY,
            lang: "fr-FR",
          });
        }
      }
    }
  }
}

/** The year a cible is to be reached by: its fiche's échéance, or the end of the period. */
function targetYear(figures: IndicatorFigures, report: Report): number | undefined {
  const fiche = report.actions.find((action) => action.action.code === figures.actionCode);
  return (fiche ? deadlineYear(fiche.action.deadline) : undefined) ?? Number(report.period.last.slice(0, 4));
}

function header(text: string): PptxGenJS.TableCell {
  return { text, options: { bold: true, color: "FFFFFF", fill: { color: GREEN } } };
}

function cell(text: string, options: PptxGenJS.TableCellProps = {}): PptxGenJS.TableCell {
  return { text, options };
}

function actionRow(figures: ActionFigures): PptxGenJS.TableRow {
  const late = figures.late ? { color: hex(COLORS.late), bold: true } : {};
  return [
    cell(figures.action.code),
    cell(shorten(figures.action.title, 90)),
    // The light grey of « not entered » does not read as text on white: the footer's grey instead.
    cell(figures.status, { color: figures.status === NOT_ENTERED ? GREY : hex(STATUS_CHART_COLORS[figures.status]), bold: true }),
    cell(figures.progress === undefined ? t.none : percent(figures.progress), { align: "right" }),
    cell(figures.action.deadline + (figures.late ? t.axis.late : ""), late),
  ];
}

function build(report: Report, options: DeckOptions): DeckWriter {
  const writer = new DeckWriter(report, options);
  writer.titleSlide();
  writer.synthesis();
  writer.statusesPerAxis();
  writer.axisSlides();
  writer.seriesSlide();
  writer.lateAndDifficulties();
  return writer;
}

/** The deck as the bytes of a `.pptx` file, with its slides' titles. */
export async function renderDeck(report: Report, options: DeckOptions = {}): Promise<{ bytes: Uint8Array; titles: string[] }> {
  const writer = build(report, options);
  const output = await writer.pptx.write({ outputType: "uint8array", compression: true });
  if (output instanceof Uint8Array) return { bytes: output, titles: writer.titles };
  if (output instanceof ArrayBuffer) return { bytes: new Uint8Array(output), titles: writer.titles };
  throw new Error(t.noBinaryOutput);
}

export async function writeDeck(report: Report, options: DeckOptions = {}): Promise<Uint8Array> {
  return (await renderDeck(report, options)).bytes;
}
