/**
 * The `ctg` commands the pane gives where it cannot hand a file over (Excel for Mac, iPad, old Windows): run as the
 * user would type them, with the workbook and the folder in place of TABLEAU.xlsx and DOSSIER, they write the same
 * files the pane would have handed over.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectionGroups } from "../../src/domain/collection";
import { allIndicators } from "../../src/domain/plan";
import { handoverLabels } from "../../src/labels/catalog";
import { samplePlan } from "../../src/samples/sample-plan";
import { bilanCommand, collectCommand } from "../../src/taskpane/file-handover";
import { ctgAt } from "../support/cli";
import { demoFile } from "../support/update-fixtures";

const ctg = ctgAt("2026-11-24T10:00:00Z");
let dir: string;
let tableau: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ctg-handover-"));
  tableau = await demoFile(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command as the pane shows it, typed with this workbook and this folder. */
function typed(command: string, out: string): string[] {
  const words = command.split(" ");
  expect(words[0]).toBe("ctg");
  return words.slice(1).map((word) => (word === handoverLabels.commandWorkbook ? tableau : word === handoverLabels.commandFolder ? out : word));
}

describe("the command line the pane gives instead of a file", () => {
  it("writes the annual bilan's deck and Word bilan under the names the pane gives them", async () => {
    const out = join(dir, "annuel");
    const result = await ctg(...typed(bilanCommand({ kind: "annual", year: 2026 }), out));
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(readdirSync(out)).toEqual(expect.arrayContaining(["copil-annuel-2026.pptx", "bilan-annuel-2026.docx"]));
  });

  it("writes the provisional CDSF final bilan with the chosen indicator", async () => {
    const indicator = allIndicators(samplePlan()).find(({ indicator }) => indicator.type === "nombre")!.indicator.id;
    const out = join(dir, "final");
    const result = await ctg(...typed(bilanCommand({ kind: "final", provisional: true, cdsf: true, seriesIndicatorId: indicator }), out));
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(readdirSync(out)).toEqual(expect.arrayContaining(["copil-final-cdsf.pptx", "bilan-final-cdsf.docx"]));
  });

  it("writes the quarter's collection files, one per pilote or per partner", async () => {
    const plan = samplePlan();
    for (const by of ["pilote", "partenaire"] as const) {
      const out = join(dir, `collecte-${by}`);
      const result = await ctg(...typed(collectCommand({ quarter: "2026-T4", by }), out));
      expect(result).toMatchObject({ code: 0, err: "" });
      const written = readdirSync(out).filter((name) => name.startsWith("Collecte 2026-T4 - ") && name.endsWith(".xlsx"));
      expect(written).toHaveLength(collectionGroups(plan, by).length);
      expect(written.length).toBeGreaterThan(1);
    }
  });
});
