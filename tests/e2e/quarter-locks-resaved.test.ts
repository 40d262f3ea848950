/**
 * Without the add-in, in LibreOffice Calc: a tableau written on 10 May 2026 (2026-T1 locked after its COPIL, 2026-T2
 * open, the quarters after it not begun) is judged by LibreOffice — text typed in a cell of each quarter through its
 * editing command, the quarter's rows gathered by the filter of each entry sheet's table on the protected sheet —
 * and by openpyxl (protection, filters, locks), then saved again by LibreOffice and judged again.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Tracking } from "../../src/domain/tracking";
import { MEASUREMENT_COLUMNS, SHEETS, TRACKING_COLUMNS } from "../../src/workbook/layout";
import { cellAddress } from "../../src/workbook/sheet-plan";
import { attributeOf } from "../../src/xlsx/xml-tree";
import { readTableauFile, writeTrackingFile } from "../../src/xlsx/tableau-file";
import { sheetLabels } from "../../src/labels/catalog";
import { smallPlan } from "../support/small-plan";
import { XlsxFile, sheetsOf } from "../support/xlsx-package";
import { requireTool, resaveAsXlsx } from "./support/libreoffice";
import { PYTHON } from "./support/readers";

jest.setTimeout(240_000);

const LIBREOFFICE_PROTECTION = resolve(__dirname, "support/libreoffice_protection.py");
const OPENPYXL_PROTECTION = resolve(__dirname, "support/openpyxl_protection.py");
const WRITTEN = "2026-05-10T09:00:00.000Z";
const TYPED = "essai hors complément";

interface Typed {
  sheet: string;
  cell: string;
  protected: boolean;
  locked: boolean;
  before: string;
  after: string;
}
interface Filtered {
  sheet: string;
  table: string;
  protected: boolean;
  autoFilter: boolean;
  rows: number;
  visible: string[];
}
type OpenpyxlView = Record<
  string,
  {
    protection: { sheet: boolean; autoFilter: boolean; sort: boolean };
    tables: Record<string, { ref: string; autoFilter: string | null }>;
    locked: Record<string, boolean>;
  }
>;

function enteredTracking(): Tracking {
  const plan = smallPlan();
  return {
    plan,
    statuses: [
      { actionCode: "1.A.1", quarter: "2026-T1", status: "En cours", progress: 20 },
      { actionCode: "1.A.1", quarter: "2026-T2", status: "En cours", progress: 40 },
    ],
    measurements: [{ indicatorId: plan.axes[0].subAxes[0].actions[0].indicators[0].id, quarter: "2026-T1", value: 10 }],
    lockedQuarters: ["2026-T1"],
    archive: [],
  };
}

/** A free-text entry cell of each sheet in the first row of each quarter: text any validation accepts. */
const PROBED = [
  { sheet: SHEETS.tracking, table: sheetLabels.tables.tracking, quarter: TRACKING_COLUMNS.quarter, column: TRACKING_COLUMNS.achievements },
  { sheet: SHEETS.measurements, table: sheetLabels.tables.measurements, quarter: MEASUREMENT_COLUMNS.quarter, column: MEASUREMENT_COLUMNS.comment },
];
const QUARTERS = { copil: "2026-T1", open: "2026-T2", notBegun: "2026-T3" } as const;

type Places = Record<string, Record<keyof typeof QUARTERS, string> & { rowsOfOpen: number; rows: number }>;

async function places(file: string): Promise<Places> {
  const sheets = new Map(await sheetsOf(file));
  const found: Places = {};
  for (const probe of PROBED) {
    const grid = sheets.get(probe.sheet)!;
    const quarterCol = grid[0].indexOf(probe.quarter);
    const col = grid[0].indexOf(probe.column);
    const first = (quarter: string) =>
      cellAddress(
        grid.findIndex((row, index) => index > 0 && row[quarterCol] === quarter),
        col,
      );
    found[probe.sheet] = {
      copil: first(QUARTERS.copil),
      open: first(QUARTERS.open),
      notBegun: first(QUARTERS.notBegun),
      rowsOfOpen: grid.filter((row) => row[quarterCol] === QUARTERS.open).length,
      rows: grid.length - 1,
    };
  }
  return found;
}

function libreOffice(file: string, where: Places): { typed: Typed[]; filters: Filtered[] } {
  const spec = join(mkdtempSync(join(tmpdir(), "ctg-lo-spec-")), "spec.json");
  writeFileSync(
    spec,
    JSON.stringify({
      type: PROBED.flatMap((probe) =>
        (["copil", "open", "notBegun"] as const).map((which) => ({ sheet: probe.sheet, cell: where[probe.sheet][which], text: TYPED })),
      ),
      filters: PROBED.map((probe) => ({ sheet: probe.sheet, table: probe.table, header: probe.quarter, value: QUARTERS.open })),
    }),
  );
  return JSON.parse(execFileSync(PYTHON, [LIBREOFFICE_PROTECTION, file, spec], { encoding: "utf8", timeout: 150_000 })) as {
    typed: Typed[];
    filters: Filtered[];
  };
}

function openpyxl(file: string, where: Places): OpenpyxlView {
  const requests = PROBED.map((probe) => `${probe.sheet}:${where[probe.sheet].copil},${where[probe.sheet].open},${where[probe.sheet].notBegun}`);
  return JSON.parse(execFileSync(PYTHON, [OPENPYXL_PROTECTION, file, ...requests], { encoding: "utf8", timeout: 30_000 })) as OpenpyxlView;
}

/** What both judges must say of the file, written by us or saved again by LibreOffice. */
function expectJudged(file: string, where: Places): void {
  const { typed, filters } = libreOffice(file, where);
  for (const probe of PROBED) {
    const at = where[probe.sheet];
    const verdict = (cell: string) => typed.find((item) => item.sheet === probe.sheet && item.cell === cell)!;
    // Typed as a person types: taken in the open quarter, refused in the one not begun and in the COPIL's.
    expect(verdict(at.open)).toMatchObject({ protected: true, locked: false, after: TYPED });
    for (const cell of [at.notBegun, at.copil]) {
      const refused = verdict(cell);
      expect(refused).toMatchObject({ protected: true, locked: true });
      expect(refused.after).toBe(refused.before);
    }
    // The table's filter, on the protected sheet, gathers the rows of the quarter and only them.
    const filter = filters.find((item) => item.sheet === probe.sheet)!;
    expect(filter).toMatchObject({ protected: true, autoFilter: true, rows: at.rows });
    expect(filter.visible).toEqual(Array.from({ length: at.rowsOfOpen }, () => QUARTERS.open));
  }
  const view = openpyxl(file, where);
  for (const probe of PROBED) {
    const at = where[probe.sheet];
    const sheet = view[probe.sheet];
    // Protected; the filter allowed (not protected against), sorting not.
    expect(sheet.protection).toEqual({ sheet: true, autoFilter: false, sort: true });
    expect(sheet.tables[probe.table].autoFilter).toBe(sheet.tables[probe.table].ref);
    expect(sheet.locked).toEqual({ [at.copil]: true, [at.open]: false, [at.notBegun]: true });
  }
}

describe("quarters not begun and the quarter's filter, without the add-in", () => {
  beforeAll(() => {
    requireTool("soffice", "libreoffice-calc-nogui");
    requireTool(PYTHON, "python3-uno");
  });

  it("LibreOffice and openpyxl honour the locks and the filter, before and after LibreOffice saves the file again", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctg-quarter-locks-lo-"));
    const file = join(dir, "suivi.xlsx");
    writeFileSync(file, await writeTrackingFile(enteredTracking(), WRITTEN));
    const where = await places(file);
    expect(where[SHEETS.measurements].rowsOfOpen).toBeGreaterThan(1);
    expectJudged(file, where);

    const outDir = join(dir, "resaved");
    const resaved = resaveAsXlsx(file, outDir);
    // LibreOffice writes the same protection in its own words: filters allowed, sorting not.
    const saved = await XlsxFile.open(resaved);
    for (const probe of PROBED) {
      const protection = (await saved.element(probe.sheet, "sheetProtection"))!;
      expect(["0", "false"]).toContain(attributeOf(protection, "autoFilter"));
      expect([undefined, "1", "true"]).toContain(attributeOf(protection, "sort"));
    }
    expect(await places(resaved)).toEqual(where);
    expectJudged(resaved, where);
    // Our reader still reads it, with the COPIL's lock alone as a lock.
    const reading = await readTableauFile(readFileSync(resaved), "suivi.xlsx", "2026-05-10");
    expect(reading.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(reading.tracking?.lockedQuarters).toEqual([QUARTERS.copil]);
  });
});
