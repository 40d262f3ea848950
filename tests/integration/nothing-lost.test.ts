/**
 * Nothing the user typed is ever lost, through the public commands, with files the tests make themselves: columns
 * people add survive an update (or the update is refused, naming them), merged cells and formulas without their
 * result are reported instead of inventing or emptying entries, an ambiguous rate is refused with both readings,
 * every door goes through the archive guard with French reasons, consolidations do not lose a batch to a
 * concurrent run or leave files behind, and the import says what it could not read.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileSystemReason } from "../../src/services/outcome";
import { samplePlan } from "../../src/samples/sample-plan";
import { writeTrackingFile } from "../../src/xlsx/tableau-file";
import { demoTracking } from "../../src/samples/demo-entries";
import { repertoireText } from "../support/repertoire-writer";
import { SMALL_PLAN_JSON } from "../support/small-plan";
import { zipOf, zipWith } from "../support/zips";
import { columnLetter } from "../../src/workbook/sheet-plan";
import { MEASUREMENTS_SPEC, TRACKING_SPEC } from "../../src/workbook/tableau-columns";
import { ctgAt } from "../support/cli";
import { demoFile, newFichePlan } from "../support/update-fixtures";
import { XlsxFile, cellsOf, editFile } from "../support/xlsx-package";

jest.setTimeout(120_000);

const CLI = resolve(__dirname, "../../bin/ctg.js");

const ctg = ctgAt("2026-11-24T10:00:00Z");

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "ctg-lost-"));
  writeFileSync(join(dir, "plan.json"), JSON.stringify(SMALL_PLAN_JSON));
  return dir;
}

const edit = editFile;

describe("what people add to the tableau survives an update", () => {
  it("keeps a column added after « Suivi des fiches » and one inserted in the middle of « Saisies », each value with its row", async () => {
    const dir = workspace();
    const file = await demoFile(dir);
    // The first column after the table's, in each sheet.
    const after = columnLetter(TRACKING_SPEC.columns.length);
    const moved = columnLetter(MEASUREMENTS_SPEC.columns.length);
    await edit(file, async (workbook) => {
      await workbook.setCell("Suivi des fiches", `${after}1`, "Commentaire Caf");
      await workbook.setCell("Suivi des fiches", `${after}2`, "Vu en COPIL");
      // A column typed between « Type » and « Unité »: the product's columns after it move one to the right.
      await workbook.insertColumn("Saisies", "E", ["Source", "fichier Caf", "enquête"]);
    });
    const before = await cellsOf(file, "Suivi des fiches");
    const keyOfK2 = [before.get("A2"), before.get("C2")];
    const update = await ctg("init", "--plan", newFichePlan(dir), "--out", file, "--update");
    expect(update.code).toBe(0);
    expect(update.out).toContain(
      `Colonne ajoutée conservée\u00a0: «\u00a0Source\u00a0» (colonne E) de la feuille «\u00a0Saisies\u00a0»\u00a0: placée en colonne ${moved}, après les colonnes du tableau`,
    );
    expect((await ctg("check", file)).code).toBe(0);

    const suivi = await cellsOf(file, "Suivi des fiches");
    expect(suivi.get(`${after}1`)).toBe("Commentaire Caf");
    // The new fiche came first in its quarter: the comment moved down with its row.
    const row = [...suivi.entries()].find(([address, value]) => address.startsWith(after) && value === "Vu en COPIL")![0].slice(1);
    expect([suivi.get(`A${row}`), suivi.get(`C${row}`)]).toEqual(keyOfK2);
    expect(row).not.toBe("2");
    const saisies = await cellsOf(file, "Saisies");
    expect(saisies.get(`${moved}1`)).toBe("Source");
    expect([saisies.get(`${moved}2`), saisies.get(`${moved}3`)]).toEqual(["fichier Caf", "enquête"]);
    expect(saisies.get("E1")).toBe("Unité");
  });

  it("refuses, naming the cells, a note it could not carry (a sheet without keyed rows, a row leaving the plan), and leaves the file as it was", async () => {
    const dir = workspace();
    const file = await demoFile(dir);
    await edit(file, (workbook) => workbook.setCell("Mode d'emploi", "C3", "Appeler Mme Martin"));
    const bytes = readFileSync(file);
    const refused = await ctg("init", "--plan", newFichePlan(dir), "--out", file, "--update");
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Mise à jour refusée\s: la feuille «\sMode d'emploi\s» contient des cellules ajoutées à la main \(C3\)/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir).filter((name) => name.includes("sauvegarde"))).toEqual([]);

    const other = await demoFile(workspace());
    await edit(other, async (workbook) => {
      await workbook.setCell("Suivi des fiches", "L1", "Commentaire Caf");
      await workbook.setCell("Suivi des fiches", "L5", "Fiche à revoir");
    });
    const fiche = (await cellsOf(other, "Suivi des fiches")).get("C5");
    const plan = samplePlan();
    for (const axis of plan.axes) for (const sub of axis.subAxes) sub.actions = sub.actions.filter((action) => action.code !== fiche);
    writeFileSync(join(dir, "plan-sans.json"), JSON.stringify(plan));
    const lost = await ctg("init", "--plan", join(dir, "plan-sans.json"), "--out", other, "--update");
    expect(lost.code).toBe(1);
    expect(lost.err).toMatch(/«\sSuivi des fiches\s» a des valeurs dans des colonnes ajoutées à la main sur des lignes que la mise à jour retire .*L5/);
  });
});

describe("no invented or vanished entries", () => {
  it("reports merged entry cells and formulas saved without their result at their cell, and an update keeps them", async () => {
    const dir = workspace();
    const file = join(dir, "suivi.xlsx");
    await ctg("init", "--plan", join(dir, "plan.json"), "--out", file);
    await edit(file, async (workbook) => {
      await workbook.setCell("Suivi des fiches", "F2", "En cours");
      await workbook.mergeCells("Suivi des fiches", "F2:F3");
      // A formula without a stored result, as openpyxl and some tools save one.
      await workbook.setCell("Saisies", "G2", { formula: "2+2" });
    });
    const check = await ctg("check", file, "--json");
    expect(check.code).toBe(1);
    const issues = JSON.parse(check.out).issues as { sheet: string; cell: string; message: string }[];
    expect(issues).toContainEqual(
      expect.objectContaining({ sheet: "Suivi des fiches", cell: "F2", message: expect.stringMatching(/cellules fusionnées F2:F3/) }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ sheet: "Saisies", cell: "G2", message: expect.stringMatching(/formule dont le résultat n'a pas été enregistré/) }),
    );
    const update = await ctg("init", "--plan", join(dir, "plan.json"), "--out", file, "--update");
    expect(update.code).toBe(1);
    expect(update.err).toMatch(/Mise à jour refusée.*Saisies!G2/s);
    expect((await (await XlsxFile.open(file)).cell("Saisies", "G2"))?.formula).toBe("2+2");
  });

  it("refuses a rate typed as the text 0,45 or 0.45 with both readings", async () => {
    const dir = workspace();
    const file = join(dir, "suivi.xlsx");
    await ctg("init", "--plan", join(dir, "plan.json"), "--out", file);
    // 1.A.1-I2 is the taux of fiche 1.A.1 (row 2 + quarters); G3 lies in its block, G6 in the next indicator's.
    const rows = await cellsOf(file, "Saisies");
    const rateRow = [...rows].find(([address, value]) => address.startsWith("B") && value === "1.A.1-I2")![0].slice(1);
    await edit(file, async (workbook) => {
      await workbook.setCell("Saisies", `G${rateRow}`, "0,45");
      await workbook.setCell("Suivi des fiches", "F2", "En cours");
      await workbook.setCell("Suivi des fiches", "G2", "0.45");
    });
    const issues = JSON.parse((await ctg("check", file, "--json")).out).issues as { cell: string; message: string }[];
    expect(issues).toContainEqual(
      expect.objectContaining({
        cell: `G${rateRow}`,
        message: expect.stringMatching(/«\s0,45\s» est ambigu\s: 45\s% \(si c'est une fraction\) ou 0,45\s%\s\?/),
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ cell: "G2", message: expect.stringMatching(/avancement «\s0\.45\s» est ambigu\s: 45\s% .* ou 0,45\s%/) }),
    );
  });
});

describe("one guard at every door", () => {
  it("refuses a zip bomb and a lying archive in check, bilan, init --update and import, in French", async () => {
    const dir = workspace();
    const bomb = join(dir, "bombe.xlsx");
    writeFileSync(bomb, zipWith("xl/worksheets/sheet1.xml", 40 * 1024 * 1024));
    const liar = join(dir, "menteur.xlsx");
    writeFileSync(liar, zipWith("xl/workbook.xml", 512 * 1024, 1000));
    const docxBomb = join(dir, "bombe.docx");
    writeFileSync(docxBomb, zipWith("word/document.xml", 40 * 1024 * 1024));
    const commands = (file: string) => [
      ["check", file],
      ["bilan", file, "--kind", "final", "--json"],
      ["init", "--plan", join(dir, "plan.json"), "--out", file, "--update"],
    ];
    for (const [file, reason] of [
      [bomb, /bombe de décompression/],
      [liar, /plus volumineux que la taille qu'il déclare/],
    ] as const) {
      for (const args of commands(file)) {
        const result = await ctg(...args);
        expect([args[0], result.code]).toEqual([args[0], 2]);
        expect(result.err).toMatch(reason);
        expect(result.err).not.toMatch(/Invalid string length|Cannot read|at .*\.(js|ts):\d+/);
      }
    }
    const imported = await ctg("import", docxBomb, "--out", join(dir, "plan-importe.json"));
    expect(imported.code).toBe(2);
    expect(imported.err).toMatch(/bombe de décompression/);
  });

  it("refuses a small .docx that unfolds into 1.8 million paragraphs before mammoth builds them", async () => {
    const dir = workspace();
    // Numbered paragraphs: they compress about as a real document does (a run of identical ones would trip the ratio check first).
    const paragraphs = Array.from({ length: 1_800_000 }, (_, index) => `<w:p><w:r><w:t>${(index * 2654435761) % 1e9}</w:t></w:r></w:p>`).join("");
    const file = join(dir, "paragraphes.docx");
    writeFileSync(
      file,
      zipOf({
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "word/document.xml": `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`,
      }),
    );
    expect(readFileSync(file).length).toBeLessThan(20 * 1024 * 1024);
    const imported = await ctg("import", file, "--out", join(dir, "plan.json"));
    expect(imported.code).toBe(2);
    expect(imported.err).toMatch(/plus de 50000 paragraphes/);
  });
});

function spawnCtg(args: string[]): {
  done: Promise<{ code: number | null; signal: string | null; out: string; err: string }>;
  kill(signal: NodeJS.Signals): void;
  pid: number;
} {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  child.stderr.on("data", (chunk) => (err += chunk));
  return {
    done: new Promise((done) => child.on("exit", (code, signal) => done({ code, signal, out, err }))),
    kill: (signal) => child.kill(signal),
    pid: child.pid!,
  };
}

/** Territories whose entries are all in quarters already begun, for the CLI run on today's date. */
async function territories(dir: string, count: number, from = 0): Promise<string[]> {
  const files: string[] = [];
  for (let index = from; index < from + count; index++) {
    const tracking = demoTracking(samplePlan());
    tracking.plan.convention.territory = `Commune n° ${index}`;
    const file = join(dir, `territoire-${index}.xlsx`);
    writeFileSync(file, await writeTrackingFile(tracking, "2026-01-05T09:00:00.000Z"));
    files.push(file);
  }
  return files;
}

describe("consolidation: concurrency and interruption", () => {
  it("never loses a batch to a second run on the same output: it waits its turn or is refused in French", async () => {
    const dir = workspace();
    const first = await territories(dir, 3, 0);
    const second = await territories(dir, 3, 3);
    const out = join(dir, "conso.xlsx");
    const [a, b] = await Promise.all([spawnCtg(["consolidate", ...first, "--out", out]).done, spawnCtg(["consolidate", ...second, "--out", out]).done]);
    const results = [a, b];
    for (const result of results) expect([0, 1, 2]).toContain(result.code);
    const refused = results.filter((result) => result.code === 2);
    for (const result of refused) expect(result.err).toMatch(/Une autre consolidation écrit déjà «\s.*conso\.xlsx\s»/);
    // Every run that says it wrote has its territories in the output.
    const report = await cellsOf(out, "Synthèse territoires");
    const names = [...report].filter(([address]) => /^A\d+$/.test(address) && address !== "A1").map(([, value]) => value);
    expect(names.length).toBe(3 * results.filter((result) => result.code === 0).length);
    expect(existsSync(`${out}.verrou`)).toBe(false);
  });

  it("refuses, in French, to write while a live process holds the lock, and reads no territory", async () => {
    const dir = workspace();
    const files = await territories(dir, 1);
    const out = join(dir, "conso.xlsx");
    writeFileSync(`${out}.verrou`, JSON.stringify({ pid: process.pid, host: (await import("node:os")).hostname(), since: "2026-11-24T09:00:00Z" }));
    const refused = await ctg("consolidate", ...files, "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(
      new RegExp(
        `Une autre consolidation écrit déjà «\\s.*conso\\.xlsx\\s» \\(processus ${process.pid}, depuis le 24/11/2026 10:00:00\\)\\s: attendez qu'elle se termine`,
      ),
    );
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.verrou`)).toBe(true);
  });

  it("takes over a lock and removes spools left by a killed run, and cleans up after SIGTERM", async () => {
    const dir = workspace();
    const files = await territories(dir, 8);
    const out = join(dir, "conso.xlsx");
    // What a run killed with kill -9 leaves: a lock, a spool folder and a partial output, all of a dead process.
    const dead = 999_999;
    writeFileSync(`${out}.verrou`, JSON.stringify({ pid: dead, host: (await import("node:os")).hostname(), since: "2026-11-01T09:00:00Z" }));
    const spool = join(tmpdir(), `ctg-consolidation-${dead}-test`);
    mkdirSync(spool, { recursive: true });
    writeFileSync(join(spool, "statuses.ndjson"), "reste");
    writeFileSync(`${out}.${dead}.tmp`, "partiel");
    const first = await spawnCtg(["consolidate", files[0], "--out", out]).done;
    expect(first.code).toBe(0);
    expect(existsSync(spool)).toBe(false);
    expect(existsSync(`${out}.${dead}.tmp`)).toBe(false);
    expect(existsSync(`${out}.verrou`)).toBe(false);

    const before = readFileSync(out);
    const running = spawnCtg(["consolidate", ...files, "--out", out]);
    // Stopped as soon as its spools exist: while it reads the territories, before it writes anything.
    const spools = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`ctg-consolidation-${running.pid}-`));
    while (spools().length === 0) await new Promise((done) => setTimeout(done, 5));
    running.kill("SIGTERM");
    const ended = await running.done;
    expect(ended.code).toBe(143);
    expect(ended.err).toMatch(/Interrompu \(SIGTERM\)\s: les fichiers temporaires ont été supprimés/);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`ctg-consolidation-${running.pid}-`))).toEqual([]);
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp") || name.endsWith(".verrou"))).toEqual([]);
  });

  it("checks the output folder before reading any territory, and tells file-system failures in French", async () => {
    const dir = workspace();
    const files = await territories(dir, 1);
    writeFileSync(join(dir, "fichier.txt"), "pas un dossier");
    const result = await ctg("consolidate", ...files, "--out", join(dir, "fichier.txt", "conso.xlsx"));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /Impossible d'écrire dans le dossier «\s.*fichier\.txt\s» de «\s.*conso\.xlsx\s»\s: un élément du chemin n'est pas un dossier\. Aucun fichier n'a été lu/,
    );
    expect(fileSystemReason(Object.assign(new Error("x"), { code: "ENOSPC" }))).toBe("le disque est plein");
    expect(fileSystemReason(Object.assign(new Error("x"), { code: "EROFS" }))).toBe("le support est en lecture seule");
  });
});

describe("the import says what it could not read", () => {
  it("decodes répertoires saved as Windows-1252 and UTF-16, and reports a missing sommaire, a guessed period and a misplaced fiche", async () => {
    const dir = workspace();
    const text = repertoireText(samplePlan());
    const latin1 = Buffer.from(text.replace(/[’œŒ–—…]/g, "-"), "latin1");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    for (const [name, bytes] of [
      ["latin1.txt", latin1],
      ["utf16.txt", utf16],
    ] as const) {
      writeFileSync(join(dir, name), bytes);
      const result = await ctg("import", join(dir, name), "--out", join(dir, `${name}.json`));
      expect([name, result.code]).toEqual([name, 0]);
      const plan = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8"));
      expect(plan.axes[0].title).toMatch(/é/);
    }
    // No sommaire: the fiches start at once; the period comes from the title line.
    const body = text.slice(text.indexOf("\n\n2\n"));
    writeFileSync(join(dir, "sans-sommaire.txt"), `Répertoire des fiches actions CTG 2026-2030\n${body}`);
    const bare = await ctg("import", join(dir, "sans-sommaire.txt"), "--out", join(dir, "sans.json"), "--report", join(dir, "rapport.json"));
    expect(bare.code).toBe(0);
    const warnings = JSON.parse(readFileSync(join(dir, "rapport.json"), "utf8")).warnings as { section: string; message: string }[];
    expect(warnings).toContainEqual(expect.objectContaining({ section: "sommaire", message: expect.stringMatching(/sommaire absent/) }));
    expect(warnings).toContainEqual(
      expect.objectContaining({ section: "convention", message: expect.stringMatching(/période de la convention devinée .* d'après la ligne 1 «/) }),
    );

    // A fiche listed under the wrong sub-axis in the sommaire.
    const moved = text.replace(/^(1\.A \/ .*)$/m, "$1\n\n1.B.9 Fiche égarée 2027");
    writeFileSync(join(dir, "egaree.txt"), moved);
    await ctg("import", join(dir, "egaree.txt"), "--out", join(dir, "egaree.json"), "--report", join(dir, "rapport-egaree.json"));
    const misplaced = JSON.parse(readFileSync(join(dir, "rapport-egaree.json"), "utf8")).warnings as { code: string; message: string }[];
    expect(misplaced).toContainEqual(
      expect.objectContaining({ code: "1.B.9", message: expect.stringMatching(/listée sous le sous-axe 1\.A\s: son code indique le sous-axe 1\.B/) }),
    );
  });
});
