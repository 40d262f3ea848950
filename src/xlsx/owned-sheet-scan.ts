/**
 * What an update must carry from a sheet of the tableau it rewrites: the cells of the columns people added,
 * exactly as they were written (value, formula, style, rich text), the widths of those columns, the links, and the
 * elements that attach the sheet's notes, drawings and pictures. Read as the sheet inflates; rows and cells
 * without a reference, and any namespace prefix, are placed as every reader of the project places them.
 */
import { NAMESPACES, xmlAttribute, xmlText } from "./xml-text";
import { XmlMalformed, XmlScanner, type XmlTag } from "./xml-scanner";
import type { FrameColumn } from "./worksheet-xml";

export interface CarriedCell {
  /** The cell's attributes but its reference, and its content, as SpreadsheetML without prefixes. */
  attributes: string;
  content: string;
  formula: boolean;
}

export interface OwnedSheetScan {
  /** Old row → old column → cell, for the columns asked for. */
  cells: Map<number, Map<number, CarriedCell>>;
  /** Old column → its `<col>` settings. */
  columns: Map<number, FrameColumn>;
  hyperlinks: { ref: string; attributes: [string, string][] }[];
  /** Relationship ids of the elements that attach other parts to the sheet. */
  attached: { drawing?: string; legacyDrawing?: string; legacyDrawingHF?: string; picture?: string };
}

const ATTACHED = new Set(["drawing", "legacyDrawing", "legacyDrawingHF", "picture"]);

function local(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** `B12` → zero-based row and column. */
function position(reference: string): { row: number; col: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(reference);
  if (!match) return undefined;
  let col = 0;
  for (const letter of match[1].toUpperCase()) col = col * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/**
 * `chunks`: the sheet's XML as it inflates. `wanted(col)`: whether the cells of an old column are to be carried.
 */
export async function scanOwnedSheet(chunks: AsyncIterable<string> | Iterable<string>, wanted: (col: number) => boolean): Promise<OwnedSheetScan> {
  const scan: OwnedSheetScan = { cells: new Map(), columns: new Map(), hyperlinks: [], attached: {} };
  // Namespace declarations in scope, innermost last: openpyxl declares `r` on each element that uses it.
  const scopes: { depth: number; declared: Map<string, string> }[] = [];
  let depth = 0;
  const namespaceOf = (prefix: string) => {
    for (let index = scopes.length - 1; index >= 0; index--) {
      const found = scopes[index].declared.get(prefix);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const enter = (tag: XmlTag) => {
    depth++;
    if (!tag.declaresNamespaces()) return;
    const declared = new Map<string, string>();
    for (const [key, value] of tag.attributes()) if (key.startsWith("xmlns:")) declared.set(key.slice(6), value);
    if (declared.size > 0) scopes.push({ depth, declared });
  };
  const leave = () => {
    if (scopes.length > 0 && scopes[scopes.length - 1].depth === depth) scopes.pop();
    depth--;
  };
  let row = -1;
  let col = -1;
  // The cell being copied: its serialized content and how deep inside it the scanner is.
  let capture: { row: number; col: number; attributes: string; content: string; depth: number; formula: boolean } | undefined;
  let skipDepth = 0;
  const relationshipAttribute = (name: string) => {
    const colon = name.indexOf(":");
    return colon > 0 && namespaceOf(name.slice(0, colon)) === NAMESPACES.relationships ? `r:${name.slice(colon + 1)}` : undefined;
  };
  const isMainPrefix = (name: string) => namespaceOf(name.slice(0, name.indexOf(":"))) === NAMESPACES.main;
  /** Attributes as they go into the new sheet: unprefixed ones, `xml:space`, the relationship id under `r:`. */
  const kept = (tag: XmlTag, skip: (name: string) => boolean = () => false): [string, string][] => {
    const out: [string, string][] = [];
    for (const [name, value] of tag.attributes()) {
      if (skip(name) || name === "xmlns" || name.startsWith("xmlns:")) continue;
      if (!name.includes(":") || name.startsWith("xml:")) out.push([name, value]);
      else {
        const renamed = relationshipAttribute(name);
        if (renamed) out.push([renamed, value]);
      }
    }
    return out;
  };
  const text = (pairs: [string, string][]) => pairs.map(([name, value]) => ` ${name}="${xmlAttribute(value)}"`).join("");
  const scanner = new XmlScanner({
    open: (tag) => {
      const name = local(tag.name);
      enter(tag);
      if (capture) {
        if (skipDepth > 0 || (tag.name.includes(":") && !isMainPrefix(tag.name))) {
          if (!tag.selfClosing) skipDepth++;
          return;
        }
        if (name === "f") capture.formula = true;
        capture.content += `<${name}${text(kept(tag))}${tag.selfClosing ? "/" : ""}>`;
        if (!tag.selfClosing) capture.depth++;
        return;
      }
      switch (name) {
        case "row": {
          const number = Number(tag.attribute("r"));
          row = Number.isInteger(number) && number > 0 ? number - 1 : row + 1;
          col = -1;
          break;
        }
        case "c": {
          const reference = tag.attribute("r");
          const at = reference === undefined ? undefined : position(reference);
          col = at ? at.col : col + 1;
          if (!wanted(col)) break;
          capture = { row, col, attributes: text(kept(tag, (attribute) => attribute === "r")), content: "", depth: 0, formula: false };
          if (tag.selfClosing) finishCell();
          break;
        }
        case "col": {
          const min = Number(tag.attribute("min"));
          const max = Number(tag.attribute("max"));
          const width = Number(tag.attribute("width"));
          const style = Number(tag.attribute("style"));
          const hidden = ["1", "true"].includes(tag.attribute("hidden") ?? "");
          if (!Number.isInteger(min) || !Number.isInteger(max) || max - min > 16_384) break;
          for (let at = min - 1; at < max; at++) {
            scan.columns.set(at, {
              width: Number.isFinite(width) ? width : 9.140625,
              ...(hidden ? { hidden: true } : {}),
              ...(Number.isInteger(style) && style > 0 ? { style } : {}),
            });
          }
          break;
        }
        case "hyperlink": {
          const ref = tag.attribute("ref");
          if (ref) scan.hyperlinks.push({ ref, attributes: kept(tag, (attribute) => attribute === "ref") });
          break;
        }
        default:
          if (ATTACHED.has(name)) {
            const id = [...tag.attributes()].find(([key]) => relationshipAttribute(key) === "r:id")?.[1];
            if (id) scan.attached[name as keyof OwnedSheetScan["attached"]] = id;
          }
      }
    },
    close: (closed) => {
      leave();
      if (!capture) return;
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      if (capture.depth === 0) {
        finishCell();
        return;
      }
      capture.content += `</${local(closed)}>`;
      capture.depth--;
    },
    text: (value) => {
      if (capture && skipDepth === 0) capture.content += xmlText(value).replace(/\r/g, "&#13;");
    },
  });
  function finishCell(): void {
    if (!capture) return;
    const { row: at, col: column, attributes, content, formula } = capture;
    let cells = scan.cells.get(at);
    if (!cells) scan.cells.set(at, (cells = new Map()));
    cells.set(column, { attributes, content, formula });
    capture = undefined;
  }
  for await (const chunk of chunks) scanner.write(chunk);
  scanner.close();
  return scan;
}

/** A carried cell at its new place. */
export function carriedCellXml(cell: CarriedCell, reference: string): string {
  return cell.content === "" ? `<c r="${reference}"${cell.attributes}/>` : `<c r="${reference}"${cell.attributes}>${cell.content}</c>`;
}

export { XmlMalformed };
