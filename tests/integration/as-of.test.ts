/**
 * The as-of rule through the public command, on one tableau read at fixed dates before, during and after its
 * convention (2026-2030): what a bilan counts, what is late, and when a bilan is refused or provisional.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emptyTracking } from "../../src/domain/tracking";
import { demoTracking } from "../../src/samples/demo-entries";
import { samplePlan } from "../../src/samples/sample-plan";
import { writeTrackingFile } from "../../src/xlsx/tableau-file";
import { ctgAt } from "../support/cli";

async function demoFile(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), "ctg-as-of-")), "suivi.xlsx");
  // Written before the convention, entries for 2026-T1 and T2 as the demo has them.
  writeFileSync(file, await writeTrackingFile(demoTracking(samplePlan()), "2025-12-01T09:00:00.000Z"));
  return file;
}

async function bilanJson(date: string, file: string, ...args: string[]) {
  const result = await ctgAt(date)("bilan", file, ...args, "--json");
  return { code: result.code, err: result.err, json: result.code === 0 ? JSON.parse(result.out) : undefined };
}

describe("figures true at a stated date, through ctg bilan", () => {
  it("before the convention: an empty tableau checks clean, and a bilan of a period not begun is refused, in French", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "ctg-as-of-")), "vide.xlsx");
    writeFileSync(file, await writeTrackingFile(emptyTracking(samplePlan()), "2025-12-01T09:00:00.000Z"));
    expect((await ctgAt("2025-12-01T10:00:00Z")("check", file)).code).toBe(0);
    const early = await bilanJson("2025-12-01T10:00:00Z", file, "--kind", "annual", "--year", "2026");
    expect(early.code).not.toBe(0);
    expect(early.err).toMatch(/la période du point d'étape 2026 commence le 01\/01\/2026\s: rien n'y a encore été saisi/);
  });

  it("during it: a quarter not over is neither missing nor late, and the final bilan is made only as provisoire", async () => {
    const file = await demoFile();
    const annual = await bilanJson("2026-11-24T10:00:00Z", file, "--kind", "annual", "--year", "2026");
    expect(annual.json).toMatchObject({ asOf: "2026-11-24", provisional: false });
    // Three quarters over on 24/11/2026 (T1-T3) for 15 fiches; the entries cover T1 and T2.
    expect(annual.json.completeness).toMatchObject({ statusesFilled: 30, statusesExpected: 45 });
    // The demo's échéances are 2026 or later: none has passed yet.
    expect(annual.json.lateActions).toEqual([]);

    const refused = await ctgAt("2026-11-24T10:00:00Z")("bilan", file, "--kind", "final", "--json");
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/le bilan final couvre la période jusqu'au 31\/12\/2030\s.*--provisoire/);
    const provisional = await bilanJson("2026-11-24T10:00:00Z", file, "--kind", "final", "--provisoire");
    expect(provisional.json).toMatchObject({ asOf: "2026-11-24", provisional: true });
    expect(provisional.json.completeness.statusesExpected).toBe(45);
  });

  it("after it: the final bilan stands at the end of its period, and the fiches due by then and never done are late", async () => {
    const file = await demoFile();
    const final = await bilanJson("2031-02-01T10:00:00Z", file, "--kind", "final");
    expect(final.json).toMatchObject({ asOf: "2030-12-31", provisional: false });
    expect(final.json.completeness.statusesExpected).toBe(15 * 20);
    // Late: due by 2030, last status neither Réalisée nor Abandonnée.
    const late = final.json.lateActions as { code: string; status: string }[];
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((fiche) => fiche.status !== "Réalisée" && fiche.status !== "Abandonnée")).toBe(true);
    // The point d'étape 2026 read in 2031 is as of the end of 2026, as it was.
    const annual = await bilanJson("2031-02-01T10:00:00Z", file, "--kind", "annual", "--year", "2026");
    expect(annual.json).toMatchObject({ asOf: "2026-12-31", provisional: false });
    expect(annual.json.completeness.statusesExpected).toBe(60);
  });
});
