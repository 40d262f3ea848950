/** The independent readers of written files, side by side with the project's: openpyxl, cell for cell. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { XlsxPackage } from "../../../src/xlsx/xlsx-reader";
import { bytesSource } from "../../../src/xlsx/zip-archive";

export const PYTHON = "/usr/bin/python3";
const OPENPYXL_CELLS = resolve(__dirname, "openpyxl_cells.py");

export type Cells = Record<string, [number, number, unknown][]>;

/** What openpyxl reads, or undefined when it fails or never ends (15 seconds). */
export function openpyxlCells(path: string): Cells | undefined {
  try {
    return JSON.parse(execFileSync(PYTHON, [OPENPYXL_CELLS, path], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 15_000 })) as Cells;
  } catch {
    return undefined;
  }
}

export async function ourCells(file: string): Promise<Cells> {
  const workbook = await XlsxPackage.open(bytesSource(new Uint8Array(readFileSync(file))));
  const read = await workbook.read(workbook.sheets.map((sheet) => sheet.name));
  const cells: Cells = {};
  for (const [sheet, content] of read) {
    cells[sheet] = content.grid.flatMap((row, r) => row.flatMap((value, c) => (value === null ? [] : [[r, c, value] as [number, number, unknown]])));
    // An error cell (`#N/A`) has no value for our reader, which reports it at its cell; openpyxl reads its code as text.
    for (const { row, col, problem } of content.cellProblems) if (problem.kind === "formulaError") cells[sheet].push([row, col, problem.written]);
  }
  return cells;
}

/** Cells where the two readers differ, the known differences set aside. */
export function differences(ours: Cells, theirs: Cells): string[] {
  const found: string[] = [];
  for (const sheet of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    const a = new Map((ours[sheet] ?? []).map(([r, c, v]) => [`${r},${c}`, v]));
    const b = new Map((theirs[sheet] ?? []).map(([r, c, v]) => [`${r},${c}`, v]));
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(key);
      const y = b.get(key);
      if (x === y || (typeof x === "number" && typeof y === "number" && Math.abs(x - y) < 1e-6)) continue;
      // openpyxl reads a zero date as midnight (a time); in a 1904 workbook Excel shows it as 1 January 1904.
      if (x === 1462 && y === 0) continue;
      // Excel writes a carriage return as _x000D_ and shows it as one; openpyxl keeps the escape as text.
      if (
        typeof x === "string" &&
        typeof y === "string" &&
        x === y.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      )
        continue;
      found.push(`${sheet}!${key}: ${JSON.stringify(x)} / openpyxl ${JSON.stringify(y)}`);
    }
  }
  return found;
}
