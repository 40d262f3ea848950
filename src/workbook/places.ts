/**
 * Where something is in a workbook, as people are told it: « feuille « Suivi des fiches », ligne 47, colonne
 * « Statut » ». People find a row by its number and a column by its header; an A1 address means nothing to most of
 * them, and the very hidden metadata sheets are never named, since nobody can open them.
 */
import { collectionLabels, placeLabels as t } from "../labels/catalog";
import { CONSOLIDATION_SHEETS } from "./build-consolidation";
import { SHEETS } from "./layout";

const HIDDEN_SHEETS: ReadonlySet<string> = new Set([SHEETS.meta, CONSOLIDATION_SHEETS.meta, collectionLabels.names.meta]);
const A1 = /^([A-Z]+)(\d+)$/;

/** Zero-based column of an A1 column name (`A` is 0, `AA` is 26). */
function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** `headers`: the first row of the sheet as read, to name the cell's column; the header row itself names none. */
export function cellWords(sheet: string, cell: string, headers?: readonly string[]): string {
  if (HIDDEN_SHEETS.has(sheet)) return t.hidden;
  const match = A1.exec(cell);
  if (!match) return t.sheet(sheet);
  const row = Number(match[2]);
  const header = row > 1 ? headers?.[columnIndex(match[1])]?.trim() : undefined;
  return t.cell(sheet, row, header || undefined);
}

/** Addresses as the executors return them (`Suivi des fiches!F14`), told as rows, sheet by sheet. */
export function rowsWords(addresses: readonly string[]): string {
  const bySheet = new Map<string, Set<number>>();
  for (const address of addresses) {
    const bang = address.lastIndexOf("!");
    const match = A1.exec(address.slice(bang + 1));
    if (bang < 0 || !match) continue;
    const sheet = address.slice(0, bang);
    const rows = bySheet.get(sheet) ?? new Set<number>();
    rows.add(Number(match[2]));
    bySheet.set(sheet, rows);
  }
  return t.list(
    [...bySheet].map(([sheet, rows]) =>
      HIDDEN_SHEETS.has(sheet)
        ? t.hidden
        : t.rows(
            sheet,
            [...rows].sort((a, b) => a - b),
          ),
    ),
  );
}
