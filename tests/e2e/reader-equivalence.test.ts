/**
 * The streaming intake of the consolidation (our XML scanner, zip entries inflated by zlib in one call or by a
 * DecompressionStream) gives value for value the rows another reader gives: openpyxl loading each workbook whole.
 * Compared on generated territories, through the merged rows the consolidation writes.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inflateRawSync } from "node:zlib";
import { consolidateTerritory } from "../../src/domain/consolidation";
import { syntheticTerritory } from "../../src/samples/synthetic-territories";
import { useOneShotInflate } from "../../src/xlsx/entry-inflater";
import { receiveTableau } from "../../src/xlsx/tableau-intake";
import { writeTrackingFile } from "../../src/xlsx/tableau-file";
import { TABLEAU_SHEETS, readTableau } from "../../src/workbook/parse-tableau";
import type { Grid } from "../../src/workbook/sheet-plan";

const TODAY = "2031-03-01";
const SOURCE = { file: "t.xlsx", templateVersion: "1.3" };

jest.setTimeout(60_000);

const OPENPYXL_CELLS = resolve(__dirname, "support/openpyxl_cells.py");

/** The tableau's sheets as openpyxl reads them, made into the grids the contract parses. */
function throughOpenpyxl(bytes: Uint8Array) {
  const file = join(mkdtempSync(join(tmpdir(), "ctg-equivalence-")), "t.xlsx");
  writeFileSync(file, bytes);
  const cells = JSON.parse(execFileSync("/usr/bin/python3", [OPENPYXL_CELLS, file], { encoding: "utf8", timeout: 60_000 })) as Record<
    string,
    [number, number, string | number | boolean][]
  >;
  const grids: Record<string, Grid | undefined> = {};
  for (const name of TABLEAU_SHEETS) {
    if (!cells[name]) continue;
    const grid: Grid = [];
    for (const [row, col, value] of cells[name]) {
      while (grid.length <= row) grid.push([]);
      while (grid[row].length < col) grid[row].push(null);
      grid[row][col] = value;
    }
    grids[name] = grid;
  }
  const reading = readTableau(grids, { today: TODAY });
  return { issues: reading.issues, merged: consolidateTerritory(reading.tracking!, SOURCE, TODAY) };
}

async function throughIntake(bytes: Uint8Array) {
  const received = await receiveTableau(bytes, "t.xlsx", { today: TODAY });
  expect(received.status).not.toBe("rejected");
  return { reasons: received.reasons, merged: consolidateTerritory(received.tableau!.tracking, SOURCE, TODAY) };
}

describe("the consolidation's streaming intake and openpyxl read the same rows", () => {
  afterEach(() => useOneShotInflate(undefined));

  it.each([0, 1, 2, 3, 4, 5])("territory %i: statuses, values and summaries equal, with either inflater", async (index) => {
    const tracking = syntheticTerritory({ index, seed: 11 });
    // A value with the characters XML escapes, and one needing a numeric character reference.
    tracking.statuses[0].difficulties = `Local < 20 m² & "salle" fermée ; l'été\u00a0: -30 %`;
    const bytes = await writeTrackingFile(tracking, "2031-01-15T09:00:00.000Z");
    const reference = throughOpenpyxl(bytes);
    expect(reference.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(reference.merged.statuses.length).toBeGreaterThan(100);
    expect(reference.merged.values.length).toBeGreaterThan(100);

    const streamed = await throughIntake(bytes);
    let calls = 0;
    useOneShotInflate((compressed, max) => {
      calls++;
      return inflateRawSync(compressed, { maxOutputLength: max });
    });
    const oneShot = await throughIntake(bytes);
    // Each sheet, the shared strings and the workbook's small parts went through zlib's one call.
    expect(calls).toBeGreaterThan(5);
    for (const ours of [streamed, oneShot]) {
      expect(ours.merged.statuses).toEqual(reference.merged.statuses);
      expect(ours.merged.values).toEqual(reference.merged.values);
      expect(ours.merged.summary).toEqual(reference.merged.summary);
      expect(ours.merged.fields).toEqual(reference.merged.fields);
    }
    expect(oneShot.reasons).toEqual(streamed.reasons);
    expect(streamed.merged.statuses.some((row) => row.difficulties?.includes('20 m² & "salle"'))).toBe(true);
  });
});
