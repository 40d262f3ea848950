/**
 * No command writes over what it did not create: every output of every command is checked before any work against
 * the command's inputs (under any name, a hard or symbolic link included) and against what already lies at its path.
 * A file the same command writes may be replaced; a tableau, a consolidation or any other file is refused in French.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoTracking } from "../../src/samples/demo-entries";
import { samplePlan } from "../../src/samples/sample-plan";
import { writeTrackingFile } from "../../src/xlsx/tableau-file";
import { ctgAt } from "../support/cli";

const ctg = ctgAt("2026-11-24T10:00:00Z");
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const SEED = join(__dirname, "../../../shared/seeds/003_7db3a68b281f32e6.txt");

async function filledTableau(dir: string, name = "suivi.xlsx"): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, await writeTrackingFile(demoTracking(samplePlan()), "2026-11-01T09:00:00.000Z"));
  return file;
}

function workspace(): string {
  return mkdtempSync(join(tmpdir(), "ctg-outputs-"));
}

describe("no command writes over what it did not create", () => {
  it("ctg consolidate --report naming a territory's file, or a link to it, is refused and the tableau untouched", async () => {
    const dir = workspace();
    const tableau = await filledTableau(dir);
    const before = sha(tableau);
    const refused = await ctg("consolidate", tableau, "--out", join(dir, "conso.xlsx"), "--report", tableau);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      `«\u00a0${tableau}\u00a0» est aussi un fichier d'entrée de la commande\u00a0: il serait remplacé. Rien n'a été écrit\u00a0: choisissez un autre nom de sortie.`,
    );
    const hard = join(dir, "lien-dur.json");
    linkSync(tableau, hard);
    expect((await ctg("consolidate", tableau, "--out", join(dir, "conso.xlsx"), "--report", hard)).err).toMatch(/est aussi un fichier d'entrée/);
    const soft = join(dir, "lien.xlsx");
    symlinkSync(tableau, soft);
    expect((await ctg("consolidate", tableau, "--out", soft)).err).toMatch(/est aussi un fichier d'entrée|est aussi un fichier à consolider/);
    // Another territory's tableau given as the report: what it is is said.
    const other = await filledTableau(dir, "autre.xlsx");
    const wouldReplace = await ctg("consolidate", tableau, "--out", join(dir, "conso.xlsx"), "--report", other);
    expect(wouldReplace.err).toBe(
      `«\u00a0${other}\u00a0» existe déjà et n'est pas un rapport de consolidation (JSON) écrit par «\u00a0ctg consolidate\u00a0»\u00a0: c'est le tableau de suivi de «\u00a0Communauté de communes Monts, Rance et Rougier\u00a0». Rien n'a été écrit\u00a0: choisissez un autre nom de sortie, ou déplacez ce fichier.`,
    );
    expect(sha(tableau)).toBe(before);
    expect(existsSync(join(dir, "conso.xlsx"))).toBe(false);

    // Its own report and consolidation are replaced at the next run.
    const report = join(dir, "rapport.json");
    expect((await ctg("consolidate", tableau, "--out", join(dir, "conso.xlsx"), "--report", report)).code).toBe(0);
    expect((await ctg("consolidate", tableau, "--out", join(dir, "conso.xlsx"), "--report", report)).code).toBe(0);
  });

  it("ctg import and ctg sample-plan refuse to replace a tableau with JSON, and an output that is the input or given twice", async () => {
    const dir = workspace();
    const tableau = await filledTableau(dir);
    const before = sha(tableau);
    const imported = await ctg("import", SEED, "--out", tableau);
    expect(imported.code).toBe(2);
    expect(imported.err).toMatch(
      /existe déjà et n'est pas un plan d'actions \(JSON\) écrit par «\sctg import\s» ou «\sctg sample-plan\s»\s: c'est le tableau de suivi de/,
    );
    expect((await ctg("sample-plan", "--out", tableau)).err).toMatch(/n'est pas un plan d'actions \(JSON\)/);
    expect(sha(tableau)).toBe(before);

    const copy = join(dir, "repertoire.txt");
    copyFileSync(SEED, copy);
    expect((await ctg("import", copy, "--out", copy)).err).toMatch(/est aussi un fichier d'entrée de la commande/);
    expect((await ctg("import", copy, "--out", join(dir, "plan.json"), "--report", join(dir, "plan.json"))).err).toMatch(/est donné pour deux sorties/);
    const notes = join(dir, "notes.json");
    writeFileSync(notes, JSON.stringify({ budget: 12 }));
    expect((await ctg("import", copy, "--out", notes)).err).toMatch(/c'est un fichier JSON d'une autre sorte/);

    // A plan over a plan, a report over a report: what the command itself writes.
    expect((await ctg("import", copy, "--out", join(dir, "plan.json"), "--report", join(dir, "rapport.json"))).code).toBe(0);
    expect((await ctg("import", copy, "--out", join(dir, "plan.json"), "--report", join(dir, "rapport.json"))).code).toBe(0);
    expect((await ctg("sample-plan", "--out", join(dir, "plan.json"))).code).toBe(0);
  });

  it("ctg init refuses a plan that is its own output; ctg bilan and ctg demo replace only their own files", async () => {
    const dir = workspace();
    const tableau = await filledTableau(dir);
    expect((await ctg("init", "--plan", tableau, "--out", tableau, "--update")).err).toMatch(/est aussi un fichier d'entrée de la commande/);

    const out = join(dir, "bilans");
    mkdirSync(out);
    // Someone saved a tableau under the name the bilan would take.
    const mistaken = join(out, "bilan-annuel-2026.xlsx");
    copyFileSync(tableau, mistaken);
    const before = sha(mistaken);
    const refused = await ctg("bilan", tableau, "--kind", "annual", "--year", "2026", "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(
      /«\s.*bilan-annuel-2026\.xlsx\s» existe déjà et n'est pas un classeur de bilan écrit par «\sctg bilan\s»\s: c'est le tableau de suivi de/,
    );
    expect(sha(mistaken)).toBe(before);
    expect(existsSync(join(out, "bilan-annuel-2026.docx"))).toBe(false);
    // The bilan's own files are replaced by the next bilan.
    const fresh = join(dir, "bilans-2");
    expect((await ctg("bilan", tableau, "--kind", "annual", "--year", "2026", "--out", fresh)).code).toBe(0);
    expect((await ctg("bilan", tableau, "--kind", "annual", "--year", "2026", "--out", fresh)).code).toBe(0);

    // The demo runs twice over its own files, never over someone's tableau.
    const demo = join(dir, "demo");
    expect((await ctg("demo", "--out", demo)).code).toBe(0);
    expect((await ctg("demo", "--out", demo)).code).toBe(0);
    const theirs = join(dir, "demo-2");
    mkdirSync(theirs);
    const plan = samplePlan();
    plan.convention.territory = "Commune de Test";
    writeFileSync(
      join(theirs, "suivi-ctg-demo.xlsx"),
      await writeTrackingFile({ plan, statuses: [], measurements: [], lockedQuarters: [], archive: [] }, "2026-11-01T09:00:00.000Z"),
    );
    expect((await ctg("demo", "--out", theirs)).err).toMatch(/n'est pas le tableau de la démonstration\s: c'est le tableau de suivi de «\sCommune de Test\s»/);
  });
});
