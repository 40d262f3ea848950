/**
 * Identity before merging: a tableau started from a copy of a neighbour's carries the neighbour's hidden convention
 * identifier. The consolidation reports it as a conflict and replaces nothing; `ctg init --update` with the
 * territory's own plan gives it an identifier of its own, after which both territories consolidate side by side.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SHEETS } from "../../src/workbook/layout";
import { writeTrackingFile } from "../../src/xlsx/tableau-file";
import { ctgAt } from "../support/cli";
import { SMALL_PLAN_JSON, smallPlan } from "../support/small-plan";
import { XlsxFile, rowsOf } from "../support/xlsx-package";

const ctg = ctgAt("2026-11-24T10:00:00Z");

interface Report {
  files: { file: string; status: string; territory?: string; reasons: string[] }[];
}

/** Commune A's tableau, and B's made from a copy of it with B's name and code typed in « Convention ». */
async function copiedPair(dir: string): Promise<{ a: string; b: string }> {
  const plan = smallPlan();
  plan.convention.inseeOrSiren = "12001";
  const a = join(dir, "commune-a.xlsx");
  writeFileSync(
    a,
    await writeTrackingFile(
      { plan, statuses: [{ actionCode: "1.A.1", quarter: "2026-T2", status: "En cours", progress: 30 }], measurements: [], lockedQuarters: [], archive: [] },
      "2026-10-01T09:00:00.000Z",
    ),
  );
  const b = join(dir, "commune-b.xlsx");
  copyFileSync(a, b);
  const copy = await XlsxFile.open(b);
  await copy.setCell(SHEETS.convention, "B2", "Commune B");
  await copy.setCell(SHEETS.convention, "B3", "12002");
  await copy.save(b);
  return { a, b };
}

function reportOf(file: string): Report {
  return JSON.parse(readFileSync(file, "utf8")) as Report;
}

describe("identity before merging", () => {
  it("reports a copied neighbour's identifier as a conflict, in the batch and against the consolidation, replacing nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctg-identity-"));
    const { a, b } = await copiedPair(dir);
    const out = join(dir, "conso.xlsx");
    const report = join(dir, "rapport.json");

    expect((await ctg("consolidate", a, "--out", out)).code).toBe(0);
    await ctg("consolidate", b, "--out", out, "--report", report);
    const [verdict] = reportOf(report).files;
    expect(verdict).toMatchObject({ status: "rejected", territory: "Commune B" });
    expect(verdict.reasons[0]).toMatch(
      /^conflit d'identité\s: l'identifiant de convention ctg-[0-9a-f-]+ est celui de «\sCommune de Test\s» \(12001\) déjà dans la consolidation, alors que ce fichier est celui de «\sCommune B\s» \(12002\)\s: .* Rien n'a été remplacé\. .*ctg init --plan PLAN\.json --out TABLEAU\.xlsx --update/,
    );
    // A stays as it was.
    expect((await rowsOf(out, "Synthèse territoires")).map((row) => [row.Territoire, row["Code INSEE / SIREN"]])).toEqual([["Commune de Test", "12001"]]);

    // Given together, neither is taken for the other.
    const fresh = join(dir, "conso-lot.xlsx");
    await ctg("consolidate", a, b, "--out", fresh, "--report", report);
    expect(reportOf(report).files.map((file) => [file.status, file.reasons[0]?.slice(0, 20)])).toEqual([
      ["rejected", "conflit d'identité\u00a0:"],
      ["rejected", "conflit d'identité\u00a0:"],
    ]);
  });

  it("gives the copy an identifier of its own at its update with its territory's plan; then both consolidate", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctg-identity-"));
    const { a, b } = await copiedPair(dir);
    const plan = join(dir, "plan-b.json");
    writeFileSync(plan, JSON.stringify({ ...SMALL_PLAN_JSON, convention: { ...SMALL_PLAN_JSON.convention, territory: "Commune B", inseeOrSiren: "12002" } }));
    const updated = await ctg("init", "--plan", plan, "--out", b, "--update");
    expect(updated.err).toBe("");
    expect(updated.code).toBe(0);
    expect(updated.out).toContain(
      "Ce tableau était celui d'un autre territoire\u00a0: il reçoit un identifiant de convention propre à «\u00a0Commune B\u00a0»",
    );
    const out = join(dir, "conso.xlsx");
    expect((await ctg("consolidate", a, b, "--out", out)).code).toBe(0);
    expect((await rowsOf(out, "Synthèse territoires")).map((row) => row.Territoire)).toEqual(["Commune de Test", "Commune B"]);

    // A renamed territory (same code) keeps its identifier: its new file replaces the old one.
    const renamed = join(dir, "plan-a.json");
    writeFileSync(
      renamed,
      JSON.stringify({ ...SMALL_PLAN_JSON, convention: { ...SMALL_PLAN_JSON.convention, territory: "Commune A-Nouvelle", inseeOrSiren: "12001" } }),
    );
    const again = await ctg("init", "--plan", renamed, "--out", a, "--update");
    expect(again.out).not.toContain("identifiant de convention propre");
    expect((await ctg("consolidate", a, "--out", out)).code).toBe(0);
    expect((await rowsOf(out, "Synthèse territoires")).map((row) => row.Territoire).sort()).toEqual(["Commune A-Nouvelle", "Commune B"]);
  });
});
