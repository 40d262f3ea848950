import type { Tracking } from "../../src/domain/tracking";
import { SHEETS } from "../../src/workbook/layout";
import { readTableauFile, writeTableauFile, writeTrackingFile } from "../../src/xlsx/tableau-file";
import { NOW, TODAY, smallPlan } from "../support/small-plan";
import { XlsxFile, cellsOf } from "../support/xlsx-package";

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

describe("tableau written to .xlsx by the project's writer", () => {
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
    const bytes = await writeTrackingFile(tracking(), NOW);
    const cells = await cellsOf(bytes, SHEETS.tracking);
    const address = [...cells].find(([, value]) => value === "=SOMME(A1:A3)")![0];
    const cell = await (await XlsxFile.open(bytes)).cell(SHEETS.tracking, address);
    expect(cell).toMatchObject({ type: "s", value: "=SOMME(A1:A3)" });
    expect(cell?.formula).toBeUndefined();
    expect(await (await XlsxFile.open(bytes)).text(await (await XlsxFile.open(bytes)).sheetPart(SHEETS.tracking))).not.toContain("<f>");
  });

  it("writes validations, protection, frozen headers, formats and hidden metadata that Excel will enforce", async () => {
    const file = await XlsxFile.open(await writeTrackingFile(tracking(), NOW));
    const suivi = SHEETS.tracking;
    expect(await file.cell(suivi, "F1")).toMatchObject({ value: "Statut", style: { bold: true, fill: "FF1F5C4A", fontColor: "FFFFFFFF" } });
    expect(await file.validation(suivi, "F10")).toMatchObject({
      type: "list",
      formula1: '"À lancer,En cours,Réalisée,Reportée,Abandonnée"',
      showErrorMessage: "1",
      prompt: expect.stringMatching(/statut/),
    });
    expect((await file.cell(suivi, "F10"))?.style.locked).toBe(false);
    expect((await file.cell(suivi, "D10"))?.style.locked).toBe(true);
    // 2026-T1 is locked: its rows are the first three data rows
    expect((await file.cell(suivi, "F2"))?.style).toMatchObject({ locked: true, fill: "FFF3F2F1" });
    expect((await file.cell(suivi, "G10"))?.style.numFmt).toBe("0 %");
    expect((await file.element(suivi, "sheetProtection"))?.attributes).toEqual(
      expect.arrayContaining([
        ["sheet", "1"],
        ["autoFilter", "0"],
      ]),
    );
    const pane = (await file.element(suivi, "sheetViews"))!.children[0];
    expect(typeof pane !== "string" && pane.children.find((child) => typeof child !== "string" && child.name === "pane")).toMatchObject({
      attributes: expect.arrayContaining([
        ["ySplit", "1"],
        ["state", "frozen"],
      ]),
    });
    // One page wide (the default width of a fit to pages, left unwritten as Excel does), as many tall as needed.
    expect(await file.attributesOf(suivi, "pageSetup")).toEqual({ paperSize: "9", fitToHeight: "0", orientation: "landscape" });
    expect(await file.attributesOf(suivi, "pageSetUpPr")).toEqual({ fitToPage: "1" });
    expect(await file.definedNames()).toContainEqual({ name: "_xlnm.Print_Titles", localSheetId: "4", formula: "'Suivi des fiches'!$1:$1" });
    const saisies = await cellsOf(await file.bytes(), SHEETS.measurements);
    const formats: Record<string, string> = {};
    for (const [address, value] of saisies) {
      if (address.startsWith("D") && address !== "D1") formats[String(value)] = (await file.cell(SHEETS.measurements, `G${address.slice(1)}`))!.style.numFmt;
    }
    expect(formats).toMatchObject({ Nombre: "#,##0", "Taux (%)": "0.0 %", "Montant (€)": '#,##0.00 "€"', "Oui / Non": "@" });
    expect((await file.sheets()).find((sheet) => sheet.name === SHEETS.meta)?.state).toBe("veryHidden");
  });

  it("updates the structure of a filled file and keeps every entry and the user's own sheets", async () => {
    const userWorkbook = await XlsxFile.open(await writeTrackingFile(tracking(), NOW));
    await userWorkbook.addSheet("Mes notes", [["Réunion du 12 mars"]]);
    const withNotes = await userWorkbook.bytes();

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
    expect((await cellsOf(updated.bytes, "Mes notes")).get("A1")).toBe("Réunion du 12 mars");
    expect((await (await XlsxFile.open(updated.bytes)).sheets()).map((sheet) => sheet.name).slice(0, 3)).toEqual([
      SHEETS.guide,
      SHEETS.convention,
      SHEETS.plan,
    ]);
  });

  it("refuses to update a tableau whose entries have errors, so that none is lost", async () => {
    const workbook = await XlsxFile.open(await writeTrackingFile(tracking(), NOW));
    await workbook.setCell(SHEETS.tracking, "F12", "Terminé");
    const broken = await workbook.bytes();
    await expect(writeTableauFile(smallPlan(), { now: NOW, today: TODAY, existing: { bytes: broken, fileName: "t.xlsx" } })).rejects.toThrow(
      /Suivi des fiches!F12\s: statut «\sTerminé\s» inconnu/,
    );
  });

  it("gives a French error naming a file that is not a workbook", async () => {
    await expect(readTableauFile(new TextEncoder().encode("bonjour"), "notes.txt", TODAY)).rejects.toThrow(
      /«\snotes\.txt\s» ne peut pas être lu comme un tableau de suivi\s: ce n.est pas un classeur \.xlsx/,
    );
    const corrupt = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    await expect(readTableauFile(corrupt, "abime.xlsx", TODAY)).rejects.toThrow(/«\sabime\.xlsx\s» ne peut pas être lu/);
  });
});
