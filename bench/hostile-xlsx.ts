/**
 * Workbooks made to hurt a reader that does not read bytes as the formats say, one per kind of harm, for `ctg check`
 * to be timed on each in a process of its own: a row two billion down (a reader that allocates up to it runs out of
 * memory), one cell of 24 MB of text (a scanner that searches its text again at each chunk takes minutes), a sheet in
 * ISO-8859-1 and one in UTF-16 (read as UTF-8 they are mangled or refused), an OpenDocument spreadsheet. Each is the
 * demo tableau with one part rewritten, but the .ods.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { demoTracking } from "../src/samples/demo-entries";
import { samplePlan } from "../src/samples/sample-plan";
import { MEASUREMENT_COLUMNS, SHEETS } from "../src/workbook/layout";
import { writeTrackingFile } from "../src/xlsx/tableau-file";
import { XlsxFile } from "../tests/support/xlsx-package";
import { type Parts, editText, latin1, partsOf, sheetPart, utf16, zipped } from "../tests/support/xlsx-parts";
import { zipOf } from "../tests/support/zips";

/** Characters of the long text: random enough that zlib cannot squeeze them past the archive guard's ratio. */
const LETTERS = "abcdefghijklmnopqrstuvwxyz ";

function randomText(length: number): string {
  const pieces: string[] = [];
  let seed = 12_345;
  let piece = "";
  for (let i = 0; i < length; i++) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    piece += LETTERS[(seed >>> 16) % LETTERS.length];
    if (piece.length === 65_536) {
      pieces.push(piece);
      piece = "";
    }
  }
  pieces.push(piece);
  return pieces.join("");
}

/** The cell `address` of a sheet's XML replaced by `xml`. */
function withCell(text: string, address: string, xml: string): string {
  return text.replace(new RegExp(`<c r="${address}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`), xml);
}

export async function hostileXlsxCases(dir: string): Promise<{ kind: string; file: string }[]> {
  const tableau = await XlsxFile.open(await writeTrackingFile(demoTracking(samplePlan()), "2026-11-01T09:00:00.000Z"));
  const comment = await tableau.columnOf(SHEETS.measurements, MEASUREMENT_COLUMNS.comment);
  await tableau.setCell(SHEETS.measurements, `${comment}2`, "Très bien, l’équipe est là");
  const base = await partsOf(await tableau.bytes());
  const saisies = sheetPart(base, SHEETS.measurements);
  const cases: { kind: string; file: string }[] = [];
  const write = (kind: string, bytes: Uint8Array, extension = "xlsx") => {
    const file = join(dir, `${kind}.${extension}`);
    writeFileSync(file, bytes);
    cases.push({ kind, file });
  };
  const variant = (edit: (parts: Parts) => void): Uint8Array => {
    const parts = { ...base };
    edit(parts);
    return zipped(parts);
  };

  write(
    "row-2000000000",
    variant((parts) => editText(parts, saisies, (xml) => xml.replace("</sheetData>", '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row></sheetData>'))),
  );
  write(
    "text-24mb",
    variant((parts) =>
      editText(parts, saisies, (xml) => withCell(xml, `${comment}3`, `<c r="${comment}3" t="inlineStr"><is><t>${randomText(24 * 1024 * 1024)}</t></is></c>`)),
    ),
  );
  write(
    "sheet-iso-8859-1",
    variant((parts) => {
      parts[saisies] = latin1(parts[saisies].toString("utf8"));
    }),
  );
  write(
    "sheet-utf-16",
    variant((parts) => {
      parts[saisies] = utf16(parts[saisies].toString("utf8"), "le");
    }),
  );
  write(
    "opendocument",
    zipOf({
      mimetype: "application/vnd.oasis.opendocument.spreadsheet",
      "content.xml": '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
      "META-INF/manifest.xml": '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
    }),
    "ods",
  );
  return cases;
}
