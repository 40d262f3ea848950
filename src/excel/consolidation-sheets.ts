/**
 * The consolidation in the open workbook: what an earlier consolidation holds is read back (to merge a new batch
 * into it), and the merged result is written with native charts. A territory's own tableau is never a target: the
 * Caf consolidates in a workbook of its own, so no territory's file is altered.
 */
import {
  CONSOLIDATION_FORMAT_ID,
  CONSOLIDATION_SHEETS,
  STATUS_ROW_COLUMNS,
  TALLY_COLUMNS,
  TERRITORY_COLUMNS,
  VALUE_ROW_COLUMNS,
  type ConsolidationContent,
  buildConsolidationPlan,
  keyColumn,
  storedTally,
  storedTerritory,
  valueFormats,
} from "../workbook/build-consolidation";
import { SHEETS } from "../workbook/layout";
import type { KeyedRow, StoredConsolidation } from "../workbook/merge-consolidation";
import type { ColumnSpec } from "../workbook/table-sheet";
import type { CellValue } from "../workbook/sheet-plan";
import { applyWorkbookPlan, type ApplyReport } from "./apply-plan";

export class ConsolidationRefused extends Error {}

export interface StoredInWorkbook extends StoredConsolidation {
  byKey: Map<string, { territory: string; savedAt?: string }>;
}

/**
 * Cells asked for in one `context.sync()`: the long tables of a large consolidation would otherwise exceed the
 * size Excel accepts for one response (about 5 MB on the web).
 */
export const CELLS_PER_READ = 40_000;

const READ_SHEETS: [string, ColumnSpec[]][] = [
  [CONSOLIDATION_SHEETS.territories, TERRITORY_COLUMNS],
  [CONSOLIDATION_SHEETS.tallies, TALLY_COLUMNS],
  [CONSOLIDATION_SHEETS.statuses, STATUS_ROW_COLUMNS],
  [CONSOLIDATION_SHEETS.values, VALUE_ROW_COLUMNS],
];

const NEW_WORKBOOK = "Ouvrez un nouveau classeur vide (Fichier > Nouveau) et relancez la consolidation depuis l'onglet CTG Suivi du ruban.";

/** Reads an earlier consolidation of this workbook (none: empty), refusing a workbook it must not write into. */
export async function readConsolidation(context: Excel.RequestContext, cellsPerRead = CELLS_PER_READ): Promise<StoredInWorkbook> {
  const names = [SHEETS.meta, CONSOLIDATION_SHEETS.meta, ...Object.values(CONSOLIDATION_SHEETS).filter((name) => name !== CONSOLIDATION_SHEETS.meta)];
  const probes = names.map((name) => {
    const worksheet = context.workbook.worksheets.getItemOrNullObject(name);
    const used = worksheet.getUsedRangeOrNullObject(true);
    // The consolidation's own metadata is small: read at once, it says whether the rest may be read.
    used.load(name === CONSOLIDATION_SHEETS.meta ? "rowIndex,rowCount,values" : "rowIndex,rowCount");
    return { name, worksheet, used };
  });
  await context.sync();

  const exists = (name: string) => probes.some((probe) => probe.name === name && !probe.worksheet.isNullObject);
  if (exists(SHEETS.meta)) {
    throw new ConsolidationRefused(`Ce classeur est le tableau de suivi d'un territoire : la consolidation n'écrit jamais dans le fichier d'un territoire. ${NEW_WORKBOOK}`);
  }
  const empty: StoredInWorkbook = { territories: [], tallies: [], statuses: [], values: [], byKey: new Map() };
  if (!exists(CONSOLIDATION_SHEETS.meta)) {
    const taken = Object.values(CONSOLIDATION_SHEETS).filter(exists);
    if (taken.length > 0) {
      throw new ConsolidationRefused(
        `Ce classeur a déjà ${taken.length > 1 ? "des feuilles" : "une feuille"} ${taken.map((name) => `« ${name} »`).join(", ")} qui ne ${taken.length > 1 ? "viennent" : "vient"} pas d'une consolidation CTG Suivi : elles seraient remplacées. ${NEW_WORKBOOK}`,
      );
    }
    return empty;
  }
  const meta = probes.find((probe) => probe.name === CONSOLIDATION_SHEETS.meta)!.used;
  const format = meta.isNullObject ? undefined : (meta.values as unknown[][]).find((row) => row[0] === "format")?.[1];
  if (format !== CONSOLIDATION_FORMAT_ID) {
    throw new ConsolidationRefused(`La feuille cachée « ${CONSOLIDATION_SHEETS.meta} » ne décrit pas une consolidation CTG Suivi : le classeur n'a pas été modifié. ${NEW_WORKBOOK}`);
  }

  const grids = await readLongSheets(
    context,
    READ_SHEETS.map(([name, columns]) => {
      const probe = probes.find((item) => item.name === name)!;
      const rows = probe.worksheet.isNullObject || probe.used.isNullObject ? 0 : probe.used.rowIndex + probe.used.rowCount;
      return { name, width: columns.length, rows };
    }),
    cellsPerRead,
  );
  for (const [name, columns] of READ_SHEETS) checkHeader(name, columns, grids[name]);

  const stored = empty;
  for (const values of grids[CONSOLIDATION_SHEETS.territories].slice(1)) {
    const territory = storedTerritory(values);
    if (!territory) continue;
    stored.territories.push({ key: territory.key, row: { values } });
    stored.byKey.set(territory.key, { territory: territory.territory, ...(territory.savedAt ? { savedAt: territory.savedAt } : {}) });
  }
  for (const values of grids[CONSOLIDATION_SHEETS.tallies].slice(1)) {
    const tally = storedTally(values);
    if (tally) stored.tallies.push(tally);
  }
  stored.statuses = keyedRows(grids[CONSOLIDATION_SHEETS.statuses], STATUS_ROW_COLUMNS);
  stored.values = keyedRows(grids[CONSOLIDATION_SHEETS.values], VALUE_ROW_COLUMNS, (cells) => valueFormats(String(cells[5] ?? ""), cells));
  return stored;
}

/** Writes the merged consolidation: its sheets are rewritten, the user's other sheets and charts stay. */
export async function writeConsolidation(context: Excel.RequestContext, content: ConsolidationContent, options: { maxRequestBytes?: number } = {}): Promise<ApplyReport & { charts: number }> {
  const plan = buildConsolidationPlan(content);
  const applied = await applyWorkbookPlan(context, plan, options);
  return { ...applied, charts: plan.sheets.reduce((sum, sheet) => sum + (sheet.charts?.length ?? 0), 0) };
}

/** Rows from A1, `width` columns wide, read in slices of at most `cellsPerRead` cells per sync. */
async function readLongSheets(context: Excel.RequestContext, sheets: { name: string; width: number; rows: number }[], cellsPerRead: number): Promise<Record<string, CellValue[][]>> {
  const grids: Record<string, CellValue[][]> = {};
  let pending: { name: string; range: Excel.Range }[] = [];
  let pendingCells = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await context.sync();
    for (const { name, range } of pending) {
      for (const row of range.values as unknown[][]) grids[name].push(row.map((value) => (value === "" || value === undefined ? null : (value as CellValue))));
    }
    pending = [];
    pendingCells = 0;
  };
  for (const { name, width, rows } of sheets) {
    grids[name] = [];
    const slice = Math.max(1, Math.floor(cellsPerRead / width));
    for (let start = 0; start < rows; start += slice) {
      const count = Math.min(slice, rows - start);
      if (pendingCells + count * width > cellsPerRead) await flush();
      const range = context.workbook.worksheets.getItem(name).getRangeByIndexes(start, 0, count, width);
      range.load("values");
      pending.push({ name, range });
      pendingCells += count * width;
    }
  }
  await flush();
  return grids;
}

function checkHeader(name: string, columns: ColumnSpec[], grid: CellValue[][]): void {
  if (grid.length === 0) return;
  const header = grid[0];
  const wrong = columns.findIndex((column, index) => header[index] !== column.header);
  if (wrong >= 0) {
    throw new ConsolidationRefused(
      `La feuille « ${name} » de la consolidation a été modifiée (colonne ${wrong + 1} : « ${String(header[wrong] ?? "")} » au lieu de « ${columns[wrong].header} ») : elle ne peut pas être complétée sans risque de perdre des lignes. Rétablissez l'en-tête, ou ${NEW_WORKBOOK.charAt(0).toLowerCase()}${NEW_WORKBOOK.slice(1)}`,
    );
  }
}

function keyedRows(grid: CellValue[][], columns: ColumnSpec[], formats?: (cells: CellValue[]) => (string | null)[]): KeyedRow[] {
  const column = keyColumn(columns);
  const rows: KeyedRow[] = [];
  for (const values of grid.slice(1)) {
    const key = values[column];
    if (typeof key !== "string" || key === "") continue;
    rows.push({ key, row: formats ? { values, formats: formats(values) } : { values } });
  }
  return rows;
}
