/**
 * The rows of a quarter not yet begun, in the open workbook: the set-up locks them, and the pane opens them once the
 * quarter has begun, when it reads the workbook. Each case on Microsoft's runtime against the fake host, which
 * refuses a value typed in a locked cell of a protected sheet as Excel does.
 */
import { openBegunQuarters, setQuarterLocked, writeQuarterEntry } from "../../src/excel";
import { setUpTableau } from "../../src/excel/setup-tableau";
import type { Tracking } from "../../src/domain/tracking";
import { officeGateway } from "../../src/taskpane/gateway";
import { applyWorkbookPlan } from "../../src/excel";
import { buildTableauPlan } from "../../src/workbook/build-tableau";
import { COLORS, MEASUREMENT_COLUMNS, SHEETS, TRACKING_COLUMNS, lockKey } from "../../src/workbook/layout";
import { MEASUREMENTS_SPEC, TRACKING_SPEC, entryKeysOf, headersOf } from "../../src/workbook/tableau-columns";
import { type FakeExcelHost, type SheetState, createFakeExcel } from "../fake-excel";
import { smallPlan } from "../support/small-plan";

const WRITTEN = "2026-05-10T09:00:00.000Z";
/** 2 July 2026: 2026-T3 has begun since the tableau was written. */
const LATER = new Date("2026-07-02T09:00:00Z");
const QUARTERS = ["2026-T1", "2026-T2", "2026-T3", "2026-T4", "2027-T1", "2027-T2", "2027-T3", "2027-T4"];

const ENTRY_SHEETS = [
  { name: SHEETS.tracking, quarter: TRACKING_COLUMNS.quarter, entries: entryKeysOf(TRACKING_SPEC).map((key) => headersOf(TRACKING_SPEC)[key]) },
  { name: SHEETS.measurements, quarter: MEASUREMENT_COLUMNS.quarter, entries: entryKeysOf(MEASUREMENTS_SPEC).map((key) => headersOf(MEASUREMENTS_SPEC)[key]) },
];

function enteredTracking(): Tracking {
  const plan = smallPlan();
  return {
    plan,
    statuses: [
      { actionCode: "1.A.1", quarter: "2026-T1", status: "En cours", progress: 20 },
      { actionCode: "1.A.1", quarter: "2026-T2", status: "En cours", progress: 40 },
    ],
    measurements: [{ indicatorId: plan.axes[0].subAxes[0].actions[0].indicators[0].id, quarter: "2026-T2", value: 12 }],
    lockedQuarters: ["2026-T1"],
    archive: [],
  };
}

async function writtenHost(): Promise<FakeExcelHost> {
  const host = createFakeExcel();
  await applyWorkbookPlan(host.context, buildTableauPlan(enteredTracking(), { now: WRITTEN }));
  return host;
}

function columnOf(sheet: SheetState, header: string): number {
  for (let col = 0; col < 30; col++) if (sheet.peek(0, col)?.value === header) return col;
  throw new Error(`no column ${header} in ${sheet.name}`);
}

type RowState = "open" | "locked" | "mixed";

/** Per sheet and quarter: every entry cell unlocked and cream, or locked and grey. */
function quarterStates(host: FakeExcelHost): Record<string, Record<string, RowState>> {
  const states: Record<string, Record<string, RowState>> = {};
  for (const { name, quarter, entries } of ENTRY_SHEETS) {
    const sheet = host.sheet(name);
    const quarterCol = columnOf(sheet, quarter);
    const cols = entries.map((header) => columnOf(sheet, header));
    const bySheet: Record<string, RowState> = {};
    for (let row = 1; sheet.peek(row, quarterCol)?.value; row++) {
      const key = String(sheet.peek(row, quarterCol)!.value);
      for (const col of cols) {
        const cell = sheet.peek(row, col);
        const state: RowState =
          cell && !cell.locked && cell.fill?.toUpperCase() === COLORS.entryFill
            ? "open"
            : cell?.locked && cell.fill?.toUpperCase() === COLORS.lockedFill
              ? "locked"
              : "mixed";
        bySheet[key] = bySheet[key] === undefined || bySheet[key] === state ? state : "mixed";
      }
    }
    states[name] = bySheet;
  }
  return states;
}

function both(open: string[]): Record<string, Record<string, RowState>> {
  const states = Object.fromEntries(QUARTERS.map((quarter): [string, RowState] => [quarter, open.includes(quarter) ? "open" : "locked"]));
  return { [SHEETS.tracking]: states, [SHEETS.measurements]: states };
}

/** Every cell of the workbook, by sheet and place, as the host holds it. */
function snapshot(host: FakeExcelHost): Map<string, string> {
  const cells = new Map<string, string>();
  for (const sheet of host.state.sheets) for (const [key, cell] of sheet.cells) cells.set(`${sheet.name}|${key}`, JSON.stringify(cell));
  return cells;
}

function changedCells(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([key, cell]) => before.get(key) !== cell).map(([key]) => key);
}

/** The `sheet|row,col` keys of the entry cells of a quarter's rows. */
function entryCellsOf(host: FakeExcelHost, quarter: string): string[] {
  return ENTRY_SHEETS.flatMap(({ name, quarter: header, entries }) => {
    const sheet = host.sheet(name);
    const quarterCol = columnOf(sheet, header);
    const cols = entries.map((entry) => columnOf(sheet, entry));
    const keys: string[] = [];
    for (let row = 1; sheet.peek(row, quarterCol)?.value; row++)
      if (sheet.peek(row, quarterCol)!.value === quarter) for (const col of cols) keys.push(`${name}|${row},${col}`);
    return keys;
  });
}

const t3Entry = { status: { actionCode: "1.A.1", quarter: "2026-T3", status: "En cours" as const, progress: 60 }, measurements: [] };

describe("rows of quarters not yet begun, in the open workbook", () => {
  it("the set-up locks the rows of every quarter that has not begun on its day; a COPIL's lock stays", async () => {
    const host = await writtenHost();
    expect(quarterStates(host)).toEqual(both(["2026-T2"]));
    const done = await setUpTableau(host.context, smallPlan(), { now: LATER.toISOString(), today: "2026-07-02" });
    expect(done.tracking.lockedQuarters).toEqual(["2026-T1"]);
    expect(quarterStates(host)).toEqual(both(["2026-T2", "2026-T3"]));
  });

  it("the pane opens a quarter begun since the tableau was written when it reads the workbook, writing only that quarter's entry cells", async () => {
    const host = await writtenHost();
    // Before: Excel refuses a value typed in the new quarter's rows.
    await expect(writeQuarterEntry(host.context, t3Entry)).rejects.toThrow(/protected sheet/);
    const before = snapshot(host);
    const state = await officeGateway(host.run, () => LATER).read();
    expect(state.hasTableau).toBe(true);
    expect(state.reading?.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(state.reading?.tracking?.lockedQuarters).toEqual(["2026-T1"]);
    expect(quarterStates(host)).toEqual(both(["2026-T2", "2026-T3"]));
    const changed = changedCells(before, snapshot(host));
    expect(changed.sort()).toEqual(entryCellsOf(host, "2026-T3").sort());
    // Only their protection and tint: values, formats and validation are as they were.
    for (const key of changed) {
      const { locked, fill, ...rest } = JSON.parse(snapshot(host).get(key)!) as Record<string, unknown>;
      const { locked: wasLocked, fill: wasFill, ...was } = JSON.parse(before.get(key)!) as Record<string, unknown>;
      expect([locked, fill, wasLocked, wasFill]).toEqual([false, COLORS.entryFill, true, COLORS.lockedFill]);
      expect(rest).toEqual(was);
    }
    for (const { name } of ENTRY_SHEETS) expect(host.sheet(name).protected).toBe(true);
    expect(host.sheet(SHEETS.tracking).protectionOptions).toEqual(expect.objectContaining({ allowAutoFilter: true, allowSort: false }));
    // After: the entry is saved.
    await expect(writeQuarterEntry(host.context, t3Entry)).resolves.toBeDefined();
  });

  it("reads again without writing anything once every begun quarter is open", async () => {
    const host = await writtenHost();
    const first = await host.run((context) => openBegunQuarters(context, "2026-07-02"));
    expect(first.opened).toEqual(["2026-T3"]);
    const before = snapshot(host);
    host.resetStats();
    const again = await host.run((context) => openBegunQuarters(context, "2026-07-02"));
    // Where the rows are (two syncs), then their protection (one): no request that writes.
    expect(again).toEqual({ opened: [], syncs: 3 });
    expect(host.stats.syncs).toBe(3);
    expect(snapshot(host)).toEqual(before);
  });

  it("opens every quarter begun since, however long the workbook was not opened, and never a COPIL's", async () => {
    const host = await writtenHost();
    const opened = await host.run((context) => openBegunQuarters(context, "2027-01-15"));
    expect(opened.opened).toEqual(["2026-T3", "2026-T4", "2027-T1"]);
    expect(quarterStates(host)).toEqual(both(["2026-T2", "2026-T3", "2026-T4", "2027-T1"]));
  });

  it("finishes a quarter left half open (an opening stopped between two requests)", async () => {
    const host = await writtenHost();
    // « Suivi des fiches » and the first rows of « Saisies » opened, the rest not.
    const cells = entryCellsOf(host, "2026-T3");
    const firstSaisie = cells.findIndex((key) => key.startsWith(`${SHEETS.measurements}|`));
    for (const key of cells.slice(0, firstSaisie + entryKeysOf(MEASUREMENTS_SPEC).length)) {
      const [name, place] = key.split("|");
      const [row, col] = place.split(",").map(Number);
      Object.assign(host.sheet(name).cell(row, col), { locked: false, fill: COLORS.entryFill });
    }
    expect(quarterStates(host)[SHEETS.measurements]["2026-T3"]).toBe("mixed");
    expect((await host.run((context) => openBegunQuarters(context, "2026-07-02"))).opened).toEqual(["2026-T3"]);
    expect(quarterStates(host)).toEqual(both(["2026-T2", "2026-T3"]));
  });

  it("a sheet protected with someone's password: the pane still reads the workbook, and opens nothing", async () => {
    const host = await writtenHost();
    host.sheet(SHEETS.measurements).password = "secret";
    const before = snapshot(host);
    const state = await officeGateway(host.run, () => LATER).read();
    expect(state.reading?.tracking?.statuses).toHaveLength(2);
    expect(snapshot(host)).toEqual(before);
    expect(host.state.sheets.filter((sheet) => sheet.name === SHEETS.tracking || sheet.name === SHEETS.measurements).every((sheet) => sheet.protected)).toBe(
      true,
    );
  });

  it("lifting the COPIL's lock of a quarter not yet begun leaves its rows locked until it begins", async () => {
    const host = await writtenHost();
    await host.run((context) => setQuarterLocked(context, "2026-T4", true, "2026-07-02"));
    expect((await host.run((context) => setQuarterLocked(context, "2026-T4", false, "2026-07-02"))).lockedQuarters).toEqual(["2026-T1"]);
    expect(quarterStates(host)[SHEETS.tracking]["2026-T4"]).toBe("locked");
    const meta = host.sheet(SHEETS.meta);
    const lockRow = [...meta.cells].find(([, cell]) => cell.value === lockKey("2026-T4"))![0].split(",")[0];
    expect(meta.peek(Number(lockRow), 1)?.value).toBe("non");
    // The same on a begun quarter opens it.
    await host.run((context) => setQuarterLocked(context, "2026-T1", false, "2026-07-02"));
    expect(quarterStates(host)[SHEETS.tracking]["2026-T1"]).toBe("open");
  });
});
