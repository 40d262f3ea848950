/**
 * A worksheet part as SpreadsheetML orders it (CT_Worksheet): what comes before the rows (sheet properties, views,
 * columns) and what comes after them (protection, filter, merges, conditional formats, data validation, links,
 * page set-up, drawing, tables). The rows in between come from a sheet plan or from a stream of encoded rows:
 * both kinds of sheet share this frame, so every sheet the project writes is written one way.
 */
import type { DataValidationPlan, PagePlan, RangeRef, ValidationRule } from "../workbook/sheet-plan";
import { cellAddress, columnLetter, decimalsFormula, rangeAddress } from "../workbook/sheet-plan";
import { fileLabels } from "../labels/catalog";
import { argb } from "./style-sheet";
import { NAMESPACES, XML_HEADER, attributes, xmlText } from "./xml-text";

export interface FrameColumn {
  width: number;
  hidden?: boolean;
  /** Cell format of the column's empty cells. */
  style?: number;
}

export interface FrameConditionalFormat {
  range: RangeRef;
  formula: string;
  dxfId: number;
}

/** Elements of a sheet the product does not own, carried as they were written (an update's users' notes, links, pictures). */
export interface CarriedElements {
  hyperlinks?: string;
  drawing?: string;
  legacyDrawing?: string;
  legacyDrawingHF?: string;
  picture?: string;
}

export interface SheetFrame {
  tabColor?: string;
  /** Print on one page width (needs the `fitToPage` sheet property). */
  page?: PagePlan;
  dimension?: string;
  selected: boolean;
  freeze?: { rows: number; columns: number };
  columns: FrameColumn[];
  protect: boolean;
  /** A filter on the sheet itself (a table carries its own). */
  autoFilter?: RangeRef;
  merges: RangeRef[];
  conditionalFormats: FrameConditionalFormat[];
  validations: DataValidationPlan[];
  /** Relationship ids of the sheet's drawing (its charts) and tables. */
  drawingId?: string;
  tableIds: string[];
  carried?: CarriedElements;
  /** Dates in a 1904 workbook are counted from 1904: a date rule's bounds are shifted as its cells are. */
  dateOffset: number;
}

export function worksheetHead(frame: SheetFrame): string {
  const properties =
    frame.tabColor || frame.page?.fitToWidth
      ? `<sheetPr>${frame.tabColor ? `<tabColor rgb="${argb(frame.tabColor)}"/>` : ""}${frame.page?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`
      : "";
  const dimension = frame.dimension ? `<dimension ref="${frame.dimension}"/>` : "";
  const cols = columnsXml(frame.columns);
  return `${XML_HEADER}<worksheet xmlns="${NAMESPACES.main}" xmlns:r="${NAMESPACES.relationships}">${properties}${dimension}<sheetViews>${sheetView(frame)}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`;
}

function sheetView(frame: SheetFrame): string {
  const selected = frame.selected ? ' tabSelected="1"' : "";
  const rows = frame.freeze?.rows ?? 0;
  const columns = frame.freeze?.columns ?? 0;
  if (rows === 0 && columns === 0) return `<sheetView workbookViewId="0"${selected}/>`;
  const topLeft = cellAddress(rows, columns);
  const active = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  // As Excel writes a freeze: one selection per pane, the active pane's last, its active cell the first one of the pane.
  const selections =
    rows > 0 && columns > 0
      ? `<selection pane="topRight" activeCell="${cellAddress(0, columns)}" sqref="${cellAddress(0, columns)}"/><selection pane="bottomLeft" activeCell="${cellAddress(rows, 0)}" sqref="${cellAddress(rows, 0)}"/><selection pane="bottomRight" activeCell="${topLeft}" sqref="${topLeft}"/>`
      : `<selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  return `<sheetView workbookViewId="0"${selected}><pane${attributes({ xSplit: columns || undefined, ySplit: rows || undefined, topLeftCell: topLeft, activePane: active, state: "frozen" })}/>${selections}</sheetView>`;
}

/** `<cols>`, runs of equal columns merged as Excel merges them. */
function columnsXml(columns: readonly FrameColumn[]): string {
  if (columns.length === 0) return "";
  let xml = "";
  for (let first = 0; first < columns.length;) {
    const column = columns[first];
    let last = first;
    while (
      last + 1 < columns.length &&
      columns[last + 1].width === column.width &&
      !!columns[last + 1].hidden === !!column.hidden &&
      columns[last + 1].style === column.style
    )
      last++;
    xml += `<col${attributes({ min: first + 1, max: last + 1, width: column.width, style: column.style || undefined, hidden: column.hidden ? true : undefined, customWidth: true })}/>`;
    first = last + 1;
  }
  return `<cols>${xml}</cols>`;
}

export function worksheetTail(frame: SheetFrame): string {
  // Locked cells cannot change; filters stay usable, columns and rows can be widened; sorting would mix rows up.
  const protection = frame.protect ? '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" autoFilter="0"/>' : "";
  const filter = frame.autoFilter ? `<autoFilter ref="${rangeAddress(frame.autoFilter)}"/>` : "";
  const merges =
    frame.merges.length > 0
      ? `<mergeCells count="${frame.merges.length}">${frame.merges.map((merge) => `<mergeCell ref="${rangeAddress(merge)}"/>`).join("")}</mergeCells>`
      : "";
  const formats = frame.conditionalFormats
    .map(
      (format, index) =>
        `<conditionalFormatting sqref="${rangeAddress(format.range)}"><cfRule type="expression" dxfId="${format.dxfId}" priority="${index + 1}"><formula>${xmlText(format.formula)}</formula></cfRule></conditionalFormatting>`,
    )
    .join("");
  const validations =
    frame.validations.length > 0
      ? `<dataValidations count="${frame.validations.length}">${frame.validations.map((validation) => dataValidationXml(validation, frame.dateOffset)).join("")}</dataValidations>`
      : "";
  const carried = frame.carried ?? {};
  const page = frame.page ? pageXml(frame.page) : '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  const drawing = frame.drawingId ? `<drawing r:id="${frame.drawingId}"/>` : (carried.drawing ?? "");
  const tables =
    frame.tableIds.length > 0
      ? `<tableParts count="${frame.tableIds.length}">${frame.tableIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`
      : "";
  return `</sheetData>${protection}${filter}${merges}${formats}${validations}${carried.hyperlinks ?? ""}${page}${drawing}${carried.legacyDrawing ?? ""}${carried.legacyDrawingHF ?? ""}${carried.picture ?? ""}${tables}</worksheet>`;
}

function pageXml(page: PagePlan): string {
  return `<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/><pageSetup${attributes({
    paperSize: 9,
    // One page wide is the default width of a fit to pages, which Excel leaves unwritten; any number of pages tall.
    fitToHeight: page.fitToWidth ? 0 : undefined,
    orientation: page.orientation,
  })}/><headerFooter><oddFooter>${xmlText(fileLabels.workbook.pageFooter)}</oddFooter></headerFooter>`;
}

function dataValidationXml(validation: DataValidationPlan, dateOffset: number): string {
  const rule: ValidationRule = validation.rule;
  const common = {
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    errorTitle: validation.error.title,
    error: validation.error.message,
    promptTitle: validation.prompt.title,
    prompt: validation.prompt.message,
    sqref: rangeAddress(validation.range),
  };
  const formulas = (...values: (string | number)[]) =>
    values.map((value, index) => `<formula${index + 1}>${xmlText(String(value))}</formula${index + 1}>`).join("");
  const bounded = (type: string, min: number, max: number | undefined) =>
    max === undefined
      ? `<dataValidation${attributes({ type, operator: "greaterThanOrEqual", ...common })}>${formulas(min)}</dataValidation>`
      : `<dataValidation${attributes({ type, ...common })}>${formulas(min, max)}</dataValidation>`;
  switch (rule.kind) {
    case "list":
      return `<dataValidation${attributes({ type: "list", ...common })}>${formulas(`"${rule.values.join(",")}"`)}</dataValidation>`;
    case "decimal":
      if (rule.decimals !== undefined) {
        const formula = decimalsFormula({ ...rule, decimals: rule.decimals }, cellAddress(validation.range.row, validation.range.col));
        return `<dataValidation${attributes({ type: "custom", ...common })}>${formulas(formula)}</dataValidation>`;
      }
      return bounded("decimal", rule.min, rule.max);
    case "whole":
      return bounded("whole", rule.min, rule.max);
    case "date":
      return bounded("date", rule.min - dateOffset, rule.max - dateOffset);
    case "textLength":
      return `<dataValidation${attributes({ type: "textLength", operator: "lessThanOrEqual", ...common })}>${formulas(rule.max)}</dataValidation>`;
  }
}

/** Characters an Excel cell holds. */
export const EXCEL_MAX_TEXT = 32_767;

/** Leading or trailing blanks and line breaks are kept only when the text says so. */
const NEEDS_PRESERVE = /^\s|\s$|[\n\r\t]/;

/** A `<t>` element: the text escaped, its blanks kept when they matter. */
export function textElement(text: string): string {
  const escaped = xmlText(text).replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
  return NEEDS_PRESERVE.test(text) ? `<t xml:space="preserve">${escaped}</t>` : `<t>${escaped}</t>`;
}

/** A text as an Excel cell can hold it: cut, marked with "…", past Excel's limit (a file not saved by Excel may hold more). */
export function cellText(text: string): string {
  return text.length > EXCEL_MAX_TEXT ? `${text.slice(0, EXCEL_MAX_TEXT - 1)}…` : text;
}

/** Where a sheet's texts go: their number in the shared table, or undefined to write them in the cell. */
export interface TextStore {
  index(text: string): number | undefined;
}

/**
 * One cell's SpreadsheetML. A text is a string, never a formula, whatever it starts with (=, +, -, @); an empty
 * cell is written only when it has a format of its own (an entry cell people will type into).
 */
export function cellXml(reference: string, style: number, value: string | number | boolean | null | undefined, texts: TextStore): string {
  const styled = style > 0 ? ` s="${style}"` : "";
  if (value === null || value === undefined || value === "" || (typeof value === "number" && !Number.isFinite(value)))
    return style > 0 ? `<c r="${reference}"${styled}/>` : "";
  if (typeof value === "number") return `<c r="${reference}"${styled}><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${reference}"${styled} t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = cellText(value);
  const shared = texts.index(text);
  return shared === undefined
    ? `<c r="${reference}"${styled} t="inlineStr"><is>${textElement(text)}</is></c>`
    : `<c r="${reference}"${styled} t="s"><v>${shared}</v></c>`;
}

export { columnLetter };
