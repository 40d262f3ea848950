/**
 * Native charts in a file (DrawingML charts, ECMA-376 part 1, 21.2): the chart parts and the drawing that anchors
 * them to the sheet's cells. The same chart plans the add-in hands to Excel (src/excel/write-sheet.ts) are written
 * here: same kinds, titles, data, colours, legend and name (`CTG_…`), so that a bilan or a consolidation file shows
 * the charts the pane draws, and regenerating it in Excel replaces them. Each series refers to its cells and carries
 * their values as a cache, so that a reader that does not recompute (a viewer, a phone) draws it too.
 */
import type { CellValue, ChartPlan, RangeRef } from "../workbook/sheet-plan";
import { cellAddress } from "../workbook/sheet-plan";
import { sheetReference } from "./defined-names";
import { NAMESPACES, XML_HEADER, xmlText } from "./xml-text";

/** A cell's value, from the sheet the chart's data lives in. */
export type CellLookup = (row: number, col: number) => CellValue | undefined;

interface Series {
  name: { ref: string; value: string };
  categories: { ref: string; values: (string | undefined)[] };
  values: { ref: string; values: (number | undefined)[] };
}

function absolute(row: number, col: number): string {
  return cellAddress(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
}

function areaReference(sheet: string, first: { row: number; col: number }, last: { row: number; col: number }): string {
  const start = absolute(first.row, first.col);
  const end = absolute(last.row, last.col);
  return `${sheetReference(sheet)}!${start === end ? start : `${start}:${end}`}`;
}

function text(value: CellValue | undefined): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  return String(value);
}

function number(value: CellValue | undefined): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** Labels in the data's first row and first column, figures in the rest, one series per column or per row. */
export function chartSeries(plan: ChartPlan, sheet: string, cell: CellLookup): Series[] {
  const { row, col, rows, cols } = plan.data;
  const byColumns = plan.seriesBy === "columns";
  const count = byColumns ? cols - 1 : rows - 1;
  const points = byColumns ? rows - 1 : cols - 1;
  const categoryAt = (point: number) => (byColumns ? { row: row + 1 + point, col } : { row, col: col + 1 + point });
  const valueAt = (series: number, point: number) =>
    byColumns ? { row: row + 1 + point, col: col + 1 + series } : { row: row + 1 + series, col: col + 1 + point };
  const nameAt = (series: number) => (byColumns ? { row, col: col + 1 + series } : { row: row + 1 + series, col });
  const categories = {
    ref: areaReference(sheet, categoryAt(0), categoryAt(points - 1)),
    values: Array.from({ length: points }, (_, point) => {
      const at = categoryAt(point);
      return text(cell(at.row, at.col));
    }),
  };
  return Array.from({ length: count }, (_, series) => {
    const nameCell = nameAt(series);
    return {
      name: { ref: areaReference(sheet, nameCell, nameCell), value: text(cell(nameCell.row, nameCell.col)) ?? "" },
      categories,
      values: {
        ref: areaReference(sheet, valueAt(series, 0), valueAt(series, points - 1)),
        values: Array.from({ length: points }, (_, point) => {
          const at = valueAt(series, point);
          return number(cell(at.row, at.col));
        }),
      },
    };
  });
}

const fill = (color: string) => `<a:solidFill><a:srgbClr val="${color.replace("#", "").toUpperCase()}"/></a:solidFill>`;

function stringReference(reference: { ref: string; values: (string | undefined)[] }): string {
  const points = reference.values.map((value, index) => (value === undefined ? "" : `<c:pt idx="${index}"><c:v>${xmlText(value)}</c:v></c:pt>`)).join("");
  return `<c:strRef><c:f>${xmlText(reference.ref)}</c:f><c:strCache><c:ptCount val="${reference.values.length}"/>${points}</c:strCache></c:strRef>`;
}

function numberReference(reference: { ref: string; values: (number | undefined)[] }): string {
  const points = reference.values.map((value, index) => (value === undefined ? "" : `<c:pt idx="${index}"><c:v>${value}</c:v></c:pt>`)).join("");
  return `<c:numRef><c:f>${xmlText(reference.ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${reference.values.length}"/>${points}</c:numCache></c:numRef>`;
}

function seriesXml(plan: ChartPlan, series: Series, index: number): string {
  const color = plan.colors?.[index];
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx>${stringReference({ ref: series.name.ref, values: [series.name.value] })}</c:tx>`;
  const data = `<c:cat>${stringReference(series.categories)}</c:cat><c:val>${numberReference(series.values)}</c:val>`;
  switch (plan.kind) {
    case "doughnut": {
      // One colour per slice: the points of the one series.
      const points = (plan.colors ?? [])
        .slice(0, series.values.values.length)
        .map((pointColor, point) => `<c:dPt><c:idx val="${point}"/><c:spPr>${fill(pointColor)}</c:spPr></c:dPt>`)
        .join("");
      return `<c:ser>${head}${points}${data}</c:ser>`;
    }
    case "line": {
      const line = color ? `<c:spPr><a:ln w="28575">${fill(color)}</a:ln></c:spPr>` : "";
      const marker = color ? `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${fill(color)}<a:ln>${fill(color)}</a:ln></c:spPr></c:marker>` : "";
      return `<c:ser>${head}${line}${marker}${data}<c:smooth val="0"/></c:ser>`;
    }
    default:
      return `<c:ser>${head}${color ? `<c:spPr>${fill(color)}</c:spPr>` : ""}<c:invertIfNegative val="0"/>${data}</c:ser>`;
  }
}

const CATEGORY_AXIS = 500_001;
const VALUE_AXIS = 500_002;

function axes(kind: "bar" | "line"): string {
  // Horizontal bars have their categories on the left and their values along the bottom.
  const [categoryPosition, valuePosition] = kind === "bar" ? ["l", "b"] : ["b", "l"];
  return (
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${categoryPosition}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valuePosition}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function plotXml(plan: ChartPlan, series: Series[]): string {
  const all = series.map((one, index) => seriesXml(plan, one, index)).join("");
  const axisIds = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
  switch (plan.kind) {
    case "barStacked":
      return `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>${all}<c:gapWidth val="150"/><c:overlap val="100"/>${axisIds}</c:barChart>${axes("bar")}`;
    case "barClustered":
      return `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${all}<c:gapWidth val="150"/>${axisIds}</c:barChart>${axes("bar")}`;
    case "line":
      return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${all}<c:marker val="1"/>${axisIds}</c:lineChart>${axes("line")}`;
    case "doughnut":
      return `<c:doughnutChart><c:varyColors val="1"/>${all}<c:firstSliceAng val="0"/><c:holeSize val="50"/></c:doughnutChart>`;
  }
}

/** A title in the chart's default font, as the add-in leaves it (Excel: bold, a little larger than the axes). */
function titleXml(title: string): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:rPr lang="fr-FR"/><a:t>${xmlText(title)}</a:t></a:r></a:p></c:rich></c:tx><c:layout/></c:title>`;
}

/** The chart part of one chart plan whose data lives in `sheet`. */
export function chartXml(plan: ChartPlan, sheet: string, cell: CellLookup): string {
  const series = chartSeries(plan, sheet, cell);
  // As the add-in shows them: a legend under the chart, except for one series of bars or a line.
  const legend = plan.kind !== "barClustered" && plan.kind !== "line" ? '<c:legend><c:legendPos val="b"/><c:layout/><c:overlay val="0"/></c:legend>' : "";
  return `${XML_HEADER}<c:chartSpace xmlns:c="${NAMESPACES.chart}" xmlns:a="${NAMESPACES.drawingMain}" xmlns:r="${NAMESPACES.relationships}"><c:lang val="fr-FR"/><c:roundedCorners val="0"/><c:chart>${titleXml(plan.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plotXml(plan, series)}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings></c:chartSpace>`;
}

function anchorPoint(tag: "from" | "to", row: number, col: number): string {
  return `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/** The drawing part holding a sheet's charts, each anchored on its cells, with its name as Excel shows it. */
export function drawingXml(charts: readonly { name: string; anchor: RangeRef; relationshipId: string }[]): string {
  const anchors = charts
    .map(
      (chart, index) =>
        `<xdr:twoCellAnchor>${anchorPoint("from", chart.anchor.row, chart.anchor.col)}${anchorPoint("to", chart.anchor.row + chart.anchor.rows, chart.anchor.col + chart.anchor.cols)}<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${xmlText(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NAMESPACES.chart}"><c:chart xmlns:c="${NAMESPACES.chart}" r:id="${chart.relationshipId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join("");
  return `${XML_HEADER}<xdr:wsDr xmlns:xdr="${NAMESPACES.drawing}" xmlns:a="${NAMESPACES.drawingMain}" xmlns:r="${NAMESPACES.relationships}">${anchors}</xdr:wsDr>`;
}
