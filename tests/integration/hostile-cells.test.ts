/**
 * The reader reads bytes as the formats say, bounds every size before it allocates, and scans linearly: the demo
 * tableau with its XML edited as no office tool writes it (a row two billion down, a sheet in ISO-8859-1 or UTF-16,
 * a character XML forbids, an error cell, an .ods) goes through `ctg check`, which either reports the problem at its
 * cell or refuses the file in French naming the reason, exit code 2.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoTracking } from "../../src/samples/demo-entries";
import { samplePlan } from "../../src/samples/sample-plan";
import { MEASUREMENT_COLUMNS, SHEETS } from "../../src/workbook/layout";
import { readTableauFile, writeTrackingFile } from "../../src/xlsx/tableau-file";
import { receiveTableau } from "../../src/xlsx/tableau-intake";
import { ctgAt } from "../support/cli";
import { type Parts, editText, latin1, partsOf, sheetPart, utf16, zipped } from "../support/xlsx-parts";
import { XlsxFile, cellsOf } from "../support/xlsx-package";
import { zipOf } from "../support/zips";

jest.setTimeout(120_000);

const TODAY = "2026-11-24";
const ctg = ctgAt(`${TODAY}T10:00:00Z`);

interface Issue {
  sheet: string;
  cell: string;
  severity: string;
  message: string;
}

let dir: string;
let demo: Uint8Array;
/** The column letters of « Saisies »: values and comments. */
let value: string;
let comment: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ctg-hostile-"));
  demo = await writeTrackingFile(demoTracking(samplePlan()), "2026-11-01T09:00:00.000Z");
  const file = await XlsxFile.open(demo);
  value = await file.columnOf(SHEETS.measurements, MEASUREMENT_COLUMNS.value);
  comment = await file.columnOf(SHEETS.measurements, MEASUREMENT_COLUMNS.comment);
});

let written = 0;

/** `ctg check --json` on the given parts; the issues when the file was read. */
async function check(parts: Parts | Uint8Array, extension = "xlsx"): Promise<{ code: number; err: string; ok?: boolean; issues: Issue[]; file: string }> {
  const file = join(dir, `cas-${++written}.${extension}`);
  writeFileSync(file, parts instanceof Uint8Array ? parts : zipped(parts));
  const result = await ctg("check", file, "--json");
  const out = result.out ? (JSON.parse(result.out) as { ok: boolean; issues: Issue[] }) : { issues: [] };
  return { code: result.code, err: result.err, file, ...out };
}

/** The cell `address` of a sheet's XML replaced by `xml`. */
function withCell(text: string, address: string, xml: string): string {
  const pattern = new RegExp(`<c r="${address}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
  if (!pattern.test(text)) throw new Error(`no cell ${address}`);
  return text.replace(pattern, xml);
}

async function demoParts(): Promise<Parts> {
  return partsOf(demo);
}

function errorsAt(issues: Issue[], sheet: string, cell: string): string[] {
  return issues.filter((issue) => issue.sheet === sheet && issue.cell === cell && issue.severity === "error").map((issue) => issue.message);
}

/** Letters and spaces that zlib does not squeeze past the archive guard's ratio. */
function prose(length: number): string {
  let text = "";
  let seed = 7;
  const letters = "abcdefghijklmnopqrstuvwxyz      ";
  while (text.length < length) {
    let piece = "";
    for (let i = 0; i < 4096; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      piece += letters[(seed >>> 16) % letters.length];
    }
    text += piece;
  }
  return text.slice(0, length);
}

describe("hostile cells and parts, through ctg check", () => {
  it("reads a cell of megabytes of text in one pass, and refuses a tag made to be scanned forever", async () => {
    const long = await demoParts();
    const saisies = sheetPart(long, SHEETS.measurements);
    const text = prose(6 * 1024 * 1024);
    editText(long, saisies, (xml) => withCell(xml, `${comment}2`, `<c r="${comment}2" t="inlineStr"><is><t>${text}</t></is></c>`));
    const read = await check(long);
    // Read, and told at its cell (the text is far longer than a cell holds), not refused nor left out.
    expect(read.code).toBe(1);
    expect(read.issues.some((issue) => issue.sheet === SHEETS.measurements && issue.cell === `${comment}2`)).toBe(true);

    const tag = await demoParts();
    editText(tag, saisies, (xml) => withCell(xml, `${comment}2`, `<c r="${comment}2" x="${prose(2 * 1024 * 1024)}"/>`));
    const refused = await check(tag);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/ne peut pas être lu comme un tableau de suivi/);
    expect(refused.err).toMatch(/balise XML de plus de 1\s048\s576 caractères/);
  });

  it("refuses rows and cells past Excel's grid, written or implied, naming the sheet and the cell as written", async () => {
    const cases: [string, (xml: string) => string, RegExp][] = [
      [
        "row 2 000 000 000",
        (xml) => xml.replace("</sheetData>", '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row></sheetData>'),
        /la feuille «\sSaisies\s» a une ligne «\s2000000000\s» au-delà de la dernière ligne d'Excel \(1 048 576\)/,
      ],
      [
        "a row of twenty digits",
        (xml) => xml.replace("</sheetData>", '<row r="99999999999999999999"/></sheetData>'),
        /ligne «\s99999999999999999999\s» au-delà de la dernière ligne/,
      ],
      ["a column past XFD", (xml) => withCell(xml, "I2", '<c r="XFE2"><v>1</v></c>'), /une cellule «\sXFE2\s» au-delà de la grille d'Excel/],
      ["a cell row past the grid", (xml) => withCell(xml, "I2", '<c r="I20000000"><v>1</v></c>'), /une cellule «\sI20000000\s» au-delà de la grille/],
      [
        "16 385 cells without an address",
        (xml) => xml.replace("</sheetData>", `<row r="2000">${"<c><v>1</v></c>".repeat(16_385)}</row></sheetData>`),
        /une cellule «\sXFE2000\s» au-delà de la grille/,
      ],
      ["a row after the last, without a number", (xml) => xml.replace("</sheetData>", '<row r="1048576"/><row/></sheetData>'), /ligne «\s1048577\s» au-delà/],
      ["a row numbered otherwise", (xml) => xml.replace("</sheetData>", '<row r="1e3"/></sheetData>'), /ligne numérotée «\s1e3\s»/],
      [
        "a value at column XFD on each of 2 000 rows",
        (xml) =>
          xml.replace(
            "</sheetData>",
            `${Array.from({ length: 2000 }, (_, i) => `<row r="${3000 + i}"><c r="XFD${3000 + i}"><v>${i}</v></c></row>`).join("")}</sheetData>`,
          ),
        /cellules trop éloignées les unes des autres \(plus de 16\s000\s000 emplacements de grille à réserver\)/,
      ],
      [
        "100 001 error cells",
        (xml) =>
          xml.replace(
            "</sheetData>",
            `${Array.from({ length: 100_001 }, (_, i) => `<row r="${3000 + i}"><c r="J${3000 + i}" t="e"><v>#N/A</v></c></row>`).join("")}</sheetData>`,
          ),
        /la feuille «\sSaisies\s» a plus de 100\s000 cellules fusionnées, en erreur ou illisibles/,
      ],
      ["a cell named otherwise", (xml) => withCell(xml, "I2", '<c r="2I"><v>1</v></c>'), /cellule nommée «\s2I\s»/],
    ];
    for (const [label, edit, message] of cases) {
      const parts = await demoParts();
      editText(parts, sheetPart(parts, SHEETS.measurements), edit);
      const result = await check(parts);
      expect([label, result.code]).toEqual([label, 2]);
      expect(result.err).toMatch(message);
      expect(result.err).toContain(result.file);
    }
  });

  it("reads every part in the encoding it declares or its byte order mark says, and refuses others by name", async () => {
    const base = await XlsxFile.open(demo);
    await base.setCell(SHEETS.measurements, `${comment}2`, "Très bien, l’équipe est là");
    const typed = await partsOf(await base.bytes());
    const saisies = sheetPart(typed, SHEETS.measurements);
    const expected = (await readTableauFile(zipped(typed), "t.xlsx", TODAY)).tracking!.measurements;
    expect(expected.some((entry) => entry.comment === "Très bien, l’équipe est là")).toBe(true);
    const every = [saisies, "xl/workbook.xml", "xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];
    const encodings: [string, (text: string) => Buffer][] = [
      ["ISO-8859-1", latin1],
      [
        "windows-1252, ’ as its byte 0x92",
        (text) =>
          Buffer.from(
            latin1(text)
              .toString("latin1")
              .replace('encoding="ISO-8859-1"', 'encoding="windows-1252"')
              .replace(/&#x2019;/g, "\u0092"),
            "latin1",
          ),
      ],
      ["UTF-16 with its byte order mark", (text) => utf16(text, "le")],
      ["UTF-16 big-endian, declared, without a mark", (text) => utf16(text, "be")],
    ];
    for (const [label, encode] of encodings) {
      const parts = { ...typed };
      for (const part of every) parts[part] = encode(parts[part].toString("utf8"));
      const result = await check(parts);
      expect([label, result.code, result.issues]).toEqual([label, 0, []]);
      const reading = await readTableauFile(zipped(parts), "t.xlsx", TODAY);
      expect([label, reading.tracking?.measurements]).toEqual([label, expected]);
    }
    // An update of a Latin-1 tableau keeps its texts: what it writes back is UTF-8, declared so.
    const parts = { ...typed };
    for (const part of every) parts[part] = latin1(parts[part].toString("utf8"));
    const file = join(dir, "latin1.xlsx");
    writeFileSync(file, zipped(parts));
    writeFileSync(join(dir, "plan.json"), JSON.stringify(samplePlan()));
    expect((await ctg("init", "--plan", join(dir, "plan.json"), "--out", file, "--update")).code).toBe(0);
    expect((await readTableauFile(new Uint8Array(readFileSync(file)), file, TODAY)).tracking?.measurements).toEqual(expected);
    // The windows-1252 byte is the encoding's own, not a Latin-1 control character.
    expect(latin1("’").toString("latin1")).toBe("&#x2019;");

    const unknown = { ...typed };
    editText(unknown, saisies, (xml) => xml.replace('encoding="UTF-8"', 'encoding="Shift_JIS"'));
    const refused = await check(unknown);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(new RegExp(`élément «\\s${saisies}\\s» écrit dans l'encodage «\\sShift_JIS\\s», non pris en charge`));

    // Latin-1 bytes in a part that declares none: not UTF-8, refused rather than read as « Tr\ufffds ».
    const undeclared = { ...typed };
    undeclared[saisies] = Buffer.from(typed[saisies].toString("utf8").replace(/’/g, "'"), "latin1");
    const mangled = await check(undeclared);
    expect(mangled.code).toBe(2);
    expect(mangled.err).toMatch(/octets qui ne sont pas du texte UTF-8/);
  });

  it("reports a character XML forbids at its cell, raw or as a reference, and refuses one outside any cell", async () => {
    const parts = await demoParts();
    const saisies = sheetPart(parts, SHEETS.measurements);
    const strings = parts["xl/sharedStrings.xml"].toString("utf8");
    const added = (strings.match(/<si>/g) ?? []).length;
    editText(parts, "xl/sharedStrings.xml", (xml) => xml.replace("</sst>", "<si><t>z&#xFFFF;</t></si></sst>"));
    const inline = (text: string) => `t="inlineStr"><is><t>${text}</t></is></c>`;
    editText(parts, saisies, (xml) =>
      [
        [2, inline("a&#1;b")],
        [3, inline("x\u0000y")],
        [4, `t="s"><v>${added}</v></c>`],
        [5, inline("&#xD800;")],
        [6, inline("&#x1F600; &#9; ok")],
      ].reduce((text, [row, rest]) => withCell(text, `${comment}${row}`, `<c r="${comment}${row}" ${rest}`), xml),
    );
    const result = await check(parts);
    expect(result.code).toBe(1);
    const forbidden = (code: string) => [`caractère interdit en XML (U+${code}) dans la cellule\u00a0: retapez le texte`];
    expect(errorsAt(result.issues, SHEETS.measurements, `${comment}2`)).toEqual(forbidden("0001"));
    expect(errorsAt(result.issues, SHEETS.measurements, `${comment}3`)).toEqual(forbidden("0000"));
    expect(errorsAt(result.issues, SHEETS.measurements, `${comment}4`)).toEqual(forbidden("FFFF"));
    expect(errorsAt(result.issues, SHEETS.measurements, `${comment}5`)).toEqual(forbidden("D800"));
    // An emoji is a surrogate pair, and a tab is allowed.
    expect(errorsAt(result.issues, SHEETS.measurements, `${comment}6`)).toEqual([]);

    const outside = await demoParts();
    editText(outside, "xl/workbook.xml", (xml) =>
      xml.replace('name="Mode d&apos;emploi"', 'name="Mode d&#1;emploi"').replace(`name="Mode d'emploi"`, 'name="Mode d&#1;emploi"'),
    );
    const refused = await check(outside);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/élément «\sxl\/workbook\.xml\s» illisible \(caractère interdit en XML \(U\+0001\)\)/);
  });

  it("reads an attribute only as an attribute, never inside another attribute's value", async () => {
    const parts = await demoParts();
    const saisies = sheetPart(parts, SHEETS.measurements);
    editText(parts, saisies, (xml) => withCell(xml, `${comment}2`, `<c x=' r="Z2" t="n"' r="${comment}2" t="inlineStr"><is><t>Lu à sa place</t></is></c>`));
    const result = await check(parts);
    expect([result.code, result.issues]).toEqual([0, []]);
    const reading = await readTableauFile(zipped(parts), "t.xlsx", TODAY);
    expect(reading.tracking?.measurements.filter((entry) => entry.comment === "Lu à sa place")).toHaveLength(1);
  });

  it("reports error cells, numbers that are not decimals, impossible ISO dates and missing shared strings at their cell", async () => {
    const original = await readTableauFile(demo, "t.xlsx", TODAY);
    const cells = await cellsOf(demo, SHEETS.measurements);
    const parts = await demoParts();
    const saisies = sheetPart(parts, SHEETS.measurements);
    editText(parts, saisies, (xml) =>
      [
        [2, `t="e"><f>1/0</f><v>#DIV/0!</v></c>`],
        [3, `><v>0x1A</v></c>`],
        [4, `><v>Infinity</v></c>`],
        [5, `><v></v></c>`],
        [6, `t="s"><v>99999</v></c>`],
        [7, `t="s"><v>1.5</v></c>`],
        [8, `t="b"><v>2</v></c>`],
      ].reduce((text, [row, rest]) => withCell(text, `${value}${row}`, `<c r="${value}${row}" ${rest}`), xml),
    );
    editText(parts, sheetPart(parts, SHEETS.convention), (xml) => withCell(xml, "B8", '<c r="B8" s="8" t="d"><v>2026-02-30</v></c>'));
    const result = await check(parts);
    expect(result.code).toBe(1);
    const at = (row: number) => errorsAt(result.issues, SHEETS.measurements, `${value}${row}`);
    expect(at(2)).toEqual(["la formule de la cellule donne une erreur (#DIV/0!)\u00a0: corrigez la formule ou remplacez-la par la valeur elle-même"]);
    expect(at(3)).toEqual([expect.stringMatching(/enregistrée comme le nombre «\s0x1A\s», qui n'est pas un nombre décimal/)]);
    expect(at(4)).toEqual([expect.stringMatching(/enregistrée comme le nombre «\sInfinity\s», qui n'est pas un nombre décimal/)]);
    expect(at(5)).toEqual([expect.stringMatching(/enregistrée comme un nombre sans valeur/)]);
    expect(at(6)).toEqual([expect.stringMatching(/renvoie au texte partagé n° 99999, absent du classeur/)]);
    expect(at(7)).toEqual([expect.stringMatching(/renvoie au texte partagé n° 1\.5, absent du classeur/)]);
    expect(at(8)).toEqual([expect.stringMatching(/valeur logique «\s2\s», ni VRAI ni FAUX/)]);
    expect(errorsAt(result.issues, SHEETS.convention, "B8")).toContainEqual(
      expect.stringMatching(/enregistrée comme la date «\s2026-02-30\s», qui n'existe pas/),
    );

    // The error cell's value is not an entry: neither counted nor printed as the text « #DIV/0! ».
    const reading = await readTableauFile(zipped(parts), "t.xlsx", TODAY);
    const id = cells.get("B2");
    const quarter = cells.get("F2");
    expect(original.tracking!.measurements.some((entry) => entry.indicatorId === id && entry.quarter === quarter)).toBe(true);
    expect(reading.tracking?.measurements.some((entry) => entry.indicatorId === id && entry.quarter === quarter) ?? false).toBe(false);
    expect(JSON.stringify(reading.tracking ?? {})).not.toContain("#DIV/0!");
  });

  it("reads an ISO date cell as the same day in a workbook counting its dates from 1904", async () => {
    const parts = await demoParts();
    const start = samplePlan().convention.start;
    editText(parts, "xl/workbook.xml", (xml) => xml.replace("<workbookPr/>", '<workbookPr date1904="1"/>'));
    editText(parts, sheetPart(parts, SHEETS.convention), (xml) =>
      withCell(xml, "B7", `<c r="B7" s="8" t="d"><v>${start}T00:00:00</v></c>`).replace(
        /(<c r="B8"[^>]*><v>)(\d+)(<\/v>)/,
        (_whole, open: string, serial: string, close: string) => `${open}${Number(serial) - 1462}${close}`,
      ),
    );
    const result = await check(parts);
    expect([result.code, result.issues]).toEqual([0, []]);
    const reading = await readTableauFile(zipped(parts), "t.xlsx", TODAY);
    expect(reading.tracking?.plan.convention.start).toBe(start);
    expect(reading.tracking?.plan.convention.end).toBe(samplePlan().convention.end);
  });

  it("warns, sheet by sheet, when an entry sheet lost its data validation or its protection, and says how to put them back", async () => {
    expect(await check(await demoParts())).toMatchObject({ code: 0, issues: [] });
    const parts = await demoParts();
    const noValidation = (xml: string) => xml.replace(/<dataValidations[\s\S]*?<\/dataValidations>/, "");
    const noProtection = (xml: string) => xml.replace(/<sheetProtection[^>]*\/>/, "");
    editText(parts, sheetPart(parts, SHEETS.measurements), (xml) => noProtection(noValidation(xml)));
    editText(parts, sheetPart(parts, SHEETS.tracking), noProtection);
    editText(parts, sheetPart(parts, SHEETS.ficheEvaluation), noValidation);
    // Unprotected as Excel leaves it when a password-less protection is removed by hand.
    editText(parts, sheetPart(parts, SHEETS.axisEvaluation), (xml) => xml.replace(/<sheetProtection sheet="1"/, '<sheetProtection sheet="0"'));
    // Not an entry sheet: nothing to say.
    editText(parts, sheetPart(parts, SHEETS.plan), noProtection);
    const result = await check(parts);
    expect(result.code).toBe(0);
    expect(result.issues.map(({ sheet, cell, severity }) => [sheet, cell, severity])).toEqual([
      [SHEETS.tracking, "A1", "warning"],
      [SHEETS.measurements, "A1", "warning"],
      [SHEETS.ficheEvaluation, "A1", "warning"],
      [SHEETS.axisEvaluation, "A1", "warning"],
    ]);
    const [tracking, measurements, fiches] = result.issues.map((issue) => issue.message);
    expect(measurements).toMatch(/^la feuille «\sSaisies\s» a perdu ses listes et contrôles de saisie \(validation des données\) et sa protection/);
    expect(tracking).toMatch(/^la feuille «\sSuivi des fiches\s» a perdu sa protection,/);
    expect(fiches).toMatch(/^la feuille «\sÉvaluation des fiches\s» a perdu ses listes et contrôles de saisie \(validation des données\),/);
    for (const issue of result.issues) expect(issue.message).toMatch(/relancez «\sctg init --update\s» ou la mise en place dans le volet du complément/);
    // What the warning says to do puts them back.
    writeFileSync(join(dir, "plan.json"), JSON.stringify(samplePlan()));
    expect((await ctg("init", "--plan", join(dir, "plan.json"), "--out", result.file, "--update")).code).toBe(0);
    expect(JSON.parse((await ctg("check", result.file, "--json")).out)).toEqual({ ok: true, issues: [] });
  });

  it("refuses an OpenDocument spreadsheet, saying to save it as .xlsx", async () => {
    const manifest = '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>';
    const content = '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>';
    const ods = zipOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": content, "META-INF/manifest.xml": manifest });
    const withoutMimetype = zipOf({ "content.xml": content, "META-INF/manifest.xml": manifest });
    for (const bytes of [ods, withoutMimetype]) {
      const result = await check(bytes, "ods");
      expect(result.code).toBe(2);
      expect(result.err).toMatch(
        /c'est un classeur OpenDocument \(\.ods.*\), pas un classeur Excel\s: enregistrez-le au format \.xlsx \(Fichier › Enregistrer sous\)/,
      );
    }
    const received = await receiveTableau(ods, "territoire.ods", { today: TODAY });
    expect(received.status).toBe("rejected");
    expect(received.reasons).toEqual([expect.stringMatching(/classeur OpenDocument/)]);
    expect(readFileSync(join(dir, `cas-${written}.ods`)).length).toBeGreaterThan(0);
  });
});
