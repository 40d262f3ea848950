/**
 * The files partners send back: the demo tableau given a note, a link and a column of their own in openpyxl, then
 * saved again by LibreOffice. Each is updated by `ctg init --update` (a fiche added first: every row moves) and
 * read by openpyxl afterwards: the note and the link are on the row they were written on, the column's values too.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoTracking } from "../../src/samples/demo-entries";
import { samplePlan } from "../../src/samples/sample-plan";
import { writeTrackingFile } from "../../src/xlsx/tableau-file";
import { ctgAt } from "../support/cli";
import { newFichePlan } from "../support/update-fixtures";
import { requireTool, resaveAsXlsx } from "./support/libreoffice";
import { PYTHON } from "./support/readers";

jest.setTimeout(180_000);

const ctg = ctgAt("2026-11-24T10:00:00Z");

/** openpyxl adds what a partner adds: a note on a status, a link in a column of their own, a sheet. */
const ANNOTATE = `
import sys, openpyxl
from openpyxl.comments import Comment
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Suivi des fiches"]
row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "2026-T2" and ws.cell(r, 3).value == "1.A.2")
ws.cell(row, 6).comment = Comment("Vu avec la mairie", "Mme Martin")
ws.cell(1, 12).value = "Compte rendu"
ws.cell(row, 12).value = "CR du 12 mai"
ws.cell(row, 12).hyperlink = "https://www.caf.fr/compte-rendu"
wb.create_sheet("Notes Caf")["A1"] = "Réunion du 12 mars"
wb.save(sys.argv[2])
`;

/** What openpyxl sees of them afterwards, with the fiche and the quarter of their row. */
const LOOK = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Suivi des fiches"]
found = {"notes": [], "links": [], "sheets": wb.sheetnames}
for row in ws.iter_rows():
    for cell in row:
        where = [ws.cell(cell.row, 1).value, ws.cell(cell.row, 3).value, cell.column_letter]
        if cell.comment: found["notes"].append(where + [cell.comment.text.strip()])
        if cell.hyperlink: found["links"].append(where + [cell.hyperlink.target, cell.value])
print(json.dumps(found, ensure_ascii=False))
`;

function python(script: string, ...args: string[]): string {
  return execFileSync(PYTHON, ["-c", script, ...args], { encoding: "utf8", timeout: 60_000 });
}

describe("an update of a tableau saved again by the partners' tools", () => {
  let dir: string;
  let plan: string;
  beforeAll(async () => {
    requireTool("soffice", "libreoffice-calc-nogui");
    dir = mkdtempSync(join(tmpdir(), "ctg-resaved-"));
    writeFileSync(join(dir, "demo.xlsx"), await writeTrackingFile(demoTracking(samplePlan()), "2026-11-01T09:00:00.000Z"));
    python(ANNOTATE, join(dir, "demo.xlsx"), join(dir, "openpyxl.xlsx"));
    plan = newFichePlan(dir);
  });

  const expected = {
    notes: [["2026-T2", "1.A.2", "F", "Vu avec la mairie"]],
    links: [["2026-T2", "1.A.2", "L", "https://www.caf.fr/compte-rendu", "CR du 12 mai"]],
  };

  /** Updates `file` with a fiche added first, then finds the note, the link and the user's sheet where they were. */
  async function expectKeptByUpdate(file: string): Promise<void> {
    const update = await ctg("init", "--plan", plan, "--out", file, "--update");
    expect(update.err).toBe("");
    expect(update.code).toBe(0);
    expect((await ctg("check", file)).code).toBe(0);
    const after = JSON.parse(python(LOOK, file));
    expect(after).toMatchObject(expected);
    expect(after.sheets).toContain("Notes Caf");
  }

  it("after openpyxl: the note, the link and the user's sheet are kept, on the row they belong to", async () => {
    const file = join(dir, "openpyxl-mis-a-jour.xlsx");
    copyFileSync(join(dir, "openpyxl.xlsx"), file);
    expect(JSON.parse(python(LOOK, file))).toMatchObject(expected);
    await expectKeptByUpdate(file);
  });

  it("after openpyxl then LibreOffice: the same", async () => {
    const out = join(dir, "libreoffice");
    mkdirSync(out, { recursive: true });
    const file = resaveAsXlsx(join(dir, "openpyxl.xlsx"), out);
    // LibreOffice writes notes its own way: read back before the update, they are where openpyxl put them.
    expect(JSON.parse(python(LOOK, file)).notes).toEqual(expected.notes);
    await expectKeptByUpdate(file);
  });
});
