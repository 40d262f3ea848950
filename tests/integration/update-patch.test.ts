/**
 * `ctg init --update` patches the tableau's file: its own sheets are written again, every other part goes through
 * as it was. Tried through the public command on files carrying what people and other programs put in them (Excel's
 * notes, links and pictures, threaded comments, custom XML, users' sheets, names and styles), on the forms other
 * producers write (a namespace prefix, rows and cells without references, Strict OOXML, the 1904 date system), and
 * against what goes wrong around a file (a save by someone else during the update, two updates at once, a full disk,
 * a read-only folder).
 */
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { initCommand } from "../../src/cli/commands";
import { samplePlan } from "../../src/samples/sample-plan";
import { SHEETS } from "../../src/workbook/layout";
import { ctgAt } from "../support/cli";
import { addExcelAnnotations, noteShapesOf, notesOf } from "../support/excel-annotations";
import { demoFile, newFichePlan } from "../support/update-fixtures";
import { XlsxFile, cellsOf, rowsOf } from "../support/xlsx-package";

jest.setTimeout(120_000);

const NOW = "2026-11-24T10:00:00Z";
const ctg = ctgAt(NOW);
const CLI = resolve(__dirname, "../../bin/ctg.js");

function workspace(): string {
  return mkdtempSync(join(tmpdir(), "ctg-patch-"));
}

/** The row (1-based) of « Suivi des fiches » holding a quarter and a fiche, in a file. */
async function rowOf(file: string | Uint8Array, quarter: string, code: string): Promise<number> {
  const rows = await rowsOf(file, SHEETS.tracking);
  const index = rows.findIndex((row) => row.Trimestre === quarter && row.Code === code);
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 2;
}

const backups = (dir: string) => readdirSync(dir).filter((name) => name.includes("sauvegarde"));

describe("an update keeps what it does not own", () => {
  it("moves Excel's notes, link and picture with their rows, and keeps threaded comments, custom XML, users' sheets, names and styles untouched", async () => {
    const dir = workspace();
    const file = await demoFile(dir);
    const noted = await rowOf(file, "2026-T1", "1.A.2");
    const linked = await rowOf(file, "2026-T2", "1.B.1");
    const workbook = await XlsxFile.open(file);
    await workbook.setCell(SHEETS.tracking, "L1", "Liens");
    await workbook.setCell(SHEETS.tracking, `L${linked}`, "compte rendu");
    await addExcelAnnotations(workbook, SHEETS.tracking, {
      notes: [`F${noted}`, `L${noted}`],
      link: { cell: `L${linked}`, url: "https://www.caf.fr/" },
      picture: `M${noted}`,
    });
    // A threaded comment (Excel 365) on the status cell, a custom XML part, a sheet of the user's with a name and a styled cell.
    const thread = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="F${noted}" dT="2026-11-20T09:00:00.00" personId="{11111111-1111-1111-1111-111111111111}" id="{22222222-2222-2222-2222-222222222222}"><text>À voir en COPIL</text></threadedComment></ThreadedComments>`;
    await workbook.addPart("xl/threadedComments/threadedComment1.xml", thread, "application/vnd.ms-excel.threadedcomments+xml");
    const sheetPart = await workbook.sheetPart(SHEETS.tracking);
    const slash = sheetPart.lastIndexOf("/");
    await workbook.addRelationships(sheetPart, [{ id: "", type: "threadedComment", target: "../threadedComments/threadedComment1.xml" }]);
    const rels = await workbook.tree(`${sheetPart.slice(0, slash + 1)}_rels/${sheetPart.slice(slash + 1)}.rels`);
    const threadRelationship = rels.children[rels.children.length - 1];
    if (typeof threadRelationship !== "string")
      threadRelationship.attributes[1][1] = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment";
    const customXml = '<?xml version="1.0" encoding="UTF-8"?><caf:dossier xmlns:caf="urn:caf:ctg">Dossier 2026-042</caf:dossier>';
    await workbook.addPart("customXml/item1.xml", customXml);
    await workbook.addRelationships("xl/workbook.xml", [{ id: "", type: "customXml", target: "../customXml/item1.xml" }]);
    await workbook.addSheet("Notes Caf", [["Budget"], [1250.5]]);
    // The user's cell takes a format of the workbook's style sheet (the tableau's amounts): it must keep it.
    await workbook.setStyle("Notes Caf", "A2", (await workbook.cellStyleIndex(SHEETS.tracking, "G3"))!);
    await workbook.addDefinedName("Budget", "'Notes Caf'!$A$2");
    await workbook.save(file);
    const before = await XlsxFile.open(file);
    const beforeNotes = await notesOf(before, SHEETS.tracking);
    expect([...beforeNotes.keys()]).toEqual([`F${noted}`, `L${noted}`]);
    const beforeStyle = (await before.cell("Notes Caf", "A2"))!.style;
    expect(beforeStyle.numFmt).toBe("0 %");
    expect((await ctg("check", file)).code).toBe(0);

    const update = await ctg("init", "--plan", newFichePlan(dir), "--out", file, "--update");
    expect(update.err).toBe("");
    expect(update.code).toBe(0);
    expect((await ctg("check", file)).code).toBe(0);

    const after = await XlsxFile.open(file);
    const movedNote = await rowOf(file, "2026-T1", "1.A.2");
    const movedLink = await rowOf(file, "2026-T2", "1.B.1");
    expect(movedNote).toBe(noted + 1);
    expect(movedLink).toBe(linked + 2);
    expect(await notesOf(after, SHEETS.tracking)).toEqual(
      new Map([
        [`F${movedNote}`, "Test1"],
        [`L${movedNote}`, "Test2"],
      ]),
    );
    const shapes = await noteShapesOf(after, SHEETS.tracking);
    expect(shapes.get(`F${movedNote}`)).toEqual([6, 15, movedNote - 1, 2, 8, 15, movedNote + 2, 16]);
    const link = await after.attributesOf(SHEETS.tracking, "hyperlink");
    expect(link?.ref).toBe(`L${movedLink}`);
    expect((await after.related(SHEETS.tracking, "hyperlink"))[0]).toBe("https://www.caf.fr/");
    expect((await cellsOf(file, SHEETS.tracking)).get(`L${movedLink}`)).toBe("compte rendu");
    const drawing = await after.text((await after.related(SHEETS.tracking, "drawing"))[0]);
    expect(drawing).toContain(`<xdr:from><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${movedNote - 1}</xdr:row>`);
    expect(after.has("xl/media/excel1.png")).toBe(true);
    const threads = await after.related(SHEETS.tracking, "threadedComment");
    expect(await after.text(threads[0])).toContain(`ref="F${movedNote}"`);
    expect(await after.text("customXml/item1.xml")).toBe(customXml);
    expect((await cellsOf(file, "Notes Caf")).get("A2")).toBe(1250.5);
    expect((await after.cell("Notes Caf", "A2"))!.style).toEqual(beforeStyle);
    expect(await after.definedNames()).toContainEqual({ name: "Budget", formula: "'Notes Caf'!$A$2" });
    expect(await after.definedNames()).toContainEqual({ name: "_xlnm.Print_Titles", localSheetId: "2", formula: "'Plan d''actions'!$1:$1" });
    // The calculation chain is rebuilt by Excel; no part of the tableau's own sheets is left behind twice.
    expect(after.parts().filter((part) => /tables\//.test(part)).length).toBe(6);
  });

  it("refuses to lose a note on a row that leaves the plan, and leaves the file and the folder as they were", async () => {
    const dir = workspace();
    const file = await demoFile(dir);
    const row = await rowOf(file, "2026-T1", "3.B.3");
    const workbook = await XlsxFile.open(file);
    await addExcelAnnotations(workbook, SHEETS.tracking, { notes: [`F${row}`, "F2"], link: { cell: "F2", url: "https://www.caf.fr/" }, picture: "M2" });
    await workbook.save(file);
    const bytes = readFileSync(file);
    const plan = samplePlan();
    for (const axis of plan.axes) for (const sub of axis.subAxes) sub.actions = sub.actions.filter((action) => action.code !== "3.B.3");
    writeFileSync(join(dir, "plan-sans.json"), JSON.stringify(plan));
    const refused = await ctg("init", "--plan", join(dir, "plan-sans.json"), "--out", file, "--update");
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      new RegExp(`Mise à jour refusée\\s: la feuille «\\sSuivi des fiches\\s» a des notes sur des lignes que la mise à jour retire \\(F${row}\\)`),
    );
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(backups(dir)).toEqual([]);
  });
});

/** Every XML part of a package changed by `edit` (its name, its text). */
async function rewritten(file: string, target: string, edit: (name: string, text: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new JSZip();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    out.file(name, /\.(xml|rels)$/.test(name) ? edit(name, await entry.async("string")) : await entry.async("uint8array"));
  }
  writeFileSync(target, await out.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

const STRICT: [string, string][] = [
  ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"],
];

describe("an update works on every form of the file that ctg check reads", () => {
  const variants: [string, (name: string, text: string) => string][] = [
    // Parts whose elements carry a prefix, as some producers write them (`x:row`, `x:c`).
    [
      "préfixe x:",
      (name, text) =>
        /^xl\/(worksheets\/sheet|workbook\.xml$|sharedStrings|styles)/.test(name)
          ? text
              .replace(/<(\/?)(?![?!])([A-Za-z][\w]*)([\s/>])/g, "<$1x:$2$3")
              .replace(
                /xmlns="http:\/\/schemas.openxmlformats.org\/spreadsheetml\/2006\/main"/,
                'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
              )
          : text,
    ],
    // Rows and cells without their reference where it can be left out (each next to the one before).
    [
      "sans références",
      (name, text) => {
        if (!/^xl\/worksheets\/sheet/.test(name)) return text;
        let lastRow = 0;
        return text.replace(/<row r="(\d+)"([^>]*)>(.*?)<\/row>/g, (_whole, number: string, rest: string, cells: string) => {
          const rowNumber = Number(number);
          let col = -1;
          const stripped = cells.replace(/<c r="([A-Z]+)\d+"/g, (cell, letters: string) => {
            const index = letters.split("").reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
            const next = index === col + 1;
            col = index;
            return next ? "<c" : cell;
          });
          const row = rowNumber === lastRow + 1 ? `<row${rest}>` : `<row r="${number}"${rest}>`;
          lastRow = rowNumber;
          return `${row}${stripped}</row>`;
        });
      },
    ],
    // Strict OOXML (Excel's « Classeur Strict Open XML »): other namespace names, the same parts.
    ["OOXML strict", (_name, text) => STRICT.reduce((result, [usual, strict]) => result.split(usual).join(strict), text)],
  ];

  it.each(variants)("%s", async (_label, edit) => {
    const dir = workspace();
    const original = await demoFile(dir);
    const file = join(dir, "variante.xlsx");
    await rewritten(original, file, edit);
    const expected = JSON.parse((await ctg("bilan", original, "--kind", "annual", "--year", "2026", "--json")).out);
    const checked = await ctg("check", file, "--json");
    expect(JSON.parse(checked.out)).toEqual({ ok: true, issues: [] });
    const update = await ctg("init", "--plan", newFichePlan(dir), "--out", file, "--update");
    expect(update.err).toBe("");
    expect(update.code).toBe(0);
    expect(JSON.parse((await ctg("check", file, "--json")).out)).toEqual({ ok: true, issues: [] });
    const bilan = JSON.parse((await ctg("bilan", file, "--kind", "annual", "--year", "2026", "--json")).out);
    expect(bilan.indicators).toEqual(expected.indicators);
    expect(bilan.completeness.valuesFilled).toBe(expected.completeness.valuesFilled);
  });

  it("honours a workbook counting its dates from 1904: the convention's dates stay the same days", async () => {
    const dir = workspace();
    const original = await demoFile(dir);
    const file = join(dir, "mac.xlsx");
    const conventionPart = await (await XlsxFile.open(original)).sheetPart(SHEETS.convention);
    // What Excel for Mac's 1904 option means: the same days, stored 1 462 fewer.
    await rewritten(original, file, (name, text) => {
      if (name === "xl/workbook.xml") return text.replace("<workbookPr/>", '<workbookPr date1904="1"/>');
      if (name === conventionPart)
        return text.replace(
          // B7 and B8: the convention's start and end (B6, its signatories, is a shared string's index).
          /(<c r="B[78]"[^>]*><v>)(\d+)(<\/v>)/g,
          (_whole, open: string, serial: string, close: string) => `${open}${Number(serial) - 1462}${close}`,
        );
      return text;
    });
    const expected = JSON.parse((await ctg("bilan", original, "--kind", "annual", "--year", "2026", "--json")).out);
    expect((await ctg("check", file)).code).toBe(0);
    const before = (await cellsOf(file, SHEETS.convention)).get("B7");
    expect(before).toBe((await cellsOf(original, SHEETS.convention)).get("B7"));
    expect((await ctg("init", "--plan", newFichePlan(dir), "--out", file, "--update")).code).toBe(0);
    expect((await ctg("check", file)).code).toBe(0);
    expect((await cellsOf(file, SHEETS.convention)).get("B7")).toBe(before);
    const after = await XlsxFile.open(file);
    expect(await after.text("xl/workbook.xml")).toContain('date1904="1"');
    // Stored as Excel for Mac stores it: 2026-01-01 is 44 561 days after 1904-01-01 (46 023 after 1899-12-30).
    expect((await after.cell(SHEETS.convention, "B7"))?.value).toBe("44561");
    expect(JSON.parse((await ctg("bilan", file, "--kind", "annual", "--year", "2026", "--json")).out).period).toEqual(expected.period);
  });
});

function spawnCtg(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  child.stderr.on("data", (chunk) => (err += chunk));
  return new Promise((done) => child.on("exit", (code) => done({ code, out, err })));
}

describe("nothing lost to timing or faults", () => {
  it("refuses, changing nothing, when someone saves the tableau while the update runs", async () => {
    const dir = workspace();
    const file = await demoFile(dir);
    const theirs = await XlsxFile.open(file);
    await theirs.setCell(SHEETS.tracking, "H2", "Saisi pendant la mise à jour");
    const theirBytes = await theirs.bytes();
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const update = initCommand(
      { plan: newFichePlan(dir), out: file, update: true },
      io,
      { now: () => new Date(NOW) },
      { beforeReplace: () => writeFileSync(file, theirBytes) },
    );
    await expect(update).rejects.toThrow(/«\s.*suivi\.xlsx\s» a été modifié pendant la mise à jour .* rien n'a été changé/);
    expect(readFileSync(file).equals(Buffer.from(theirBytes))).toBe(true);
    expect(backups(dir)).toEqual([]);
    expect(existsSync(`${file}.verrou`)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes(".tmp"))).toEqual([]);
  });

  it("lets one update at a time write a tableau: the other is refused in French or waits its turn, and each keeps its backup", async () => {
    const dir = workspace();
    const file = await demoFile(dir);
    const plan = newFichePlan(dir);
    const results = await Promise.all([
      spawnCtg(["init", "--plan", plan, "--out", file, "--update"]),
      spawnCtg(["init", "--plan", plan, "--out", file, "--update"]),
    ]);
    for (const result of results) expect([0, 2]).toContain(result.code);
    for (const result of results.filter((item) => item.code === 2)) expect(result.err).toMatch(/Une autre mise à jour écrit déjà «\s.*suivi\.xlsx\s»/);
    expect(results.some((result) => result.code === 0)).toBe(true);
    expect(backups(dir)).toHaveLength(results.filter((result) => result.code === 0).length);
    expect((await ctg("check", file)).code).toBe(0);
    expect(existsSync(`${file}.verrou`)).toBe(false);
  });

  /** A folder of its own on a small disk (tmpfs), when this machine lets the tests mount one. */
  function smallDisk(kilobytes: number, readOnly = false): string | undefined {
    const mount = mkdtempSync(join(tmpdir(), "ctg-disk-"));
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", `size=${kilobytes}k`, "tmpfs", mount], { stdio: "ignore" });
    } catch {
      return undefined;
    }
    afterAllUnmount.push(mount);
    if (readOnly) execFileSync("mount", ["-o", "remount,ro", mount]);
    return mount;
  }
  const afterAllUnmount: string[] = [];
  afterAll(() => {
    for (const mount of afterAllUnmount) execFileSync("umount", [mount], { stdio: "ignore" });
  });
  // Only where the tests may mount a small disk of their own (as root, CI included): tried once, then undone.
  const canMount = (() => {
    const probe = mkdtempSync(join(tmpdir(), "ctg-disk-probe-"));
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], { stdio: "ignore" });
      execFileSync("umount", [probe], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();
  const onSmallDisk = canMount ? it : it.skip;

  onSmallDisk("on a full disk, says so in French naming the file, and leaves neither a partial backup nor a partial tableau", async () => {
    const dir = workspace();
    const source = await demoFile(dir);
    const size = readFileSync(source).length;
    // Room for the tableau and its backup, not for the new tableau as well.
    const disk = smallDisk(Math.ceil((size * 2.3) / 1024) + 8)!;
    const file = join(disk, "suivi.xlsx");
    copyFileSync(source, file);
    const result = await ctg("init", "--plan", newFichePlan(dir), "--out", file, "--update");
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/«\s.*suivi\.(sauvegarde-.*\.)?xlsx\s»\s: le disque est plein/);
    expect(result.err).not.toMatch(/ENOSPC/);
    expect(readdirSync(disk).sort()).toEqual(["suivi.xlsx"]);
    expect(readFileSync(file).equals(readFileSync(source))).toBe(true);
  });

  onSmallDisk("in a read-only folder, says so in French naming the file, and writes nothing", async () => {
    const dir = workspace();
    const source = await demoFile(dir);
    const disk = smallDisk(1024)!;
    copyFileSync(source, join(disk, "suivi.xlsx"));
    execFileSync("mount", ["-o", "remount,ro", disk]);
    const file = join(disk, "suivi.xlsx");
    const result = await ctg("init", "--plan", newFichePlan(dir), "--out", file, "--update");
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/«\s.*suivi.*»\s: le support est en lecture seule/);
    expect(readdirSync(disk)).toEqual(["suivi.xlsx"]);
  });
});
