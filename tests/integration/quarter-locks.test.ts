/**
 * The rows of quarters not yet begun are locked in the files the command line writes, and open as time passes:
 * tableaux written at a date by `ctg init` and the project's writer, updated at a later date by `ctg init --update`,
 * then read back cell by cell (protection and tint, as the file's styles say) and entry by entry (the project's
 * reader). A quarter locked after its COPIL stays locked through all of it.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Tracking } from "../../src/domain/tracking";
import { COLORS, MEASUREMENT_COLUMNS, META_KEYS, SHEETS, TRACKING_COLUMNS, lockKey } from "../../src/workbook/layout";
import { cellAddress } from "../../src/workbook/sheet-plan";
import { MEASUREMENTS_SPEC, TRACKING_SPEC, entryKeysOf, headersOf } from "../../src/workbook/tableau-columns";
import { readTableauFile, writeTrackingFile } from "../../src/xlsx/tableau-file";
import { attributeOf, firstChild } from "../../src/xlsx/xml-tree";
import { sheetLabels } from "../../src/labels/catalog";
import { ctgAt } from "../support/cli";
import { SMALL_PLAN_JSON, smallPlan } from "../support/small-plan";
import { type CellInfo, XlsxFile, rowsOf, sheetsOf } from "../support/xlsx-package";

jest.setTimeout(60_000);

const WRITTEN = "2026-05-10T09:00:00.000Z";
const LATER = "2026-07-02T08:00:00.000Z";
const QUARTERS = ["2026-T1", "2026-T2", "2026-T3", "2026-T4", "2027-T1", "2027-T2", "2027-T3", "2027-T4"];

type RowState = "open" | "locked" | "mixed";

const ENTRY_SHEETS = [
  { name: SHEETS.tracking, quarterHeader: TRACKING_COLUMNS.quarter, entryHeaders: entryKeysOf(TRACKING_SPEC).map((key) => headersOf(TRACKING_SPEC)[key]) },
  {
    name: SHEETS.measurements,
    quarterHeader: MEASUREMENT_COLUMNS.quarter,
    entryHeaders: entryKeysOf(MEASUREMENTS_SPEC).map((key) => headersOf(MEASUREMENTS_SPEC)[key]),
  },
];

const sameColor = (argb: string | undefined, hex: string) => (argb ?? "").slice(-6).toUpperCase() === hex.slice(1).toUpperCase();

/** Each cell of a sheet's data rows as the file describes it, by address, with the quarter of its row. */
async function sheetCells(
  path: string,
  sheet: string,
  quarterHeader: string,
): Promise<{ header: string[]; rows: { quarter: string; cells: (CellInfo | undefined)[] }[] }> {
  const file = await XlsxFile.open(path);
  const grid = (await sheetsOf(path)).find(([name]) => name === sheet)![1];
  const header = grid[0].map((cell) => String(cell ?? ""));
  const quarterCol = header.indexOf(quarterHeader);
  const rows = [];
  for (let row = 1; row < grid.length; row++) {
    const cells = [];
    for (let col = 0; col < header.length; col++) cells.push(await file.cell(sheet, cellAddress(row, col)));
    rows.push({ quarter: String(grid[row][quarterCol]), cells });
  }
  return { header, rows };
}

/** Per quarter: whether every entry cell of its rows is unlocked and cream, or locked and grey. */
async function quarterStates(path: string): Promise<Record<string, Record<string, RowState>>> {
  const states: Record<string, Record<string, RowState>> = {};
  for (const { name, quarterHeader, entryHeaders } of ENTRY_SHEETS) {
    const { header, rows } = await sheetCells(path, name, quarterHeader);
    const entryCols = entryHeaders.map((entry) => header.indexOf(entry));
    expect(entryCols).not.toContain(-1);
    const bySheet: Record<string, RowState> = {};
    for (const { quarter, cells } of rows) {
      for (const col of entryCols) {
        const style = cells[col]!.style;
        const state: RowState =
          !style.locked && sameColor(style.fill, COLORS.entryFill) ? "open" : style.locked && sameColor(style.fill, COLORS.lockedFill) ? "locked" : "mixed";
        bySheet[quarter] = bySheet[quarter] === undefined || bySheet[quarter] === state ? state : "mixed";
      }
    }
    states[name] = bySheet;
  }
  return states;
}

/** The expected states of both sheets: « Saisies » has rows in every quarter (its annual indicator only in T4s). */
function expected(states: Record<string, RowState>): Record<string, Record<string, RowState>> {
  return { [SHEETS.tracking]: states, [SHEETS.measurements]: states };
}

/** Every quarter open or locked: one in neither list is a mistake of the test. */
function statesFrom(open: string[], locked: string[]): Record<string, RowState> {
  const missing = QUARTERS.filter((quarter) => !open.includes(quarter) && !locked.includes(quarter));
  if (missing.length > 0) throw new Error(`no state given for ${missing.join(", ")}`);
  return Object.fromEntries(QUARTERS.map((quarter): [string, RowState] => [quarter, open.includes(quarter) ? "open" : "locked"]));
}

/** The small plan with two quarters of entries, the first locked after its COPIL. */
function enteredTracking(): Tracking {
  const plan = smallPlan();
  const indicator = plan.axes[0].subAxes[0].actions[0].indicators[0];
  return {
    plan,
    statuses: [
      { actionCode: "1.A.1", quarter: "2026-T1", status: "En cours", progress: 20, achievements: "Étude de besoins" },
      { actionCode: "1.A.1", quarter: "2026-T2", status: "En cours", progress: 40 },
      { actionCode: "2.A.1", quarter: "2026-T2", status: "À lancer", progress: 0 },
    ],
    measurements: [
      { indicatorId: indicator.id, quarter: "2026-T1", value: 10, comment: "premier comptage" },
      { indicatorId: indicator.id, quarter: "2026-T2", value: 12 },
    ],
    lockedQuarters: ["2026-T1"],
    archive: [],
  };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "ctg-quarter-locks-"));
}

function planFile(dir: string): string {
  const path = join(dir, "plan.json");
  writeFileSync(path, JSON.stringify(SMALL_PLAN_JSON));
  return path;
}

describe("rows of quarters not yet begun, in the files written", () => {
  it("ctg init locks the entry cells of every quarter that has not begun on its date, in both sheets, and records none of them", async () => {
    const dir = tempDir();
    const file = join(dir, "suivi.xlsx");
    expect((await ctgAt(WRITTEN)("init", "--plan", planFile(dir), "--out", file)).code).toBe(0);
    // 10 May 2026: the first two quarters have begun.
    expect(await quarterStates(file)).toEqual(expected(statesFrom(["2026-T1", "2026-T2"], QUARTERS.slice(2))));
    // Never written as a lock of the COPIL: the readers see no locked quarter.
    const meta = await rowsOf(file, SHEETS.meta);
    for (const quarter of QUARTERS) expect(meta.find((row) => row.cle === lockKey(quarter))?.valeur).toBe("non");
    const reading = await readTableauFile(readFileSync(file), "suivi.xlsx", "2026-05-10");
    expect(reading.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(reading.tracking?.lockedQuarters).toEqual([]);
  });

  it("a tableau written on a quarter's first day has that quarter open", async () => {
    const dir = tempDir();
    const file = join(dir, "suivi.xlsx");
    writeFileSync(file, await writeTrackingFile(enteredTracking(), "2026-07-01T06:00:00.000Z"));
    expect(await quarterStates(file)).toEqual(expected(statesFrom(["2026-T2", "2026-T3"], ["2026-T1", ...QUARTERS.slice(3)])));
  });

  it("ctg init --update at a later date opens the quarter begun since, keeps the COPIL's lock, and changes nothing else", async () => {
    const dir = tempDir();
    const file = join(dir, "suivi.xlsx");
    writeFileSync(file, await writeTrackingFile(enteredTracking(), WRITTEN));
    const before = join(dir, "avant.xlsx");
    writeFileSync(before, readFileSync(file));
    expect(await quarterStates(before)).toEqual(expected(statesFrom(["2026-T2"], ["2026-T1", ...QUARTERS.slice(2)])));

    const result = await ctgAt(LATER)("init", "--plan", planFile(dir), "--out", file, "--update");
    expect(result.code).toBe(0);
    // 2 July 2026: 2026-T3 has begun; 2026-T1 stays locked after its COPIL.
    expect(await quarterStates(file)).toEqual(expected(statesFrom(["2026-T2", "2026-T3"], ["2026-T1", ...QUARTERS.slice(3)])));

    // The entries and the COPIL's locks, as read back.
    const read = async (path: string) => (await readTableauFile(readFileSync(path), "suivi.xlsx", "2026-07-02")).tracking!;
    const [old, updated] = [await read(before), await read(file)];
    expect(updated.statuses).toEqual(old.statuses);
    expect(updated.measurements).toEqual(old.measurements);
    expect(updated.lockedQuarters).toEqual(["2026-T1"]);
    // Every value of both entry sheets where it was; the metadata the same but for the time of the update.
    const sheets = async (path: string) => new Map(await sheetsOf(path));
    const [oldSheets, newSheets] = [await sheets(before), await sheets(file)];
    for (const { name } of ENTRY_SHEETS) expect(newSheets.get(name)).toEqual(oldSheets.get(name));
    const withoutTime = (grid: unknown[][] | undefined) => (grid ?? []).filter((row) => row[0] !== META_KEYS.updatedAt);
    expect(withoutTime(newSheets.get(SHEETS.meta))).toEqual(withoutTime(oldSheets.get(SHEETS.meta)));
    // Cell by cell, only the protection and tint of 2026-T3's entry cells changed.
    for (const { name, quarterHeader, entryHeaders } of ENTRY_SHEETS) {
      const [was, is] = [await sheetCells(before, name, quarterHeader), await sheetCells(file, name, quarterHeader)];
      const entryCols = new Set(entryHeaders.map((entry) => is.header.indexOf(entry)));
      const changed: string[] = [];
      is.rows.forEach((row, index) =>
        row.cells.forEach((cell, col) => {
          if (JSON.stringify(cell) !== JSON.stringify(was.rows[index].cells[col])) changed.push(`${row.quarter}:${col}`);
        }),
      );
      const expectedChanges = is.rows.flatMap((row) => (row.quarter === "2026-T3" ? [...entryCols].map((col) => `${row.quarter}:${col}`) : []));
      expect(changed.sort()).toEqual(expectedChanges.sort());
      expect(changed.length).toBeGreaterThan(0);
    }
  });

  it("ctg init --update the same day changes no protection", async () => {
    const dir = tempDir();
    const file = join(dir, "suivi.xlsx");
    writeFileSync(file, await writeTrackingFile(enteredTracking(), WRITTEN));
    const states = await quarterStates(file);
    expect((await ctgAt(WRITTEN)("init", "--plan", planFile(dir), "--out", file, "--update")).code).toBe(0);
    expect(await quarterStates(file)).toEqual(states);
  });

  it("a collection file prepared the day its quarter begins has that quarter's rows open, to be filled without the add-in", async () => {
    const dir = tempDir();
    const file = join(dir, "suivi.xlsx");
    writeFileSync(file, await writeTrackingFile(enteredTracking(), WRITTEN));
    const out = join(dir, "collecte");
    expect((await ctgAt("2026-07-01T12:00:00.000Z")("collect", file, "--quarter", "2026-T3", "--out", out)).code).toBe(0);
    const files = readdirSync(out).filter((name) => name.endsWith(".xlsx"));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const states = await quarterStates(join(out, name));
      expect(states[SHEETS.tracking]).toEqual({ "2026-T3": "open" });
      expect(Object.values(states[SHEETS.measurements])).toEqual(states[SHEETS.measurements]["2026-T3"] ? ["open"] : []);
    }
  });

  it("each entry sheet's table has its filter, which the sheet's protection allows as Excel writes « Utiliser le filtre automatique », sorting not", async () => {
    // Excel's own file, protected with AutoFilter allowed (tests/corpus/SOURCES.md): `autoFilter="0"`, no lock on it.
    const excel = await XlsxFile.open(resolve(__dirname, "../corpus/excel/xlsxwriter-protect08.xlsx"));
    const excelProtection = (await excel.element("Sheet1", "sheetProtection"))!;
    expect([attributeOf(excelProtection, "sheet"), attributeOf(excelProtection, "autoFilter")]).toEqual(["1", "0"]);

    const dir = tempDir();
    const file = join(dir, "suivi.xlsx");
    expect((await ctgAt(WRITTEN)("init", "--plan", planFile(dir), "--out", file)).code).toBe(0);
    const ours = await XlsxFile.open(file);
    for (const [sheet, table] of [
      [SHEETS.tracking, sheetLabels.tables.tracking],
      [SHEETS.measurements, sheetLabels.tables.measurements],
    ]) {
      const protection = (await ours.element(sheet, "sheetProtection"))!;
      expect([attributeOf(protection, "sheet"), attributeOf(protection, "autoFilter")]).toEqual(["1", "0"]);
      // Absent: the default, protected against sorting (a range holding locked cells cannot be sorted anyway).
      expect(attributeOf(protection, "sort")).toBeUndefined();
      const [part] = await ours.related(sheet, "table");
      const tableXml = await ours.tree(part);
      expect(attributeOf(tableXml, "name")).toBe(table);
      const ref = attributeOf(tableXml, "ref")!;
      expect(attributeOf(firstChild(tableXml, "autoFilter")!, "ref")).toBe(ref);
    }
  });
});
