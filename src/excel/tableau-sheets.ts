/** Where the entries of a tableau sit in the open workbook, found from the sheets' headers as the contract says. */
import { foldText } from "../domain/vocabulary";
import { MEASUREMENT_COLUMNS, META_KEYS, SHEETS, TRACKING_COLUMNS } from "../workbook/layout";
import type { Grid } from "../workbook/sheet-plan";
import { readGrids } from "./read-grids";

export class TableauNotFound extends Error {}

export interface EntrySheets {
  tracking: Grid;
  measurements: Grid;
  meta: Grid;
  trackingColumns: Record<keyof typeof TRACKING_COLUMNS, number>;
  measurementColumns: Record<keyof typeof MEASUREMENT_COLUMNS, number>;
  lockedQuarters: string[];
  /** Row of the locked-quarters entry in the metadata sheet. */
  lockedQuartersRow: number;
}

function columnsOf<K extends string>(sheet: string, grid: Grid, headers: Record<K, string>): Record<K, number> {
  const header = (grid[0] ?? []).map((cell) => foldText(String(cell ?? "")));
  const columns = {} as Record<K, number>;
  for (const key of Object.keys(headers) as K[]) {
    const index = header.indexOf(foldText(headers[key]));
    if (index < 0) throw new TableauNotFound(`La colonne « ${headers[key]} » est introuvable dans la feuille « ${sheet} » : le tableau a été modifié à la main.`);
    columns[key] = index;
  }
  return columns;
}

/** One sync: the entry sheets, their columns and the quarters locked after their COPIL. */
export async function readEntrySheets(context: Excel.RequestContext): Promise<EntrySheets> {
  const grids = await readGrids(context, [SHEETS.tracking, SHEETS.measurements, SHEETS.meta]);
  const tracking = grids[SHEETS.tracking];
  const measurements = grids[SHEETS.measurements];
  const meta = grids[SHEETS.meta];
  if (!tracking || !measurements || !meta) throw new TableauNotFound("Ce classeur ne contient pas de tableau de suivi CTG : créez-le d'abord.");
  const lockedQuartersRow = meta.findIndex((row) => row[0] === META_KEYS.lockedQuarters);
  const lockedText = lockedQuartersRow >= 0 ? String(meta[lockedQuartersRow][1] ?? "") : "";
  return {
    tracking,
    measurements,
    meta,
    trackingColumns: columnsOf(SHEETS.tracking, tracking, TRACKING_COLUMNS),
    measurementColumns: columnsOf(SHEETS.measurements, measurements, MEASUREMENT_COLUMNS),
    lockedQuarters: lockedText.split(",").map((quarter) => quarter.trim()).filter(Boolean),
    lockedQuartersRow,
  };
}

export function rowsWhere(grid: Grid, predicate: (row: Grid[number]) => boolean): number[] {
  const rows: number[] = [];
  for (let index = 1; index < grid.length; index++) if (predicate(grid[index] ?? [])) rows.push(index);
  return rows;
}
