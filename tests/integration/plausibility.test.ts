/**
 * Plausibility warnings through the public commands: where they show (ctg check --json, the bilan, the
 * consolidation report), that they never block, and that the « Vérifié » mark silences them and survives an update.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Tracking } from "../../src/domain/tracking";
import { SHEETS, TEMPLATE_VERSION } from "../../src/workbook/layout";
import { writeTrackingFile } from "../../src/xlsx/tableau-file";
import { XlsxFile, sheetsOf } from "../support/xlsx-package";
import { ctgAt } from "../support/cli";
import { SMALL_PLAN_JSON, smallPlan } from "../support/small-plan";

// After 2026-T4: the whole year 2026 is entered.
const ctg = ctgAt("2027-02-10T10:00:00Z");

/** Fiche 1.A.1 under way all year; its number of places (« dernière valeur ») falls from 12 to 1 in 2026-T4. */
function trackingWithDrop(territory = "Commune de Test"): Tracking {
  const plan = smallPlan();
  plan.convention.territory = territory;
  const quarters = ["2026-T1", "2026-T2", "2026-T3", "2026-T4"];
  return {
    plan,
    statuses: quarters.map((quarter, index) => ({ actionCode: "1.A.1", quarter, status: "En cours" as const, progress: 20 * (index + 1) })),
    measurements: [10, 12, 12, 1].map((value, index) => ({ indicatorId: "1.A.1-I1", quarter: quarters[index], value })),
    lockedQuarters: [],
    archive: [],
  };
}

function workspace(): string {
  return mkdtempSync(join(tmpdir(), "ctg-plausible-"));
}

interface CheckJson {
  ok: boolean;
  issues: { sheet: string; cell: string; severity: string; message: string }[];
}

async function check(file: string): Promise<{ code: number; json: CheckJson }> {
  const result = await ctg("check", file, "--json");
  return { code: result.code, json: JSON.parse(result.out) as CheckJson };
}

/** Types « Oui » in the « Vérifié » column of the row of `cell` (a cell of the same sheet). */
async function markVerified(file: string, sheetName: string, cell: string): Promise<string> {
  const workbook = await XlsxFile.open(file);
  const mark = `${await workbook.columnOf(sheetName, "Vérifié")}${cell.replace(/^[A-Z]+/, "")}`;
  await workbook.setCell(sheetName, mark, "Oui");
  await workbook.save(file);
  return mark;
}

describe("plausibility warnings through the commands", () => {
  it("ctg check --json gives the warning at its cell without failing; marked « Vérifié », it is raised no more, and the mark survives an update", async () => {
    const dir = workspace();
    const file = join(dir, "suivi.xlsx");
    writeFileSync(file, await writeTrackingFile(trackingWithDrop(), "2027-02-01T09:00:00.000Z"));

    const first = await check(file);
    expect(first.code).toBe(0);
    expect(first.json.ok).toBe(true);
    const warnings = first.json.issues.filter((issue) => issue.severity === "warning");
    expect(warnings).toEqual([
      {
        sheet: SHEETS.measurements,
        cell: expect.stringMatching(/^G\d+$/),
        severity: "warning",
        message: expect.stringMatching(/^la valeur de 1\.A\.1-I1 tombe de 12 à 1 en un trimestre/),
      },
    ]);
    const text = await ctg("check", file);
    expect(text.out).toContain(`${SHEETS.measurements}!${warnings[0].cell}`);

    // The bilan lists it, and is not refused for it.
    const bilan = JSON.parse((await ctg("bilan", file, "--kind", "annual", "--year", "2026", "--json")).out);
    expect(bilan.toConfirm).toEqual([{ indicatorId: "1.A.1-I1", quarter: "2026-T4", kind: "sharpDrop", message: warnings[0].message }]);
    const out = join(dir, "bilan");
    const written = await ctg("bilan", file, "--kind", "annual", "--year", "2026", "--out", out);
    expect(written.code).toBe(0);
    expect(written.out).toMatch(/1 valeur\(s\) à confirmer avant le COPIL/);
    const [[, grid]] = await sheetsOf(join(out, "bilan-annuel-2026.xlsx"));
    const texts = grid.flat().map(String);
    expect(texts).toContain("Valeurs à confirmer avant le COPIL (1)");
    expect(texts).toContain(
      `La valeur de 1.A.1-I1 tombe de 12 à 1 en un trimestre, alors que l'indicateur retient la dernière valeur (un total cumulé ne baisse pas)\u00a0: est-ce bien la valeur du trimestre\u00a0?`,
    );

    await markVerified(file, SHEETS.measurements, warnings[0].cell);
    const marked = await check(file);
    expect(marked.json.issues).toEqual([]);
    expect(JSON.parse((await ctg("bilan", file, "--kind", "annual", "--year", "2026", "--json")).out).toConfirm).toEqual([]);

    // A structure update (one more fiche) keeps the mark with its value.
    const plan = JSON.parse(JSON.stringify(SMALL_PLAN_JSON));
    plan.axes[1].subAxes[0].actions.push({
      code: "2.A.2",
      title: "Nouvelle fiche",
      deadline: "2027",
      pilots: [],
      partners: [],
      fields: ["autre"],
      links: [],
      indicators: [],
    });
    writeFileSync(join(dir, "plan.json"), JSON.stringify(plan));
    expect((await ctg("init", "--plan", join(dir, "plan.json"), "--out", file, "--update")).code).toBe(0);
    expect((await check(file)).json.issues).toEqual([]);

    // A mark that is not « Oui » is refused at its cell, as any closed list.
    const workbook = await XlsxFile.open(file);
    const markCell = `${await workbook.columnOf(SHEETS.measurements, "Vérifié")}2`;
    await workbook.setCell(SHEETS.measurements, markCell, "peut-être");
    await workbook.save(file);
    const refused = await check(file);
    expect(refused.code).toBe(1);
    expect(refused.json.issues).toContainEqual(expect.objectContaining({ sheet: SHEETS.measurements, cell: markCell, severity: "error" }));
  });

  it("reads a tableau of template 1.2 (no « Vérifié » column) and adds the column on update, the user's own column kept after it", async () => {
    const dir = workspace();
    const file = join(dir, "ancien.xlsx");
    writeFileSync(file, await writeTrackingFile(trackingWithDrop(), "2027-02-01T09:00:00.000Z"));
    // Template 1.2: the mark's column is not there, and someone has added a column of their own after the table.
    const workbook = await XlsxFile.open(file);
    for (const name of [SHEETS.tracking, SHEETS.measurements]) {
      const col = await workbook.columnOf(name, "Vérifié");
      await workbook.deleteColumn(name, col);
      await workbook.setCell(name, `${col}1`, "Note Caf");
      await workbook.setCell(name, `${col}2`, "à revoir");
    }
    await workbook.setKeyed(SHEETS.meta, "version", "1.2");
    await workbook.save(file);

    const old = await check(file);
    expect(old.json.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(old.json.issues.some((issue) => /tombe de 12 à 1/.test(issue.message))).toBe(true);

    expect((await ctg("init", "--plan", writePlan(dir), "--out", file, "--update")).code).toBe(0);
    const updated = new Map(await sheetsOf(file));
    for (const name of [SHEETS.tracking, SHEETS.measurements]) expect(updated.get(name)![0].slice(-2)).toEqual(["Vérifié", "Note Caf"]);
    expect(
      updated
        .get(SHEETS.meta)!
        .filter((row) => row[0] === "version")
        .map((row) => row[1]),
    ).toEqual([TEMPLATE_VERSION]);
  });

  it("lists the warnings per territory in the consolidation report, not those of values marked « Vérifié »", async () => {
    const dir = workspace();
    const flagged = join(dir, "flagged.xlsx");
    const verified = join(dir, "verified.xlsx");
    writeFileSync(flagged, await writeTrackingFile(trackingWithDrop("Commune A"), "2027-02-01T09:00:00.000Z"));
    const tracking = trackingWithDrop("Commune B");
    tracking.plan.convention.inseeOrSiren = "99999";
    tracking.measurements[3].confirmed = true;
    writeFileSync(verified, await writeTrackingFile(tracking, "2027-02-01T09:00:00.000Z"));
    const report = join(dir, "rapport.json");
    const result = await ctg("consolidate", flagged, verified, "--out", join(dir, "conso.xlsx"), "--report", report);
    expect(result.code).toBe(0);
    const files = JSON.parse(readFileSync(report, "utf8")).files as { file: string; status: string; reasons: string[] }[];
    expect(files.find((item) => item.file === flagged)).toMatchObject({
      status: "warnings",
      reasons: [expect.stringMatching(/^avertissement — feuille «\sSaisies\s», ligne \d+\s: la valeur de 1\.A\.1-I1 tombe de 12 à 1/)],
    });
    expect(files.find((item) => item.file === verified)).toMatchObject({ status: "accepted", reasons: [] });
  });
});

function writePlan(dir: string): string {
  const path = join(dir, "plan.json");
  writeFileSync(path, JSON.stringify(SMALL_PLAN_JSON));
  return path;
}
