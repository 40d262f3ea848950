import ExcelJS from "exceljs";
import type { Tracking } from "../../src/domain/tracking";
import { SHEETS } from "../../src/workbook/layout";
import { readTableauFile, writeTableauFile, writeTrackingFile } from "../../src/xlsx/tableau-file";
import { loadWorkbook } from "../../src/xlsx/file";
import { NOW, TODAY, smallPlan } from "../support/small-plan";

function tracking(): Tracking {
  return {
    plan: smallPlan(),
    statuses: [
      { actionCode: "1.A.1", quarter: "2026-T1", status: "En cours", progress: 30, achievements: "Étude de faisabilité", difficulties: "=SOMME(A1:A3)" },
      { actionCode: "1.A.2", quarter: "2026-T3", status: "Réalisée", progress: 100 },
    ],
    measurements: [
      { indicatorId: "1.A.1-I1", quarter: "2026-T1", value: 10 },
      { indicatorId: "1.A.1-I2", quarter: "2026-T2", value: 87.5 },
      { indicatorId: "1.A.1-I3", quarter: "2026-T2", value: 1234.56, comment: "+ subvention" },
      { indicatorId: "1.A.2-I1", quarter: "2026-T2", value: false },
      { indicatorId: "1.A.2-I1", quarter: "2026-T3", value: true },
      { indicatorId: "2.A.1-I1", quarter: "2026-T3", value: "@ateliers" },
    ],
    lockedQuarters: ["2026-T1"],
    archive: [],
  };
}

async function openBytes(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  return loadWorkbook(bytes, "test.xlsx");
}

describe("tableau written to .xlsx with ExcelJS", () => {
  it("reads back the plan and every entry", async () => {
    const original = tracking();
    const reading = await readTableauFile(await writeTrackingFile(original, NOW), "t.xlsx", TODAY);
    expect(reading.issues).toEqual([]);
    expect(reading.tracking?.plan).toEqual(original.plan);
    expect(reading.tracking?.statuses).toEqual(expect.arrayContaining(original.statuses));
    expect(reading.tracking?.measurements).toEqual(expect.arrayContaining(original.measurements));
    expect(reading.tracking?.measurements).toHaveLength(original.measurements.length);
  });

  it("stores text that looks like a formula as text", async () => {
    const workbook = await openBytes(await writeTrackingFile(tracking(), NOW));
    const sheet = workbook.getWorksheet(SHEETS.tracking)!;
    const cells: ExcelJS.CellValue[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells).toContain("=SOMME(A1:A3)");
    expect(cells.some((value) => typeof value === "object" && value !== null && "formula" in value)).toBe(false);
  });

  it("writes validations, protection, frozen headers, formats and hidden metadata that Excel will enforce", async () => {
    const workbook = await openBytes(await writeTrackingFile(tracking(), NOW));
    const suivi = workbook.getWorksheet(SHEETS.tracking)!;
    const header = suivi.getRow(1);
    expect(header.getCell(6).value).toBe("Statut");
    expect(header.getCell(6).fill).toMatchObject({ type: "pattern", pattern: "solid" });
    const statusCell = suivi.getCell("F10");
    expect(statusCell.dataValidation).toMatchObject({ type: "list", formulae: ['"À lancer,En cours,Réalisée,Reportée,Abandonnée"'], showErrorMessage: true });
    expect(statusCell.dataValidation.prompt).toMatch(/statut/);
    expect(statusCell.protection?.locked).toBe(false);
    expect(suivi.getCell("D10").protection?.locked ?? true).toBe(true);
    // 2026-T1 is locked: its rows are the first three data rows
    expect(suivi.getCell("F2").protection?.locked ?? true).toBe(true);
    expect(suivi.getCell("F2").fill).toMatchObject({ fgColor: { argb: "FFF3F2F1" } });
    expect(suivi.getCell("G10").numFmt).toBe("0 %");
    expect((suivi as unknown as { sheetProtection: { sheet: boolean; autoFilter: boolean } }).sheetProtection).toMatchObject({ sheet: true, autoFilter: true });
    expect(suivi.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(suivi.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1 });
    const saisies = workbook.getWorksheet(SHEETS.measurements)!;
    const formats: Record<string, string> = {};
    saisies.eachRow((row, index) => {
      if (index > 1) formats[String(row.getCell(4).value)] = row.getCell(7).numFmt;
    });
    expect(formats).toMatchObject({ Nombre: "#,##0", "Taux (%)": "0.0 %", "Montant (€)": '#,##0.00 "€"', "Oui / Non": "@" });
    expect(workbook.getWorksheet(SHEETS.meta)!.state).toBe("veryHidden");
  });

  it("updates the structure of a filled file and keeps every entry and the user's own sheets", async () => {
    const first = await writeTrackingFile(tracking(), NOW);
    const userWorkbook = await openBytes(first);
    userWorkbook.addWorksheet("Mes notes").getCell("A1").value = "Réunion du 12 mars";
    const withNotes = new Uint8Array((await userWorkbook.xlsx.writeBuffer()) as ArrayBuffer);

    const plan = structuredClone(tracking().plan);
    plan.axes[0].subAxes[0].actions[0].title = "Ouvrir deux micro-crèches";
    plan.axes[1].subAxes[0].actions.push({
      code: "2.A.2",
      title: "Créer un point info familles",
      deadline: "2027",
      pilots: [],
      partners: [],
      fields: ["accès aux droits et aux services"],
      links: [],
      objectives: [],
      indicators: [{ id: "2.A.2-I1", label: "Nombre de familles reçues", type: "nombre", aggregation: "somme", periodicity: "trimestrielle" }],
    });
    const updated = await writeTableauFile(plan, { now: NOW, today: TODAY, existing: { bytes: withNotes, fileName: "t.xlsx" } });
    const reading = await readTableauFile(updated.bytes, "t.xlsx", TODAY);
    expect(reading.issues).toEqual([]);
    expect(reading.tracking?.statuses).toEqual(expect.arrayContaining(tracking().statuses));
    expect(reading.tracking?.measurements).toEqual(expect.arrayContaining(tracking().measurements));
    expect(reading.tracking?.plan.axes[1].subAxes[0].actions.map((action) => action.code)).toEqual(["2.A.1", "2.A.2"]);
    expect(reading.tracking?.plan.axes[0].subAxes[0].actions[0].title).toBe("Ouvrir deux micro-crèches");
    expect(reading.tracking?.lockedQuarters).toEqual(["2026-T1"]);
    const workbook = await openBytes(updated.bytes);
    expect(workbook.getWorksheet("Mes notes")?.getCell("A1").value).toBe("Réunion du 12 mars");
    expect(workbook.worksheets.map((sheet) => sheet.name).slice(0, 3)).toEqual([SHEETS.guide, SHEETS.convention, SHEETS.plan]);
  });

  it("refuses to update a tableau whose entries have errors, so that none is lost", async () => {
    const workbook = await openBytes(await writeTrackingFile(tracking(), NOW));
    workbook.getWorksheet(SHEETS.tracking)!.getCell("F12").value = "Terminé";
    const broken = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    await expect(writeTableauFile(smallPlan(), { now: NOW, today: TODAY, existing: { bytes: broken, fileName: "t.xlsx" } })).rejects.toThrow(
      /Suivi des fiches!F12 : statut « Terminé » inconnu/,
    );
  });

  it("gives a French error naming a file that is not a workbook", async () => {
    await expect(readTableauFile(new TextEncoder().encode("bonjour"), "notes.txt", TODAY)).rejects.toThrow(
      /« notes\.txt » ne peut pas être lu comme un tableau de suivi : ce n.est pas un classeur \.xlsx/,
    );
    const corrupt = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    await expect(readTableauFile(corrupt, "abime.xlsx", TODAY)).rejects.toThrow(/« abime\.xlsx » ne peut pas être lu/);
  });
});
