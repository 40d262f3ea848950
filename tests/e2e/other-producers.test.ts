/**
 * Any valid workbook is read, whatever tool saved it. The project's reader is tried on:
 * - the demo tableau saved again by LibreOffice Calc and by openpyxl (the files users send back): the tableau reads
 *   back identically, `ctg check` passes, `ctg init --update` keeps every entry;
 * - the same tableau with its package rewritten as other writers do (parts in reverse order, absolute targets,
 *   inline instead of shared strings, no styles, sheets listed in another order);
 * - public test files of other projects made by Excel (Windows, Mac, web), Google Sheets, LibreOffice, gnumeric
 *   and openpyxl (tests/corpus/SOURCES.md): every cell equals what openpyxl reads, where openpyxl can read it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import JSZip from "jszip";
import { demoTracking } from "../../src/samples/demo-entries";
import { samplePlan } from "../../src/samples/sample-plan";
import { readTableauFile, writeTrackingFile } from "../../src/xlsx/tableau-file";
import { requireTool, resaveAsXlsx } from "./support/libreoffice";
import { differences, openpyxlCells, ourCells } from "./support/readers";
import { ctgAt } from "../support/cli";

jest.setTimeout(180_000);

const CORPUS = resolve(__dirname, "../corpus");
const PYTHON = "/usr/bin/python3";
const TODAY = "2026-11-24";

const ctg = ctgAt(`${TODAY}T10:00:00Z`);

function openpyxlAvailable(): boolean {
  try {
    execFileSync(PYTHON, ["-c", "import openpyxl"], { stdio: "ignore" });
    return true;
  } catch {
    throw new Error(`openpyxl is needed: install the Debian package python3-openpyxl (${PYTHON}); .ci/run does it`);
  }
}

let dir: string;
let demo: string;
let expected: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ctg-producers-"));
  demo = join(dir, "suivi.xlsx");
  writeFileSync(demo, await writeTrackingFile(demoTracking(samplePlan()), "2026-11-01T09:00:00.000Z"));
  expected = JSON.stringify((await readTableauFile(new Uint8Array(readFileSync(demo)), demo, TODAY)).tracking);
});

async function sameTableau(file: string): Promise<void> {
  const reading = await readTableauFile(new Uint8Array(readFileSync(file)), file, TODAY);
  expect([basename(file), reading.issues]).toEqual([basename(file), []]);
  expect(JSON.stringify(reading.tracking)).toBe(expected);
}

describe("the demo tableau saved again by other tools", () => {
  it("reads back identically after LibreOffice Calc, and checks and updates", async () => {
    requireTool("soffice", "libreoffice-calc-nogui");
    const file = resaveAsXlsx(demo, join(dir, "libreoffice"));
    await sameTableau(file);
    expect((await ctg("check", file)).code).toBe(0);
    writeFileSync(join(dir, "plan.json"), JSON.stringify(samplePlan()));
    const update = await ctg("init", "--plan", join(dir, "plan.json"), "--out", file, "--update");
    expect(update.code).toBe(0);
    await sameTableau(file);
  });

  it("reads back identically after openpyxl (absolute relationship targets), and checks and updates", async () => {
    openpyxlAvailable();
    const file = join(dir, "openpyxl.xlsx");
    execFileSync(PYTHON, ["-c", "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])", demo, file]);
    const rels = await (await JSZip.loadAsync(readFileSync(file))).file("xl/_rels/workbook.xml.rels")!.async("string");
    expect(rels).toMatch(/Target="\/xl\/worksheets\//);
    await sameTableau(file);
    expect((await ctg("check", file)).code).toBe(0);
    writeFileSync(join(dir, "plan.json"), JSON.stringify(samplePlan()));
    expect((await ctg("init", "--plan", join(dir, "plan.json"), "--out", file, "--update")).code).toBe(0);
    await sameTableau(file);
  });

  it("reads back identically whatever the order of the parts, the targets, the strings, the styles and the sheets", async () => {
    const original = await JSZip.loadAsync(readFileSync(demo));
    const names = Object.keys(original.files).filter((name) => !original.files[name].dir);
    const texts = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await original.file(name)!.async("string")] as const)));
    const shared = [...texts["xl/sharedStrings.xml"].matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) => match[1]);
    const variants: Record<string, (files: Record<string, string>) => Record<string, string>> = {
      "parties-inversees": (files) => Object.fromEntries(Object.entries(files).reverse()),
      "cibles-absolues": (files) =>
        Object.fromEntries(
          Object.entries(files).map(([name, text]) => [
            name,
            name.endsWith(".rels") && name.startsWith("xl/") ? text.replace(/Target="(?!\/)([^"]+)"/g, 'Target="/xl/$1"') : text,
          ]),
        ),
      "textes-en-ligne": (files) =>
        Object.fromEntries(
          Object.entries(files)
            .filter(([name]) => name !== "xl/sharedStrings.xml")
            .map(([name, text]) => [
              name,
              name.startsWith("xl/worksheets/sheet")
                ? text.replace(
                    /<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
                    (_all, before: string, after: string, index: string) => `<c ${before}t="inlineStr"${after}><is>${shared[Number(index)]}</is></c>`,
                  )
                : name === "xl/_rels/workbook.xml.rels"
                  ? text.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, "")
                  : text,
            ]),
        ),
      "sans-styles": (files) =>
        Object.fromEntries(
          Object.entries(files)
            .filter(([name]) => name !== "xl/styles.xml")
            .map(([name, text]) => [
              name,
              name === "xl/_rels/workbook.xml.rels"
                ? text.replace(/<Relationship [^>]*styles[^>]*\/>/, "")
                : name === "[Content_Types].xml"
                  ? text.replace(/<Override [^>]*styles[^>]*\/>/, "")
                  : text,
            ]),
        ),
      "feuilles-dans-un-autre-ordre": (files) => ({
        ...files,
        "xl/workbook.xml": files["xl/workbook.xml"].replace(
          /<sheets>([\s\S]*?)<\/sheets>/,
          (_all, sheets: string) =>
            `<sheets>${sheets
              .match(/<sheet [^>]*\/>/g)!
              .reverse()
              .join("")}</sheets>`,
        ),
      }),
    };
    for (const [label, rewrite] of Object.entries(variants)) {
      const zip = new JSZip();
      for (const [name, text] of Object.entries(rewrite(texts))) zip.file(name, text);
      const file = join(dir, `${label}.xlsx`);
      writeFileSync(file, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
      await sameTableau(file);
    }
  });
});

async function withSlashes(path: string): Promise<string> {
  const original = await JSZip.loadAsync(readFileSync(path));
  const copy = new JSZip();
  for (const [name, entry] of Object.entries(original.files)) if (!entry.dir) copy.file(name.replace(/\\/g, "/"), await entry.async("uint8array"));
  const out = join(dir, `slashes-${basename(path)}`);
  writeFileSync(out, await copy.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  return out;
}

describe("workbooks of other projects' test suites", () => {
  const files = readdirSync(CORPUS).filter((name) => name.endsWith(".xlsx"));
  const refused = new Map([
    ["calamine-issue252.xlsx", /plus volumineux que la taille qu'il déclare/],
    ["calamine-pass_protected.xlsx", /protégé par un mot de passe/],
    // A package with a sheet and no workbook part: not a workbook.
    ["exceljs-missing-bits.xlsx", /partie «\sworkbook\.xml\s» absente/],
  ]);

  it("has files of Excel (Windows, Mac, web), Google Sheets, LibreOffice, gnumeric and openpyxl", () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    const sources = readFileSync(join(CORPUS, "SOURCES.md"), "utf8");
    for (const file of files) expect(sources).toContain(file.startsWith("calamine-") ? `\`${file.slice("calamine-".length, -5)}\`` : `\`${file}\``);
  });

  it("reads every one, cell for cell as openpyxl does where openpyxl can, and refuses the broken ones in French", async () => {
    openpyxlAvailable();
    const compared: string[] = [];
    for (const file of files) {
      const path = join(CORPUS, file);
      const refusal = refused.get(file);
      if (refusal) {
        await expect(ourCells(path)).rejects.toThrow(refusal);
        continue;
      }
      const ours = await ourCells(path);
      expect([file, Object.keys(ours).length > 0]).toEqual([file, true]);
      // openpyxl never ends on some files (gnumeric's) and reads Strict OOXML as empty: LibreOffice, which reads
      // them, saves them again for openpyxl, a second independent reader between ours and the file.
      let theirs = openpyxlCells(path);
      if (!theirs || Object.values(theirs).every((cells) => cells.length === 0)) theirs = openpyxlCells(resaveAsXlsx(path, join(dir, "corpus-libreoffice")));
      // Part names written with backslashes (read by Excel, not by openpyxl nor LibreOffice): openpyxl reads a copy
      // whose names are written with slashes, the change our reader makes.
      if (!theirs) theirs = openpyxlCells(await withSlashes(path));
      if (!theirs) throw new Error(`${file}: neither openpyxl nor LibreOffice then openpyxl could read it`);
      expect([file, differences(ours, theirs)]).toEqual([file, []]);
      compared.push(file);
    }
    expect(compared.length).toBe(files.length - refused.size);
    expect(compared).toEqual(expect.arrayContaining(["exceljs-google-sheets.xlsx", "exceljs-1904.xlsx", "calamine-issue_553.xlsx", "calamine-rph.xlsx"]));
  });
});
