/**
 * Parts anchored to cells of a sheet an update rewrites: notes (the comments part and its VML shapes), threaded
 * comments, drawings (pictures, a user's charts). When the update moves a row (a fiche inserted above it), what is
 * anchored to it moves along; each part is edited only where it names a cell, the rest of it left as it was.
 */
import { cellAddress, parseCellAddress } from "../workbook/sheet-plan";

/** The new place of an old cell; undefined when its row leaves the sheet. */
export type CellMap = (row: number, col: number) => { row: number; col: number } | undefined;

export interface Remapped {
  text: string;
  /** Old references (A1) of what had nowhere to go. */
  lost: string[];
}

/** A reference `B2` or a range `B2:C4` moved with its first cell, its size kept. */
export function remapReference(reference: string, map: CellMap): string | undefined {
  const [first, last] = reference.split(":");
  const start = parseCellAddress(first);
  if (!start) return reference;
  const moved = map(start.row, start.col);
  if (!moved) return undefined;
  if (last === undefined) return cellAddress(moved.row, moved.col);
  const end = parseCellAddress(last);
  if (!end) return undefined;
  return `${cellAddress(moved.row, moved.col)}:${cellAddress(moved.row + end.row - start.row, moved.col + end.col - start.col)}`;
}

/** The `ref` of each element `tag` (a note's `comment`, a `threadedComment`), under any prefix. */
export function remapRefAttributes(xml: string, tag: string, map: CellMap): Remapped {
  const lost: string[] = [];
  const pattern = new RegExp(`(<(?:[\\w.-]+:)?${tag}\\b[^>]*?\\sref=")([^"]*)(")`, "g");
  const text = xml.replace(pattern, (whole, before: string, reference: string, after: string) => {
    const moved = remapReference(reference, map);
    if (moved === undefined) {
      lost.push(reference);
      return whole;
    }
    return `${before}${moved}${after}`;
  });
  return { text, lost };
}

/**
 * A note's VML shape: its cell (`x:Row`, `x:Column`, from 0) and its box (`x:Anchor`: column, offset, row, offset
 * of its top-left and bottom-right corners) move by the same rows and columns.
 */
export function remapVmlNotes(vml: string, map: CellMap): Remapped {
  const lost: string[] = [];
  const text = vml.replace(/<((?:[\w.-]+:)?)ClientData\b[^>]*>[\s\S]*?<\/\1ClientData>/g, (block, prefix: string) => {
    const rowMatch = new RegExp(`<${prefix}Row>\\s*(\\d+)\\s*</${prefix}Row>`).exec(block);
    const colMatch = new RegExp(`<${prefix}Column>\\s*(\\d+)\\s*</${prefix}Column>`).exec(block);
    if (!rowMatch || !colMatch) return block;
    const row = Number(rowMatch[1]);
    const col = Number(colMatch[1]);
    const moved = map(row, col);
    if (!moved) {
      lost.push(cellAddress(row, col));
      return block;
    }
    const rows = moved.row - row;
    const cols = moved.col - col;
    if (rows === 0 && cols === 0) return block;
    return block
      .replace(rowMatch[0], `<${prefix}Row>${moved.row}</${prefix}Row>`)
      .replace(colMatch[0], `<${prefix}Column>${moved.col}</${prefix}Column>`)
      .replace(new RegExp(`(<${prefix}Anchor>)([^<]*)(</${prefix}Anchor>)`), (_whole, open: string, values: string, close: string) => {
        const numbers = values.split(",").map((value) => Number(value.trim()));
        if (numbers.length !== 8 || numbers.some((value) => !Number.isInteger(value))) return `${open}${values}${close}`;
        const [c1, dx1, r1, dy1, c2, dx2, r2, dy2] = numbers;
        return `${open}\n    ${[c1 + cols, dx1, r1 + rows, dy1, c2 + cols, dx2, r2 + rows, dy2].join(", ")}${close}`;
      });
  });
  return { text, lost };
}

/** The first element `name` (under `prefix`) of `xml`, whole, or undefined. */
function element(xml: string, prefix: string, name: string): string | undefined {
  const open = xml.indexOf(`<${prefix}${name}>`);
  const close = xml.indexOf(`</${prefix}${name}>`, open);
  return open < 0 || close < 0 ? undefined : xml.slice(open, close + prefix.length + name.length + 3);
}

/** The number an element `name` of `xml` holds (a drawing anchor's `col` or `row`). */
function numberIn(xml: string, prefix: string, name: string): number | undefined {
  const found = element(xml, prefix, name);
  return found === undefined ? undefined : Number(found.slice(prefix.length + name.length + 2, -(prefix.length + name.length + 3)));
}

/** A drawing's anchored objects follow the cell of their top-left corner; one whose row leaves stays where it was. */
export function remapDrawing(xml: string, map: CellMap): string {
  return xml.replace(/<((?:[\w.-]+:)?)(twoCellAnchor|oneCellAnchor)\b[\s\S]*?<\/\1\2>/g, (anchor, prefix: string) => {
    const from = element(anchor, prefix, "from");
    const col = from === undefined ? undefined : numberIn(from, prefix, "col");
    const row = from === undefined ? undefined : numberIn(from, prefix, "row");
    if (col === undefined || row === undefined || !Number.isInteger(col) || !Number.isInteger(row)) return anchor;
    const moved = map(row, col);
    if (!moved || (moved.row === row && moved.col === col)) return anchor;
    let result = anchor;
    for (const corner of ["from", "to"]) {
      const block = element(result, prefix, corner);
      if (block === undefined) continue;
      const cornerCol = numberIn(block, prefix, "col");
      const cornerRow = numberIn(block, prefix, "row");
      if (cornerCol === undefined || cornerRow === undefined) continue;
      const shifted = block
        .replace(element(block, prefix, "col")!, `<${prefix}col>${cornerCol + moved.col - col}</${prefix}col>`)
        .replace(element(block, prefix, "row")!, `<${prefix}row>${cornerRow + moved.row - row}</${prefix}row>`);
      result = result.replace(block, shifted);
    }
    return result;
  });
}
