import { applyWorkbookPlan, EntryRefused, readGrids, setQuarterLocked, writeQuarterEntry } from "../../src/excel";
import { demoTracking } from "../../src/samples/demo-entries";
import { samplePlan } from "../../src/samples/sample-plan";
import { buildTableauPlan } from "../../src/workbook/build-tableau";
import { SHEETS } from "../../src/workbook/layout";
import { parseCellAddress } from "../../src/workbook/sheet-plan";
import { TABLEAU_SHEETS, readTableau } from "../../src/workbook/parse-tableau";
import { createFakeExcel } from "../fake-excel";
import { NOW, TODAY } from "../support/small-plan";

async function demoHost() {
  const host = createFakeExcel();
  await applyWorkbookPlan(host.context, buildTableauPlan(demoTracking(samplePlan()), { now: NOW }));
  host.resetStats();
  return host;
}

function values(host: ReturnType<typeof createFakeExcel>): Map<string, unknown> {
  const all = new Map<string, unknown>();
  for (const sheet of host.state.sheets) for (const [key, cell] of sheet.cells) all.set(`${sheet.name}|${key}`, cell.value);
  return all;
}

describe("writing one fiche's quarter from the task pane", () => {
  it("writes only the cells of that fiche and quarter, in three syncs", async () => {
    const host = await demoHost();
    const before = values(host);
    const indicators = samplePlan().axes[0].subAxes[0].actions[0].indicators;
    const written = await writeQuarterEntry(host.context, {
      status: { actionCode: "1.A.1", quarter: "2026-T3", status: "En cours", progress: 70, achievements: "Travaux de la MAM lancés", difficulties: "=retard" },
      measurements: [
        { indicator: indicators[0], measurement: { indicatorId: indicators[0].id, quarter: "2026-T3", value: 4, comment: "outils : affiche, site" } },
      ],
    });
    // Headers, then the key columns only, then the write.
    expect(host.stats.syncs).toBe(3);
    expect(written.syncs).toBe(3);
    // Six cells of « Suivi des fiches » (statut to ajustements, and « Vérifié »), three of « Saisies ».
    expect(written.cells).toHaveLength(9);
    expect(written.notes).toEqual([]);
    const after = values(host);
    const changed = [...after].filter(([key, value]) => before.get(key) !== value).map(([key]) => key);
    expect(changed.length).toBeGreaterThan(0);
    const writtenKeys = new Set(
      written.cells.map((cell) => {
        const [sheet, address] = cell.split("!");
        const { row, col } = parseCellAddress(address)!;
        return `${sheet}|${row},${col}`;
      }),
    );
    for (const key of changed) expect(writtenKeys).toContain(key);

    const reading = readTableau(await readGrids(host.context, TABLEAU_SHEETS), { today: TODAY });
    expect(reading.issues).toEqual([]);
    expect(reading.tracking?.statuses).toContainEqual({
      actionCode: "1.A.1",
      quarter: "2026-T3",
      status: "En cours",
      progress: 70,
      achievements: "Travaux de la MAM lancés",
      difficulties: "=retard",
    });
    expect(reading.tracking?.measurements).toContainEqual({ indicatorId: indicators[0].id, quarter: "2026-T3", value: 4, comment: "outils : affiche, site" });
  });

  it("writes the marks of verification, and in a tableau older than their column, saves the entry and says the marks were not kept", async () => {
    const host = await demoHost();
    const indicator = samplePlan().axes[0].subAxes[0].actions[0].indicators[0];
    const entry = {
      status: { actionCode: "1.A.1", quarter: "2026-T3", status: "En cours" as const, progress: 70, confirmed: true },
      measurements: [{ indicator, measurement: { indicatorId: indicator.id, quarter: "2026-T3", value: 400, confirmed: true } }],
    };
    const written = await writeQuarterEntry(host.context, entry);
    expect(written.notes).toEqual([]);
    let reading = readTableau(await readGrids(host.context, TABLEAU_SHEETS), { today: TODAY });
    expect(reading.tracking?.statuses).toContainEqual(expect.objectContaining({ actionCode: "1.A.1", quarter: "2026-T3", confirmed: true }));
    expect(reading.tracking?.measurements).toContainEqual({ indicatorId: indicator.id, quarter: "2026-T3", value: 400, confirmed: true });

    // A tableau of template 1.2 has no « Vérifié » column: its header is gone, so are the marks' cells.
    for (const name of [SHEETS.tracking, SHEETS.measurements]) {
      const sheet = host.sheet(name);
      const col = [...sheet.cells].find(([key, cell]) => key.startsWith("0,") && cell.value === "Vérifié")![0].split(",")[1];
      for (const [key] of [...sheet.cells].filter(([key]) => key.endsWith(`,${col}`))) sheet.cell(Number(key.split(",")[0]), Number(col)).value = null;
    }
    const legacy = await writeQuarterEntry(host.context, {
      ...entry,
      measurements: [{ indicator, measurement: { ...entry.measurements[0].measurement, value: 401 } }],
    });
    expect(legacy.cells).toHaveLength(7);
    expect(legacy.notes).toEqual([
      expect.stringMatching(/^La saisie est enregistrée, mais pas la marque «\sVérifié\s»\s: ce tableau date d'un modèle sans cette colonne/),
    ]);
    reading = readTableau(await readGrids(host.context, TABLEAU_SHEETS), { today: TODAY });
    expect(reading.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(reading.tracking?.measurements).toContainEqual({ indicatorId: indicator.id, quarter: "2026-T3", value: 401 });
  });

  it("refuses a quarter locked after its COPIL, with the reason", async () => {
    const host = await demoHost();
    await expect(
      writeQuarterEntry(host.context, { status: { actionCode: "1.A.1", quarter: "2026-T1", status: "Réalisée", progress: 100 }, measurements: [] }),
    ).rejects.toThrow(new EntryRefused("Le 1er trimestre 2026 est verrouillé depuis son COPIL\u00a0: déverrouillez-le avant de modifier ses saisies."));
  });
});

describe("locking a quarter", () => {
  it("protects the quarter's entry cells, records it, and unlocks on demand", async () => {
    const host = await demoHost();
    const result = await setQuarterLocked(host.context, "2026-T2", true);
    expect(result.lockedQuarters).toEqual(["2026-T1", "2026-T2"]);
    // Headers, key columns, then one request that lifts the protection, locks and protects again.
    expect(host.stats.syncs).toBe(3);
    expect(result.syncs).toBe(3);
    const suivi = host.sheet(SHEETS.tracking);
    const rowOf = (quarter: string) => Number([...suivi.cells].find(([key, cell]) => key.endsWith(",0") && cell.value === quarter)![0].split(",")[0]);
    expect(suivi.peek(rowOf("2026-T2"), 5)?.locked).toBe(true);
    expect(suivi.peek(rowOf("2026-T3"), 5)?.locked).toBe(false);
    expect(suivi.protected).toBe(true);

    // What a user types into a locked cell is refused by Excel's protection.
    const sheet = host.context.workbook.worksheets.getItem(SHEETS.tracking);
    sheet.getRangeByIndexes(rowOf("2026-T2"), 5, 1, 1).values = [["Abandonnée"]];
    await expect(host.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });

    let reading = readTableau(await readGrids(host.context, TABLEAU_SHEETS), { today: TODAY });
    expect(reading.tracking?.lockedQuarters).toEqual(["2026-T1", "2026-T2"]);
    await expect(
      writeQuarterEntry(host.context, { status: { actionCode: "1.A.2", quarter: "2026-T2", status: "En cours", progress: 10 }, measurements: [] }),
    ).rejects.toThrow(/2e trimestre 2026 est verrouillé/);

    await setQuarterLocked(host.context, "2026-T2", false);
    expect(suivi.peek(rowOf("2026-T2"), 5)?.locked).toBe(false);
    reading = readTableau(await readGrids(host.context, TABLEAU_SHEETS), { today: TODAY });
    expect(reading.tracking?.lockedQuarters).toEqual(["2026-T1"]);
    await writeQuarterEntry(host.context, { status: { actionCode: "1.A.2", quarter: "2026-T2", status: "En cours", progress: 10 }, measurements: [] });
  });
});
