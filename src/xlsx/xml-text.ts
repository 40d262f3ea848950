/** Text and attribute values as SpreadsheetML holds them: escaped, without the characters XML 1.0 cannot carry. */

/** Characters XML 1.0 cannot hold at all (a territory's text may carry them from a copy and paste). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;" };

export function xmlText(text: string): string {
  return text.replace(FORBIDDEN, "").replace(/[&<>"]/g, (character) => ESCAPES[character] ?? character);
}

/** An attribute value: line breaks and tabs escaped, or a reader would take them for spaces (XML 1.0, 3.3.3). */
export function xmlAttribute(text: string): string {
  return text.replace(FORBIDDEN, "").replace(/[&<>"\n\r\t]/g, (character) => ESCAPES[character] ?? character);
}

/** ` name="value"` for each defined value, in the order given. */
export function attributes(values: Record<string, string | number | boolean | undefined>): string {
  let text = "";
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    text += ` ${name}="${typeof value === "string" ? xmlAttribute(value) : typeof value === "boolean" ? (value ? 1 : 0) : value}"`;
  }
  return text;
}

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NAMESPACES = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRelationships: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  drawingMain: "http://schemas.openxmlformats.org/drawingml/2006/main",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
} as const;

/** Relationship types, by the part they lead to. */
export const RELATIONSHIP_TYPES = {
  officeDocument: `${NAMESPACES.relationships}/officeDocument`,
  coreProperties: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProperties: `${NAMESPACES.relationships}/extended-properties`,
  worksheet: `${NAMESPACES.relationships}/worksheet`,
  styles: `${NAMESPACES.relationships}/styles`,
  sharedStrings: `${NAMESPACES.relationships}/sharedStrings`,
  table: `${NAMESPACES.relationships}/table`,
  drawing: `${NAMESPACES.relationships}/drawing`,
  chart: `${NAMESPACES.relationships}/chart`,
  calcChain: `${NAMESPACES.relationships}/calcChain`,
} as const;

export const CONTENT_TYPES = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  coreProperties: "application/vnd.openxmlformats-package.core-properties+xml",
  extendedProperties: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
  calcChain: "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml",
} as const;
