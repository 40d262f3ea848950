/**
 * The cell formats a written workbook uses, numbered as SpreadsheetML numbers them (fonts, fills, borders, number
 * formats, cell formats, and the differential formats of conditional formatting), and the style sheet part that
 * declares them. A new workbook gets a style sheet of its own; an updated one keeps every format its cells already
 * use, in place, and gets the product's appended after them, so that the cells the product does not own keep
 * their look without being touched.
 */
import type { CellStyle } from "../workbook/sheet-plan";
import { XML_HEADER, NAMESPACES, attributes, xmlAttribute } from "./xml-text";

/** A cell's whole format: the plan's style and its number format. */
export interface CellFormat extends CellStyle {
  numFmt?: string | null;
}

/** What a conditional format changes. */
export interface DifferentialFormat {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

/** Number formats Excel knows by number; any other is declared in the style sheet from 164 on. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "mm-dd-yy": 14,
  "d-mmm-yy": 15,
  "h:mm": 20,
  "@": 49,
};
const FIRST_CUSTOM_FORMAT = 164;

const DEFAULT_FONT = { name: "Calibri", size: 11 };

/** `#1F5C4A` → `FF1F5C4A`, the ARGB form of SpreadsheetML. */
export function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

interface Registry<T> {
  ids: Map<string, number>;
  items: T[];
}

function registry<T>(): Registry<T> {
  return { ids: new Map(), items: [] };
}

function register<T>(into: Registry<T>, key: string, item: T, base: number): number {
  const known = into.ids.get(key);
  if (known !== undefined) return known;
  const id = base + into.items.length;
  into.items.push(item);
  into.ids.set(key, id);
  return id;
}

interface Font {
  bold?: boolean;
  italic?: boolean;
  size: number;
  color?: string;
}

/** How many of each collection the style sheet already holds: the product's entries are numbered after them. */
interface Bases {
  fonts: number;
  fills: number;
  borders: number;
  cellXfs: number;
  dxfs: number;
  nextFormat: number;
  /** Custom number formats already declared, by code: reused rather than declared twice. */
  formats: Map<string, number>;
}

/** The collections of a style sheet, in the order CT_Stylesheet wants them. */
const COLLECTIONS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;

export class StyleSheet {
  private readonly fonts = registry<Font>();
  private readonly fills = registry<string>();
  private readonly borders = registry<string>();
  private readonly cellXfs = registry<string>();
  private readonly dxfs = registry<DifferentialFormat>();
  private readonly formats = new Map<string, number>();
  private readonly bases: Bases;

  /**
   * A style sheet of its own, or one extending `existing` (the style sheet part of a workbook being updated). The
   * reserved entries of a new sheet (default font, the two reserved fills, the empty border, the default cell
   * format) are registered first, so that a fresh workbook's numbering starts where SpreadsheetML expects it.
   */
  private constructor(private readonly existing?: string) {
    this.bases = existing ? basesOf(existing) : { fonts: 0, fills: 0, borders: 0, cellXfs: 0, dxfs: 0, nextFormat: FIRST_CUSTOM_FORMAT, formats: new Map() };
    if (!existing) {
      register(this.fonts, fontKey({ size: DEFAULT_FONT.size }), { size: DEFAULT_FONT.size }, 0);
      register(this.fills, "none", '<patternFill patternType="none"/>', 0);
      register(this.fills, "gray125", '<patternFill patternType="gray125"/>', 0);
      register(this.borders, "", "", 0);
      register(this.cellXfs, "", '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', 0);
    }
  }

  static fresh(): StyleSheet {
    return new StyleSheet();
  }

  /** The product's formats appended to the style sheet part `xml` of an existing workbook. */
  static extending(xml: string): StyleSheet {
    return new StyleSheet(xml);
  }

  /** The cell format index (`s` of a cell) of a format; 0 in a new workbook for the default. */
  cellFormat(format: CellFormat): number {
    const numFmtId = this.numberFormat(format.numFmt);
    const fontId = this.font(format);
    const fillId = format.fill
      ? register(
          this.fills,
          format.fill,
          `<patternFill patternType="solid"><fgColor rgb="${argb(format.fill)}"/><bgColor indexed="64"/></patternFill>`,
          this.bases.fills,
        )
      : 0;
    const borderId = format.border ? this.border(format.borderColor ?? "#A19F9D") : 0;
    const alignment =
      format.horizontalAlignment || format.verticalAlignment || format.wrap
        ? `<alignment${attributes({ horizontal: format.horizontalAlignment, vertical: format.verticalAlignment, wrapText: format.wrap ? true : undefined })}/>`
        : "";
    const protection = format.locked === false ? '<protection locked="0"/>' : "";
    const applied = attributes({
      applyNumberFormat: numFmtId !== 0 ? true : undefined,
      applyFont: fontId !== 0 ? true : undefined,
      applyFill: fillId !== 0 ? true : undefined,
      applyBorder: borderId !== 0 ? true : undefined,
      applyAlignment: alignment ? true : undefined,
      applyProtection: protection ? true : undefined,
    });
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    const xf = alignment || protection ? `${open}>${alignment}${protection}</xf>` : `${open}/>`;
    return register(this.cellXfs, xf, xf, this.bases.cellXfs);
  }

  /** The differential format index (`dxfId`) of a conditional format's look. */
  differential(format: DifferentialFormat): number {
    return register(this.dxfs, `${format.fill ?? ""}|${format.fontColor ?? ""}|${format.bold ? 1 : 0}`, format, this.bases.dxfs);
  }

  private numberFormat(code: string | null | undefined): number {
    if (!code) return 0;
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const known = this.formats.get(code) ?? this.bases.formats.get(code);
    if (known !== undefined) return known;
    const id = this.bases.nextFormat + this.formats.size;
    this.formats.set(code, id);
    return id;
  }

  private font(format: CellFormat): number {
    const font: Font = {
      size: format.fontSize ?? DEFAULT_FONT.size,
      ...(format.bold ? { bold: true } : {}),
      ...(format.italic ? { italic: true } : {}),
      ...(format.fontColor ? { color: format.fontColor } : {}),
    };
    const key = fontKey(font);
    // In a new workbook the plain font is font 0; in an updated one, font 0 is the user's and ours is added.
    return register(this.fonts, key, font, this.bases.fonts);
  }

  private border(color: string): number {
    const side = (name: string) => `<${name} style="thin"><color rgb="${argb(color)}"/></${name}>`;
    return register(this.borders, color, `${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/>`, this.bases.borders);
  }

  /** The style sheet part: a whole new one, or the existing one with the product's entries appended. */
  xml(): string {
    const p = this.existing ? prefixOf(this.existing) : "";
    const entries: Record<(typeof COLLECTIONS)[number], string[]> = {
      numFmts: [...this.formats].map(([code, id]) => `<${p}numFmt numFmtId="${id}" formatCode="${xmlAttribute(code)}"/>`),
      fonts: this.fonts.items.map((font) => fontXml(font, p)),
      fills: this.fills.items.map((fill) => `<${p}fill>${prefixed(fill, p)}</${p}fill>`),
      borders: this.borders.items.map((border) =>
        border ? `<${p}border>${prefixed(border, p)}</${p}border>` : `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`,
      ),
      cellStyleXfs: [],
      cellXfs: this.cellXfs.items.map((xf) => prefixed(xf, p)),
      cellStyles: [],
      dxfs: this.dxfs.items.map((dxf) => dxfXml(dxf, p)),
      tableStyles: [],
      colors: [],
      extLst: [],
    };
    if (this.existing) return spliced(this.existing, p, entries);
    return `${XML_HEADER}<styleSheet xmlns="${NAMESPACES.main}">${collection("numFmts", entries.numFmts)}${collection("fonts", entries.fonts)}${collection("fills", entries.fills)}${collection("borders", entries.borders)}<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>${collection("cellXfs", entries.cellXfs)}<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="${entries.dxfs.length}">${entries.dxfs.join("")}</dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
  }
}

function collection(name: string, items: string[]): string {
  return items.length === 0 ? "" : `<${name} count="${items.length}">${items.join("")}</${name}>`;
}

function fontKey(font: Font): string {
  return `${font.bold ? "b" : ""}${font.italic ? "i" : ""}|${font.size}|${font.color ?? ""}`;
}

function fontXml(font: Font, p: string): string {
  // Named: without a name LibreOffice falls back to a serif face.
  return `<${p}font>${font.bold ? `<${p}b/>` : ""}${font.italic ? `<${p}i/>` : ""}<${p}sz val="${font.size}"/>${font.color ? `<${p}color rgb="${argb(font.color)}"/>` : ""}<${p}name val="${DEFAULT_FONT.name}"/><${p}family val="2"/></${p}font>`;
}

function dxfXml(dxf: DifferentialFormat, p: string): string {
  const font =
    dxf.bold || dxf.fontColor ? `<${p}font>${dxf.bold ? `<${p}b/>` : ""}${dxf.fontColor ? `<${p}color rgb="${argb(dxf.fontColor)}"/>` : ""}</${p}font>` : "";
  // A differential fill has its colour as the pattern's background and no pattern type, as Excel writes it.
  const fill = dxf.fill ? `<${p}fill><${p}patternFill><${p}bgColor rgb="${argb(dxf.fill)}"/></${p}patternFill></${p}fill>` : "";
  return `<${p}dxf>${font}${fill}</${p}dxf>`;
}

/** Element names of SpreadsheetML written here without a prefix, given the prefix of the part they go into. */
function prefixed(xml: string, p: string): string {
  return p ? xml.replace(/<(\/?)([a-zA-Z])/g, `<$1${p}$2`) : xml;
}

/** The prefix (`x:`) the main namespace has on a part's root element, or none. */
function prefixOf(xml: string): string {
  const match = /<(?:([A-Za-z_][\w.-]*):)?styleSheet[\s>]/.exec(xml);
  return match?.[1] ? `${match[1]}:` : "";
}

/** An element of the main namespace: where it opens (whole tag), and where its content ends. */
function located(xml: string, p: string, name: string): { open: RegExpExecArray; closeAt: number } | undefined {
  const open = new RegExp(`<${p.replace(/[.]/g, "\\.")}${name}(?=[\\s/>])[^>]*>`).exec(xml);
  if (!open) return undefined;
  if (open[0].endsWith("/>")) return { open, closeAt: -1 };
  const close = xml.indexOf(`</${p}${name}>`, open.index);
  return close < 0 ? undefined : { open, closeAt: close };
}

function basesOf(xml: string): Bases {
  const p = prefixOf(xml);
  const count = (name: string, item: string) => {
    const found = located(xml, p, name);
    if (!found || found.closeAt < 0) return 0;
    const body = xml.slice(found.open.index + found.open[0].length, found.closeAt);
    return (body.match(new RegExp(`<${p}${item}(?=[\\s/>])`, "g")) ?? []).length;
  };
  const formats = new Map<string, number>();
  let highest = FIRST_CUSTOM_FORMAT - 1;
  const numFmts = located(xml, p, "numFmts");
  if (numFmts && numFmts.closeAt > 0) {
    const body = xml.slice(numFmts.open.index, numFmts.closeAt);
    for (const tag of body.matchAll(new RegExp(`<${p}numFmt\\b[^>]*>`, "g"))) {
      const id = Number(/numFmtId="(\d+)"/.exec(tag[0])?.[1]);
      const code = /formatCode="([^"]*)"/.exec(tag[0])?.[1];
      if (!Number.isInteger(id)) continue;
      highest = Math.max(highest, id);
      if (code !== undefined) formats.set(decodeAttribute(code), id);
    }
  }
  return {
    fonts: count("fonts", "font"),
    fills: count("fills", "fill"),
    borders: count("borders", "border"),
    cellXfs: count("cellXfs", "xf"),
    dxfs: count("dxfs", "dxf"),
    nextFormat: highest + 1,
    formats,
  };
}

function decodeAttribute(value: string): string {
  return value.replace(/&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (named[entity]) return named[entity];
    return String.fromCodePoint(entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
  });
}

/** The existing style sheet with each collection's new entries added at its end and its count updated. */
function spliced(xml: string, p: string, entries: Record<(typeof COLLECTIONS)[number], string[]>): string {
  let result = xml;
  for (const [index, name] of COLLECTIONS.entries()) {
    const added = entries[name];
    if (added.length === 0) continue;
    const found = located(result, p, name);
    if (found && found.closeAt >= 0) {
      const openTag = found.open[0];
      const total = countItems(result.slice(found.open.index + openTag.length, found.closeAt), p, name) + added.length;
      const newOpen = /\bcount="\d+"/.test(openTag) ? openTag.replace(/\bcount="\d+"/, `count="${total}"`) : openTag.replace(/(\/?)>$/, ` count="${total}"$1>`);
      result = `${result.slice(0, found.open.index)}${newOpen}${result.slice(found.open.index + openTag.length, found.closeAt)}${added.join("")}${result.slice(found.closeAt)}`;
      continue;
    }
    const element = `<${p}${name} count="${added.length}">${added.join("")}</${p}${name}>`;
    if (found) {
      // Self-closing and empty: replaced by the filled element.
      result = `${result.slice(0, found.open.index)}${element}${result.slice(found.open.index + found.open[0].length)}`;
      continue;
    }
    // Absent: placed before the first collection that comes after it, or at the end of the style sheet.
    const next = COLLECTIONS.slice(index + 1)
      .map((later) => located(result, p, later))
      .find((later) => later !== undefined);
    const at = next ? next.open.index : result.lastIndexOf(`</${p}styleSheet>`);
    result = `${result.slice(0, at)}${element}${result.slice(at)}`;
  }
  return result;
}

const ITEM_OF: Record<string, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" };

function countItems(body: string, p: string, collectionName: string): number {
  const item = ITEM_OF[collectionName];
  if (!item) return 0;
  // Direct children only: an xf's own elements are not xf, a dxf holds a font and a fill, not a dxf.
  return (body.match(new RegExp(`<${p}${item}(?=[\\s/>])`, "g")) ?? []).length;
}
