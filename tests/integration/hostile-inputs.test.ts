/**
 * Inputs of `ctg import` and `ctg init` made to hurt: a UTF-8 répertoire with a Windows-1252 line, a text too large
 * or with a line too long, a plan file too large, a plan whose convention ends in 9999, a Word document whose
 * paragraphs hide under another prefix, and damaged Word documents. Each is refused (or read) in French, with its
 * exit code, before it costs memory; nothing is written.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { decodeWindows1252 } from "../../src/import/text-encoding";
import { CONVENTION_ROWS } from "../../src/workbook/layout";
import { ctgAt } from "../support/cli";
import { SMALL_PLAN_JSON } from "../support/small-plan";
import { editFile } from "../support/xlsx-package";

const ctg = ctgAt("2026-11-24T10:00:00Z");
const SEED = join(__dirname, "../../../shared/seeds/003_7db3a68b281f32e6.txt");
const seedLines = () => readFileSync(SEED, "utf8").split("\n");
const WORDPROCESSING = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function workspace(): string {
  return mkdtempSync(join(tmpdir(), "ctg-hostile-"));
}

/** Library internals that must never reach a user: English error words, stack frames, parser names. */
const INTERNALS = /\b(Error|Unexpected|undefined|expected|Could not|at .*\.js|xmldom|mammoth|sax)\b/;

/** A .docx made of the given parts, around a main document; `rels` names the main document for the package. */
async function wordFile(parts: Record<string, string>, main = "word/document.xml"): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`,
  );
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** A main document whose WordprocessingML elements carry `prefix` (none: the default namespace). */
function documentXml(paragraphs: readonly string[], prefix: string): string {
  const q = (name: string) => (prefix ? `${prefix}:${name}` : name);
  const declaration = prefix ? `xmlns:${prefix}="${WORDPROCESSING}"` : `xmlns="${WORDPROCESSING}"`;
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const body = paragraphs.map((text) => `<${q("p")}><${q("r")}><${q("t")} xml:space="preserve">${escape(text)}</${q("t")}></${q("r")}></${q("p")}>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><${q("document")} ${declaration}><${q("body")}>${body}</${q("body")}></${q("document")}>`;
}

/** Numbered paragraphs: they compress about as a real document does, below the guard's ratio. */
const numbered = (count: number) => Array.from({ length: count }, (_, index) => String((index * 2654435761) % 1e9));

describe("ctg import of a UTF-8 répertoire with one Windows-1252 line", () => {
  it("reads each line in its own encoding, loses no fiche and names the line", async () => {
    const dir = workspace();
    const lines = seedLines();
    expect(lines[89]).toBe("RÉSULTATS ATTENDUS / OBJECTIFS : ");
    const mixed = Buffer.concat(lines.map((line, index) => Buffer.from(index === lines.length - 1 ? line : `${line}\n`, index === 89 ? "latin1" : "utf8")));
    writeFileSync(join(dir, "melange.txt"), mixed);
    const clean = await ctg("import", SEED, "--out", join(dir, "propre.json"));
    const result = await ctg("import", join(dir, "melange.txt"), "--out", join(dir, "plan.json"), "--report", join(dir, "rapport.json"));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/15 fiches actions, 66 indicateurs/);
    // Every accent as in the UTF-8 original: the plan is the same, Windows-1252 line included.
    expect(readFileSync(join(dir, "plan.json"), "utf8")).toBe(readFileSync(join(dir, "propre.json"), "utf8"));
    expect(clean.out).not.toMatch(/encodage/);
    expect(result.out).toMatch(/encodage\s: la ligne 90 n'est pas en UTF-8 comme le reste du texte\s: elle a été lue en Windows-1252 \(Latin-1\)/);
    const report = JSON.parse(readFileSync(join(dir, "rapport.json"), "utf8")) as { warnings: { code: string; section: string; message: string }[] };
    expect(report.warnings[0]).toEqual({ code: "", section: "encodage", message: expect.stringMatching(/^la ligne 90 n'est pas en UTF-8/) });
  });

  it("still reads a répertoire entirely in Windows-1252, or in UTF-16 with its mark, as its UTF-8 twin and without a warning", async () => {
    const dir = workspace();
    // The seed's few characters Windows-1252 lacks become a bullet or a space it has (’ œ – … • it has).
    const text = readFileSync(SEED, "utf8")
      .replace(/[˃−▪]/g, "•")
      .replace(/\u202f/g, " ");
    const byte = new Map(Array.from({ length: 256 }, (_, code) => [decodeWindows1252(Uint8Array.of(code)), code]));
    const windows = Buffer.from(Array.from(text, (char) => byte.get(char) ?? Number.NaN));
    expect(windows.includes(0)).toBe(false);
    writeFileSync(join(dir, "utf8.txt"), text);
    await ctg("import", join(dir, "utf8.txt"), "--out", join(dir, "utf8.json"));
    for (const [name, bytes] of [
      ["windows-1252.txt", windows],
      ["utf16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])],
    ] as const) {
      writeFileSync(join(dir, name), bytes);
      const result = await ctg("import", join(dir, name), "--out", join(dir, `${name}.json`));
      expect([name, result.code]).toEqual([name, 0]);
      expect(result.out).toMatch(/15 fiches actions, 66 indicateurs/);
      expect(result.out).not.toMatch(/encodage/);
      expect(readFileSync(join(dir, `${name}.json`), "utf8")).toBe(readFileSync(join(dir, "utf8.json"), "utf8"));
    }
  });
});

describe("ctg import bounds a text répertoire", () => {
  it("refuses a line of 20,000 characters, naming it, and writes nothing", async () => {
    const dir = workspace();
    const lines = seedLines();
    lines.splice(9, 0, "x".repeat(20_000));
    writeFileSync(join(dir, "ligne.txt"), lines.join("\n"));
    const result = await ctg("import", join(dir, "ligne.txt"), "--out", join(dir, "plan.json"));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^«\s.*ligne\.txt\s» ne peut pas être importé\s: la ligne 10 compte 20\s000 caractères pour une limite de 10\s000/);
    expect(existsSync(join(dir, "plan.json"))).toBe(false);
  });

  it("refuses a text file of 6 MB from its size", async () => {
    const dir = workspace();
    const seed = readFileSync(SEED);
    writeFileSync(
      join(dir, "gros.txt"),
      Buffer.concat(Array.from({ length: Math.ceil((6 * 1024 * 1024) / seed.length) }, () => seed)).subarray(0, 6 * 1024 * 1024),
    );
    const result = await ctg("import", join(dir, "gros.txt"), "--out", join(dir, "plan.json"));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/ne peut pas être importé\s: le fichier pèse 6 Mo pour une limite de 5 Mo/);
    expect(existsSync(join(dir, "plan.json"))).toBe(false);
  });

  it("refuses a Word document larger than the archive guard's limit from its size", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "gros.docx"), Buffer.concat([Buffer.from("PK"), Buffer.alloc(21 * 1024 * 1024)]));
    const result = await ctg("import", join(dir, "gros.docx"), "--out", join(dir, "plan.json"));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/«\s.*gros\.docx\s» ne peut pas être lu comme un document Word\s: fichier trop volumineux \(21 Mo, limite 20 Mo\)/);
  });
});

describe("ctg init bounds its plan", () => {
  it("refuses a plan file of 6 MB before reading it", async () => {
    const dir = workspace();
    const json = JSON.stringify(SMALL_PLAN_JSON);
    writeFileSync(join(dir, "plan.json"), json + " ".repeat(6 * 1024 * 1024 - json.length));
    const result = await ctg("init", "--plan", join(dir, "plan.json"), "--out", join(dir, "suivi.xlsx"));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^Le plan «\s.*plan\.json\s» n'est pas lu\s: le fichier pèse 6 Mo pour une limite de 5 Mo/);
    expect(existsSync(join(dir, "suivi.xlsx"))).toBe(false);
  });

  it("refuses a convention ending in 9999, starting in 1999 or lasting 11 years, naming the field", async () => {
    const dir = workspace();
    const cases: [string, string, RegExp][] = [
      ["2026-01-01", "9999-12-31", /convention\.end\s: la date de fin \(31\/12\/9999\) doit tomber entre le 01\/01\/2000 et le 31\/12\/2100/],
      ["1999-01-01", "2003-12-31", /convention\.start\s: la date de début \(01\/01\/1999\) doit tomber entre le 01\/01\/2000 et le 31\/12\/2100/],
      ["2026-01-01", "2036-12-31", /convention\.end\s: la date de fin \(31\/12\/2036\) donne une convention de plus de 10 ans depuis le 01\/01\/2026/],
    ];
    for (const [start, end, message] of cases) {
      const file = join(dir, `plan-${end}.json`);
      writeFileSync(file, JSON.stringify({ ...SMALL_PLAN_JSON, convention: { ...SMALL_PLAN_JSON.convention, start, end } }));
      const result = await ctg("init", "--plan", file, "--out", join(dir, `${end}.xlsx`));
      expect([end, result.code]).toEqual([end, 1]);
      expect(result.err).toMatch(message);
      expect(existsSync(join(dir, `${end}.xlsx`))).toBe(false);
    }
    // Ten years exactly is a long convention, not a typo.
    writeFileSync(join(dir, "dix-ans.json"), JSON.stringify({ ...SMALL_PLAN_JSON, convention: { ...SMALL_PLAN_JSON.convention, end: "2035-12-31" } }));
    expect((await ctg("init", "--plan", join(dir, "dix-ans.json"), "--out", join(dir, "dix-ans.xlsx"))).code).toBe(0);
  });

  it("refuses a tableau whose convention was edited to end in 9999, at the date's cell", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "plan.json"), JSON.stringify(SMALL_PLAN_JSON));
    const file = join(dir, "suivi.xlsx");
    expect((await ctg("init", "--plan", join(dir, "plan.json"), "--out", file)).code).toBe(0);
    await editFile(file, (workbook) => workbook.setKeyed("Convention", CONVENTION_ROWS.end, "31/12/9999"));
    const check = await ctg("check", file, "--json");
    expect(check.code).toBe(1);
    const issues = (JSON.parse(check.out) as { issues: { sheet: string; cell: string; message: string }[] }).issues;
    expect(issues).toContainEqual(
      expect.objectContaining({ sheet: "Convention", cell: "B8", message: "la date de fin (31/12/9999) doit tomber entre le 01/01/2000 et le 31/12/2100" }),
    );
  });
});

describe("ctg import of a Word document under another prefix", () => {
  it("counts paragraphs by namespace: 60,000 under « x: » or the default namespace are refused", async () => {
    const dir = workspace();
    for (const prefix of ["x", ""]) {
      const file = join(dir, `paragraphes-${prefix || "defaut"}.docx`);
      writeFileSync(file, await wordFile({ "word/document.xml": documentXml(numbered(60_000), prefix) }));
      const result = await ctg("import", file, "--out", join(dir, "plan.json"));
      expect([prefix, result.code]).toEqual([prefix, 2]);
      expect(result.err).toMatch(/contient plus de 50000 paragraphes/);
    }
    expect(existsSync(join(dir, "plan.json"))).toBe(false);
  });

  it("reads a real répertoire written under another prefix, and a main document the package names elsewhere", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "prefixe.docx"), await wordFile({ "word/document.xml": documentXml(seedLines(), "x") }));
    const prefixed = await ctg("import", join(dir, "prefixe.docx"), "--out", join(dir, "prefixe.json"));
    expect(prefixed.code).toBe(0);
    expect(prefixed.out).toMatch(/15 fiches actions, 66 indicateurs/);
    writeFileSync(join(dir, "ailleurs.docx"), await wordFile({ "word/principal.xml": documentXml(seedLines(), "w") }, "word/principal.xml"));
    const elsewhere = await ctg("import", join(dir, "ailleurs.docx"), "--out", join(dir, "ailleurs.json"));
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.out).toMatch(/15 fiches actions, 66 indicateurs/);
  });
});

describe("ctg import of a damaged Word document", () => {
  it("refuses a zip that is not a Word document, or a document that is not well-formed XML, in French only", async () => {
    const dir = workspace();
    const broken = documentXml(["Répertoire"], "w").replace("</w:r>", "");
    const cases: [string, Uint8Array, RegExp][] = [
      [
        "classeur.docx",
        await wordFile({ "xl/workbook.xml": '<?xml version="1.0"?><workbook/>' }, "xl/absent.xml"),
        /n'est pas un document Word lisible\s: sa partie principale «\sword\/document\.xml\s» est absente/,
      ],
      [
        "mal-forme.docx",
        await wordFile({ "word/document.xml": broken }),
        /n'est pas un document Word lisible\s: la partie «\sword\/document\.xml\s» n'est pas du XML bien formé \(balise fermante «\sw:p\s» au lieu de «\sw:r\s»\)/,
      ],
      [
        "tronque.docx",
        await wordFile({ "word/document.xml": documentXml(["Répertoire"], "w").slice(0, -5) }),
        /la partie «\sword\/document\.xml\s» n'est pas du XML bien formé \(XML interrompu au milieu d'une balise\)/,
      ],
      [
        "entite.docx",
        await wordFile({ "word/document.xml": documentXml(["Répertoire"], "w").replace("Répertoire", "R&eacute;pertoire") }),
        /n'est pas un document Word lisible\s: son contenu n'a pas pu être lu/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      writeFileSync(join(dir, name), bytes);
      const result = await ctg("import", join(dir, name), "--out", join(dir, "plan.json"));
      expect([name, result.code]).toEqual([name, 2]);
      expect(result.err).toMatch(message);
      expect(result.err).toMatch(/enregistrez-le à nouveau depuis Word ou LibreOffice/);
      expect(result.err).not.toMatch(INTERNALS);
    }
    expect(existsSync(join(dir, "plan.json"))).toBe(false);
  });
});
