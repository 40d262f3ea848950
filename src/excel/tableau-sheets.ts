/**
 * Where the entries of a tableau sit in the open workbook, found from the sheets' headers as the contract says.
 * Only what an entry or a lock needs is read: the headers, the key columns of the two entry sheets and the small
 * metadata sheet, not three whole sheets (a 200-fiche tableau with long texts would not fit in one response).
 */
import { Refusal } from "../domain/refusal";
import { foldText } from "../domain/vocabulary";
import { officeLabels } from "../labels/catalog";
import { MEASUREMENT_COLUMNS, META_KEYS, SHEETS, TRACKING_COLUMNS, lockedQuartersOf } from "../workbook/layout";
import type { CellValue } from "../workbook/sheet-plan";
import { MEASUREMENTS_SPEC, TRACKING_SPEC, optionalKeysOf } from "../workbook/tableau-columns";
import { type ReadCounter, type SheetShape, readBlocks, readShapes } from "./read-sheets";

/** The workbook holds no tableau, or one whose columns were renamed by hand. */
export class TableauNotFound extends Refusal {}

type Columns<K extends string> = Record<K, number>;

export interface EntrySheets {
  trackingColumns: Columns<keyof typeof TRACKING_COLUMNS>;
  measurementColumns: Columns<keyof typeof MEASUREMENT_COLUMNS>;
  /** Sheet row of each (fiche code, quarter) of « Suivi des fiches ». */
  trackingRows: Map<string, number>;
  /** Sheet row of each (indicator id, quarter) of « Saisies ». */
  measurementRows: Map<string, number>;
  /** Sheet rows of the quarter in each entry sheet. */
  quarterRows: { tracking: Map<string, number[]>; measurements: Map<string, number[]> };
  lockedQuarters: string[];
  /** Row of each quarter's lock in the metadata sheet (template 1.2). */
  lockRows: Map<string, number>;
  /** Row of the single list of locked quarters of templates 1.0 and 1.1. */
  legacyLockRow: number;
  protection: Record<string, boolean>;
}

/** Column of each header; an optional column (added by a later template) that is missing is -1. */
function columnsOf<K extends string>(sheet: string, header: readonly CellValue[] | undefined, headers: Record<K, string>, optional: readonly K[]): Columns<K> {
  const folded = (header ?? []).map((cell) => foldText(String(cell ?? "")));
  const columns = {} as Columns<K>;
  for (const key of Object.keys(headers) as K[]) {
    const index = folded.indexOf(foldText(headers[key]));
    if (index < 0 && !optional.includes(key)) throw new TableauNotFound(officeLabels.tableau.columnMissing(headers[key], sheet));
    columns[key] = index;
  }
  return columns;
}

/** Codes and quarters are compared as text, whatever Excel made of a cell ("1.1" may have become a number). */
export function keyOf(...parts: CellValue[]): string {
  return parts.map((part) => String(part ?? "").trim()).join("\u0000");
}

/** Two syncs: the shapes and headers, then the key columns and the metadata. */
export async function readEntrySheets(context: Excel.RequestContext, counter: ReadCounter = { syncs: 0 }): Promise<EntrySheets> {
  const names = [SHEETS.tracking, SHEETS.measurements, SHEETS.meta];
  const shapes = await readShapes(context, names, { header: true, protection: true, counter });
  if (names.some((name) => !shapes[name].exists) || !shapes[SHEETS.meta].used) throw new TableauNotFound(officeLabels.tableau.notFound);
  const t = columnsOf(SHEETS.tracking, shapes[SHEETS.tracking].header, TRACKING_COLUMNS, optionalKeysOf(TRACKING_SPEC));
  const m = columnsOf(SHEETS.measurements, shapes[SHEETS.measurements].header, MEASUREMENT_COLUMNS, optionalKeysOf(MEASUREMENTS_SPEC));
  const meta = shapes[SHEETS.meta].used!;
  const column = (sheet: string, shape: SheetShape, col: number) => ({
    sheet,
    row: 1,
    col,
    rows: Math.max(0, (shape.used?.row ?? 0) + (shape.used?.rows ?? 0) - 1),
    cols: 1,
  });
  const [quarters, codes, ids, measuredQuarters, metaCells] = await readBlocks(
    context,
    [
      column(SHEETS.tracking, shapes[SHEETS.tracking], t.quarter),
      column(SHEETS.tracking, shapes[SHEETS.tracking], t.code),
      column(SHEETS.measurements, shapes[SHEETS.measurements], m.id),
      column(SHEETS.measurements, shapes[SHEETS.measurements], m.quarter),
      { sheet: SHEETS.meta, row: 0, col: 0, rows: meta.row + meta.rows, cols: 2 },
    ],
    // Codes, identifiers, quarters and metadata are short: a read that finds longer ones slices itself again.
    { counter, bytesPerCell: 48 },
  );
  const trackingRows = new Map<string, number>();
  const quarterRows = { tracking: new Map<string, number[]>(), measurements: new Map<string, number[]>() };
  const note = (rows: Map<string, number[]>, quarter: CellValue, row: number) => {
    const key = keyOf(quarter);
    rows.set(key, [...(rows.get(key) ?? []), row]);
  };
  quarters.forEach((cells, index) => {
    trackingRows.set(keyOf(codes[index]?.[0] ?? null, cells[0]), index + 1);
    note(quarterRows.tracking, cells[0], index + 1);
  });
  const measurementRows = new Map<string, number>();
  ids.forEach((cells, index) => {
    measurementRows.set(keyOf(cells[0], measuredQuarters[index]?.[0] ?? null), index + 1);
    note(quarterRows.measurements, measuredQuarters[index]?.[0] ?? null, index + 1);
  });
  const metaValues: Record<string, string> = {};
  const lockRows = new Map<string, number>();
  let legacyLockRow = -1;
  metaCells.forEach((cells, row) => {
    const key = String(cells[0] ?? "").trim();
    if (!key) return;
    metaValues[key] = String(cells[1] ?? "");
    if (key === META_KEYS.lockedQuarters) legacyLockRow = row;
    if (key.startsWith(META_KEYS.lockPrefix)) lockRows.set(key.slice(META_KEYS.lockPrefix.length), row);
  });
  return {
    trackingColumns: t,
    measurementColumns: m,
    trackingRows,
    measurementRows,
    quarterRows,
    lockedQuarters: lockedQuartersOf(metaValues),
    lockRows,
    legacyLockRow,
    protection: Object.fromEntries(names.map((name) => [name, shapes[name].protected ?? false])),
  };
}
