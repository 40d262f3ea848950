/**
 * The building blocks of the written bilan, in one place so that every part of the document looks the same:
 * headings (recorded in order), paragraphs, labelled texts, tables with the tableau's header colours, charts.
 */
import { BorderStyle, HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { ChartRun } from "docx/charts";
import { formatFrenchNumber } from "../domain/numbers";
import type { Indicator } from "../domain/plan";
import type { IndicatorFigures } from "../domain/report";
import type { MeasurementValue } from "../domain/tracking";
import { documentLabels, sentence, vocabularyLabels } from "../labels/catalog";
import { COLORS } from "../workbook/layout";

export type Block = Paragraph | Table;

const t = documentLabels;
const hex = (color: string) => color.replace("#", "");
const [YES, NO] = vocabularyLabels.yesNo;
/** Paragraph styles of table cells (tableStyles below): one reference per cell rather than its own properties. */
const TABLE_STYLE = "CtgTable";
const TABLE_HEADER_STYLE = "CtgTableHeader";

/** Table text at 9 pt (18 half-points): reads on paper and keeps six columns on a portrait page. */
export const TABLE_PARAGRAPH_STYLES = [
  { id: TABLE_STYLE, name: t.styles.table, basedOn: "Normal", run: { size: 18 }, paragraph: { spacing: { after: 0 } } },
  { id: TABLE_HEADER_STYLE, name: t.styles.tableHeader, basedOn: TABLE_STYLE, run: { size: 18, bold: true, color: hex(COLORS.headerFont) } },
];

/** `45,2 %`, the sign kept with its number (a non-breaking space). */
export function percentText(value: number): string {
  return `${formatFrenchNumber(Math.round(value * 10) / 10)}\u00a0%`;
}

/** A figure as its indicator reads: a taux with « % », a montant in euros, oui or non; « — » when there is none. */
export function figureText(indicator: Pick<Indicator, "type" | "unit">, value: MeasurementValue | undefined): string {
  if (value === undefined) return t.none;
  if (typeof value === "boolean") return value ? YES : NO;
  if (typeof value === "string") return value;
  switch (indicator.type) {
    case "taux":
      return percentText(value);
    case "montant":
      return `${formatFrenchNumber(value)} €`;
    case "oui-non":
      return value >= 1 ? YES : NO;
    default:
      return formatFrenchNumber(value);
  }
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export class DocumentParts {
  readonly headings: string[] = [];

  constructor(readonly title: string) {}

  heading(text: string, level: 1 | 2 | 3, newPage = false): Paragraph {
    this.headings.push(text);
    return new Paragraph({ heading: HEADINGS[level], pageBreakBefore: newPage, children: [new TextRun(text)] });
  }

  paragraph(text: string): Paragraph {
    return new Paragraph({ children: [new TextRun(text)] });
  }

  /** A small title over what follows it (objectives, an indicator table, a year's evaluation). */
  label(text: string): Paragraph {
    return new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text, bold: true, color: hex(COLORS.title) })] });
  }

  /** « Effets pour les habitants : … », the label in bold; each line of the text a line of the paragraph. */
  field(label: string, text: string): Paragraph {
    const lines = text.split(/\r?\n/);
    return new Paragraph({
      children: [
        new TextRun({ text: `${label}\u00a0: `, bold: true }),
        ...lines.map((line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}) })),
      ],
    });
  }

  note(text: string): Paragraph {
    return new Paragraph({ children: [new TextRun({ text, italics: true, color: "605E5C" })] });
  }

  bullet(text: string): Paragraph {
    return new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] });
  }

  sentence(message: string): string {
    return sentence(message);
  }

  chart(chart: ChartRun): Paragraph {
    return new Paragraph({ keepLines: true, spacing: { before: 120, after: 120 }, children: [chart] });
  }

  /**
   * `widths` in percent of the page's width; the header row repeats on every page the table runs over. Borders,
   * margins and widths are the table's, not each cell's: a 200-fiche bilan has tens of thousands of cells.
   */
  table(headers: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): Table {
    const border = { style: BorderStyle.SINGLE, size: 4, color: hex(COLORS.border) };
    const headerShading = { type: ShadingType.CLEAR, color: "auto", fill: hex(COLORS.headerFill) };
    const cell = (text: string, header: boolean) =>
      new TableCell({
        ...(header ? { shading: headerShading } : {}),
        children: text.split(/\r?\n/).map((line) => new Paragraph({ style: header ? TABLE_HEADER_STYLE : TABLE_STYLE, text: line })),
      });
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      // Proportions: the library scales them to the page's text width.
      columnWidths: headers.map((_, column) => (widths[column] ?? 10) * 100),
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((header) => cell(header, true)) }),
        ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text) => cell(text, false)) })),
      ],
    });
  }

  /** A fiche's indicators: référence, value, cible, share of the cible, the value of each year and, at the end, the change. */
  indicatorTable(indicators: readonly IndicatorFigures[], final: boolean): Table {
    const c = t.columns;
    return this.table(
      [c.indicator, c.baseline, c.value, c.target, c.percentOfTarget, c.evolution, ...(final ? [c.change] : [])],
      indicators.map((figures) => [
        figures.indicator.label,
        figureText(figures.indicator, figures.baseline),
        figureText(figures.indicator, figures.value),
        figureText(figures.indicator, figures.target),
        figures.percentOfTarget === undefined ? t.none : percentText(figures.percentOfTarget),
        figures.perYear.map((point) => t.yearValue(point.year, figureText(figures.indicator, point.value))).join("\n") || t.none,
        ...(final ? [figureText(figures.indicator, figures.changeFromBaseline)] : []),
      ]),
      final ? [28, 10, 10, 10, 10, 18, 14] : [32, 12, 12, 12, 12, 20],
    );
  }
}
