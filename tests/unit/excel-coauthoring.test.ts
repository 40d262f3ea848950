/**
 * The tableau is co-authored (OneDrive, SharePoint): between two requests of the add-in, another person may type
 * in it, lock a quarter, or protect a sheet with a password of their own. Each case on Microsoft's runtime, the
 * fake host playing the other person between two syncs.
 */
import { ProtectedByPassword, applyWorkbookPlan, readGrids, setQuarterLocked, setUpTableau, writeQuarterEntry } from "../../src/excel";
import { demoTracking } from "../../src/samples/demo-entries";
import { samplePlan } from "../../src/samples/sample-plan";
import { buildTableauPlan } from "../../src/workbook/build-tableau";
import { MEASUREMENT_COLUMNS, SHEETS, TEMPLATE_VERSION, TRACKING_COLUMNS } from "../../src/workbook/layout";
import { columnLetter } from "../../src/workbook/sheet-plan";
import { MEASUREMENTS_SPEC, TRACKING_SPEC } from "../../src/workbook/tableau-columns";
import { TABLEAU_SHEETS, readTableau } from "../../src/workbook/parse-tableau";
import { createFakeExcel, type FakeExcelHost, type SheetState } from "../fake-excel";
import { NOW, TODAY } from "../support/small-plan";
import { newFiche } from "../support/update-fixtures";

async function demoHost(): Promise<FakeExcelHost> {
  const host = createFakeExcel();
  await applyWorkbookPlan(host.context, buildTableauPlan(demoTracking(samplePlan()), { now: NOW }));
  host.resetStats();
  return host;
}

function column(sheet: SheetState, header: string): number {
  for (let col = 0; ; col++) if (sheet.peek(0, col)?.value === header) return col;
}

/** The sheet row whose key cells hold these values. */
function rowOf(sheet: SheetState, keys: Record<string, string>): number {
  const cols = Object.entries(keys).map(([header, value]) => [column(sheet, header), value] as const);
  for (let row = 1; row < 100_000; row++) if (cols.every(([col, value]) => sheet.peek(row, col)?.value === value)) return row;
  throw new Error(`No row ${JSON.stringify(keys)}`);
}

function typeIn(sheet: SheetState, keys: Record<string, string>, header: string, value: string | number): void {
  sheet.cell(rowOf(sheet, keys), column(sheet, header)).value = value;
}

async function readBack(host: FakeExcelHost) {
  return readTableau(await readGrids(host.context, TABLEAU_SHEETS), { today: TODAY });
}

describe("co-authoring", () => {
  it("an update of the structure keeps what a co-author typed between the add-in's read and its write", async () => {
    const host = await demoHost();
    const plan = samplePlan();
    plan.axes[0].subAxes[0].actions[0].title = "Consolider l'offre d'accueil petite enfance";
    plan.axes[2].subAxes[1].actions.push({
      code: "3.B.4",
      title: "Nouvelle fiche",
      deadline: "2028",
      pilots: [],
      partners: [],
      fields: ["autre"],
      links: [],
      objectives: [],
      indicators: [],
    });
    // The set-up reads in two requests; the co-author types just after, before the add-in writes anything.
    host.workbook.beforeRequest(2, () => {
      typeIn(host.sheet(SHEETS.tracking), { [TRACKING_COLUMNS.quarter]: "2026-T3", [TRACKING_COLUMNS.code]: "1.A.2" }, TRACKING_COLUMNS.status, "En cours");
      typeIn(
        host.sheet(SHEETS.tracking),
        { [TRACKING_COLUMNS.quarter]: "2026-T3", [TRACKING_COLUMNS.code]: "1.A.2" },
        TRACKING_COLUMNS.difficulties,
        "Tapé par un co-auteur",
      );
      // Back from « Réalisée » with its reason, as the plausibility checks ask.
      typeIn(
        host.sheet(SHEETS.tracking),
        { [TRACKING_COLUMNS.quarter]: "2026-T3", [TRACKING_COLUMNS.code]: "1.A.2" },
        TRACKING_COLUMNS.adjustments,
        "Rouverte à la demande du COPIL",
      );
      typeIn(
        host.sheet(SHEETS.measurements),
        { [MEASUREMENT_COLUMNS.id]: "1.A.2-I1", [MEASUREMENT_COLUMNS.quarter]: "2026-T3" },
        MEASUREMENT_COLUMNS.value,
        31,
      );
    });
    const result = await setUpTableau(host.context, plan, { now: NOW, today: TODAY });
    expect(result.syncs).toBeLessThanOrEqual(6);

    const reading = await readBack(host);
    expect(reading.issues).toEqual([]);
    expect(reading.tracking?.statuses).toContainEqual({
      actionCode: "1.A.2",
      quarter: "2026-T3",
      status: "En cours",
      difficulties: "Tapé par un co-auteur",
      adjustments: "Rouverte à la demande du COPIL",
    });
    expect(reading.tracking?.measurements).toContainEqual({ indicatorId: "1.A.2-I1", quarter: "2026-T3", value: 31 });
    // Every entry read before is still there, and the new fiche has its rows.
    for (const entry of demoTracking(samplePlan()).statuses) expect(reading.tracking?.statuses).toContainEqual(entry);
    expect(reading.tracking?.plan.axes[2].subAxes[1].actions.map((action) => action.code)).toContain("3.B.4");
    expect(reading.tracking?.plan.axes[0].subAxes[0].actions[0].title).toBe("Consolider l'offre d'accueil petite enfance");
    const suivi = host.sheet(SHEETS.tracking);
    expect(rowOf(suivi, { [TRACKING_COLUMNS.quarter]: "2027-T2", [TRACKING_COLUMNS.code]: "3.B.4" })).toBeGreaterThan(0);
  });

  it("an update that removes a fiche deletes its rows only, and keeps a co-author's entry in the rows that stay", async () => {
    const host = await demoHost();
    const plan = samplePlan();
    const removed = plan.axes[1].subAxes[0].actions.shift()!;
    const row = { [TRACKING_COLUMNS.quarter]: "2026-T3", [TRACKING_COLUMNS.code]: "3.A.1" };
    host.workbook.beforeRequest(2, () => {
      typeIn(host.sheet(SHEETS.tracking), row, TRACKING_COLUMNS.status, "En cours");
      typeIn(host.sheet(SHEETS.tracking), row, TRACKING_COLUMNS.achievements, "Écrit pendant la mise à jour");
      typeIn(host.sheet(SHEETS.tracking), row, TRACKING_COLUMNS.adjustments, "Rouverte");
    });
    const result = await setUpTableau(host.context, plan, { now: NOW, today: TODAY });
    const reading = await readBack(host);
    expect(reading.issues).toEqual([]);
    expect(reading.tracking?.statuses).toContainEqual({
      actionCode: "3.A.1",
      quarter: "2026-T3",
      status: "En cours",
      achievements: "Écrit pendant la mise à jour",
      adjustments: "Rouverte",
    });
    expect(reading.tracking?.statuses.some((entry) => entry.actionCode === removed.code)).toBe(false);
    // What the removed fiche held is archived, not lost.
    expect(result.newlyArchived.length).toBeGreaterThan(0);
    expect(reading.tracking?.archive.some((entry) => entry.actionCode === removed.code)).toBe(true);
  });

  it("two people locking two quarters at the same time keep both locks", async () => {
    const host = await demoHost();
    const other = host.otherSession();
    // Both read the tableau before either writes: their requests interleave on the host.
    const [first, second] = await Promise.all([setQuarterLocked(host.context, "2026-T2", true), setQuarterLocked(other.context, "2026-T3", true)]);
    expect(first.lockedQuarters).toEqual(["2026-T1", "2026-T2"]);
    expect(second.lockedQuarters).toEqual(["2026-T1", "2026-T3"]);
    const reading = await readBack(host);
    expect(reading.tracking?.lockedQuarters).toEqual(["2026-T1", "2026-T2", "2026-T3"]);
    const suivi = host.sheet(SHEETS.tracking);
    const status = column(suivi, TRACKING_COLUMNS.status);
    for (const quarter of ["2026-T2", "2026-T3"])
      expect(suivi.peek(rowOf(suivi, { [TRACKING_COLUMNS.quarter]: quarter, [TRACKING_COLUMNS.code]: "1.A.1" }), status)?.locked).toBe(true);
    expect(suivi.peek(rowOf(suivi, { [TRACKING_COLUMNS.quarter]: "2026-T4", [TRACKING_COLUMNS.code]: "1.A.1" }), status)?.locked).toBe(false);
    expect(suivi.protected).toBe(true);
    await expect(
      writeQuarterEntry(host.context, { status: { actionCode: "1.A.1", quarter: "2026-T3", status: "En cours", progress: 10 }, measurements: [] }),
    ).rejects.toThrow(/3e trimestre 2026 est verrouillé/);
  });

  it("a sheet a person protected with a password gets a French message, and nothing is changed", async () => {
    const host = await demoHost();
    const snapshot = () => JSON.stringify(host.state.sheets.map((sheet) => [sheet.name, [...sheet.store], sheet.protected]));
    // The co-author lifts the add-in's protection and puts their own, with a password, just before the lock.
    host.workbook.beforeRequest(0, () => {
      const suivi = host.sheet(SHEETS.tracking);
      suivi.password = "secret";
    });
    const before = snapshot();
    const refusal = setQuarterLocked(host.context, "2026-T2", true);
    await expect(refusal).rejects.toThrow(ProtectedByPassword);
    await expect(setQuarterLocked(host.context, "2026-T2", true)).rejects.toThrow(
      "La feuille «\u00a0Suivi des fiches\u00a0» est protégée par un mot de passe\u00a0: le complément ne peut pas la modifier. Ôtez sa protection dans Excel (Révision › Ôter la protection de la feuille), puis recommencez\u00a0; le complément la protégera de nouveau, sans mot de passe.",
    );
    expect(snapshot()).toEqual(before);
    expect(host.state.sheets.every((sheet) => sheet.protected)).toBe(true);

    await expect(setUpTableau(host.context, samplePlan(), { now: NOW, today: TODAY })).rejects.toThrow(
      /«\sSuivi des fiches\s» est protégée par un mot de passe/,
    );
    expect(snapshot()).toEqual(before);
  });
});

describe("columns people add, in the open workbook", () => {
  it("brings a tableau of template 1.2 to 1.3: the « Vérifié » column is added, entries kept, a column of the user's own placed after it", async () => {
    const host = await demoHost();
    const before = await readBack(host);
    for (const name of [SHEETS.tracking, SHEETS.measurements]) {
      const sheet = host.sheet(name);
      const mark = column(sheet, "Vérifié");
      for (const [row, col] of [...sheet.entries()]) if (col === mark) sheet.delete(row, col);
      sheet.cell(0, mark).value = "Note Caf";
      sheet.cell(1, mark).value = "à revoir";
    }
    const meta = host.sheet(SHEETS.meta);
    for (const [row, col, cell] of meta.entries()) if (col === 0 && cell.value === "version") meta.cell(row, 1).value = "1.2";

    const result = await setUpTableau(host.context, samplePlan(), { now: NOW, today: TODAY });
    expect(result.moved).toHaveLength(2);
    const after = await readBack(host);
    expect(after.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(after.meta?.values.version).toBe(TEMPLATE_VERSION);
    expect(after.tracking?.measurements).toEqual(expect.arrayContaining(before.tracking!.measurements));
    expect(after.tracking?.statuses).toEqual(expect.arrayContaining(before.tracking!.statuses));
    for (const name of [SHEETS.tracking, SHEETS.measurements]) {
      const sheet = host.sheet(name);
      expect(column(sheet, "Note Caf")).toBe(column(sheet, "Vérifié") + 1);
      expect(sheet.peek(1, column(sheet, "Note Caf"))?.value).toBe("à revoir");
    }
  });

  function insertColumn(sheet: SheetState, at: number, header: string, values: Record<number, string>): void {
    for (const [row, col, cell] of [...sheet.entries()].sort((a, b) => b[1] - a[1])) {
      if (col < at) continue;
      sheet.delete(row, col);
      sheet.store.set(row * 16_384 + col + 1, cell);
    }
    sheet.cell(0, at).value = header;
    for (const [row, value] of Object.entries(values)) sheet.cell(Number(row), at).value = value;
  }

  it("keeps a column added after the table with its rows, and moves one put among the product's columns after them", async () => {
    const host = await demoHost();
    const suivi = host.sheet(SHEETS.tracking);
    const afterTable = TRACKING_SPEC.columns.length;
    suivi.cell(0, afterTable).value = "Commentaire Caf";
    const row = rowOf(suivi, { [TRACKING_COLUMNS.quarter]: "2026-T2", [TRACKING_COLUMNS.code]: "2.A.1" });
    suivi.cell(row, afterTable).value = "Vu en COPIL";
    insertColumn(host.sheet(SHEETS.measurements), 4, "Source", { 1: "fichier Caf" });
    const firstId = host.sheet(SHEETS.measurements).peek(1, 1)?.value;
    const plan = samplePlan();
    plan.axes[0].subAxes[0].actions.unshift(newFiche("1.A.0"));
    const result = await setUpTableau(host.context, plan, { now: NOW, today: TODAY });
    expect(result.moved).toEqual([
      expect.stringMatching(
        new RegExp(`«\\sSource\\s» \\(colonne E\\) de la feuille «\\sSaisies\\s»\\s: placée en colonne ${columnLetter(MEASUREMENTS_SPEC.columns.length)}\\b`),
      ),
    ]);
    expect((await readBack(host)).issues).toEqual([]);
    const moved = rowOf(suivi, { [TRACKING_COLUMNS.quarter]: "2026-T2", [TRACKING_COLUMNS.code]: "2.A.1" });
    // The new fiche opens the 2026-T1 and the 2026-T2 blocks: two rows inserted above.
    expect(moved).toBe(row + 2);
    expect(suivi.peek(moved, afterTable)?.value).toBe("Vu en COPIL");
    const saisies = host.sheet(SHEETS.measurements);
    expect(saisies.peek(0, MEASUREMENTS_SPEC.columns.length)?.value).toBe("Source");
    const sourceRow = rowOf(saisies, { [MEASUREMENT_COLUMNS.id]: String(firstId), [MEASUREMENT_COLUMNS.quarter]: "2026-T1" });
    expect(saisies.peek(sourceRow, MEASUREMENTS_SPEC.columns.length)?.value).toBe("fichier Caf");
  });

  it("refuses an update that would drop a note it cannot carry, naming it, and changes nothing", async () => {
    const host = await demoHost();
    host.sheet(SHEETS.guide).cell(5, 3).value = "Appeler Mme Martin";
    const snapshot = JSON.stringify(host.state.sheets.map((sheet) => [sheet.name, [...sheet.store]]));
    await expect(setUpTableau(host.context, samplePlan(), { now: NOW, today: TODAY })).rejects.toThrow(
      /la feuille «\sMode d'emploi\s» contient des cellules ajoutées à la main \(D6\)/,
    );
    expect(JSON.stringify(host.state.sheets.map((sheet) => [sheet.name, [...sheet.store]]))).toEqual(snapshot);
  });
});
