/**
 * The browser's compressor of the zip writer (stored deflate blocks, CRC-32 in plain JS): its checksum is zlib's,
 * its stream is deflate that zlib inflates, and a workbook written with it is read back cell for cell by the
 * project's reader, by Python's zipfile (every entry's CRC checked) and by openpyxl.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 as zlibCrc32, inflateRawSync } from "node:zlib";
import { fullTracking, syntheticPlan } from "../../src/samples/synthetic-plan";
import { buildTableauPlan } from "../../src/workbook/build-tableau";
import { TABLEAU_SHEETS } from "../../src/workbook/parse-tableau";
import { nodeDeflater } from "../../src/xlsx/node-zip";
import { planWorkbookBytes } from "../../src/xlsx/plan-workbook";
import { crc32, storedBlocks, storedDeflater } from "../../src/xlsx/stored-deflater";
import { readXlsx } from "../../src/xlsx/xlsx-reader";
import { bytesSource } from "../../src/xlsx/zip-archive";
import { MemoryOutput, ZipWriter } from "../../src/xlsx/zip-writer";
import { type Cells, PYTHON, differences, ourCells } from "../e2e/support/readers";

const dir = mkdtempSync(join(tmpdir(), "ctg-stored-"));
const MODIFIED = new Date("2026-11-24T10:00:00Z");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Python's zipfile on the archive: the first entry whose CRC or size is wrong, or "ok". */
function pythonTestzip(path: string): string {
  const script = "import sys, zipfile\nbad = zipfile.ZipFile(sys.argv[1]).testzip()\nprint('ok' if bad is None else bad)";
  return execFileSync(PYTHON, ["-c", script, path], { encoding: "utf8" }).trim();
}

/** Every filled cell as openpyxl reads it (the end-to-end tests' script), failures thrown with Python's words. */
function openpyxlCells(path: string): Cells {
  const script = join(__dirname, "..", "e2e", "support", "openpyxl_cells.py");
  return JSON.parse(execFileSync(PYTHON, [script, path], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: 60_000 })) as Cells;
}

function joined(...parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

describe("the stored deflater", () => {
  it("computes zlib's CRC-32, whole and continued, on random data", () => {
    for (const size of [0, 1, 3, 255, 4096, 65_535, 65_536, 200_001]) {
      const bytes = new Uint8Array(randomBytes(size));
      expect(crc32(bytes)).toBe(zlibCrc32(bytes));
      const cut = Math.floor(size / 3);
      expect(crc32(bytes.subarray(cut), crc32(bytes.subarray(0, cut)))).toBe(zlibCrc32(bytes));
    }
  });

  it("makes a deflate stream of stored blocks of at most 65 535 bytes that zlib inflates, slice after slice", () => {
    const slices = [65_535, 65_536, 0, 1, 150_000].map((size) => new Uint8Array(randomBytes(size)));
    const stream = joined(...slices.map(storedBlocks), storedDeflater.finalBlock);
    expect(Buffer.from(inflateRawSync(stream)).equals(Buffer.from(joined(...slices)))).toBe(true);
    // Block headers: BFINAL 0 and BTYPE 00, then LEN and its one's complement NLEN, little-endian.
    const two = storedBlocks(new Uint8Array(65_536));
    expect([...two.subarray(0, 5)]).toEqual([0x00, 0xff, 0xff, 0x00, 0x00]);
    expect([...two.subarray(65_540, 65_545)]).toEqual([0x00, 0x01, 0x00, 0xfe, 0xff]);
    expect(two.length).toBe(65_536 + 10);
  });

  it("writes a workbook that the project's reader, Python's zipfile and openpyxl read as zlib's", async () => {
    // A tableau of 60 fiches fully entered: its « Saisies » passes the writer's slice of a million characters.
    const plan = buildTableauPlan(fullTracking(syntheticPlan({ actions: 60, indicatorsPerAction: 4 })), { now: MODIFIED.toISOString() });
    const stored = await planWorkbookBytes(plan, { deflater: storedDeflater, modified: MODIFIED });
    const deflated = await planWorkbookBytes(plan, { deflater: nodeDeflater, modified: MODIFIED });
    expect(stored.length).toBeGreaterThan(1_500_000);

    const ours = await readXlsx(bytesSource(stored), TABLEAU_SHEETS);
    const reference = await readXlsx(bytesSource(deflated), TABLEAU_SHEETS);
    for (const sheet of TABLEAU_SHEETS) expect(ours.read.get(sheet)?.grid).toEqual(reference.read.get(sheet)?.grid);

    const path = join(dir, "stocke.xlsx");
    writeFileSync(path, stored);
    expect(pythonTestzip(path)).toBe("ok");
    const theirs = openpyxlCells(path);
    expect(Object.keys(theirs)).toEqual(expect.arrayContaining(TABLEAU_SHEETS.filter((sheet) => ours.read.has(sheet))));
    expect(differences(await ourCells(path), theirs)).toEqual([]);
  });

  it("writes an archive of archives that Python's zipfile checks", async () => {
    const output = new MemoryOutput();
    const zip = new ZipWriter(output, storedDeflater, MODIFIED);
    const inner = await planWorkbookBytes(
      buildTableauPlan(fullTracking(syntheticPlan({ actions: 2, indicatorsPerAction: 1 })), { now: MODIFIED.toISOString() }),
      { deflater: storedDeflater, modified: MODIFIED },
    );
    await zip.addEntry("Collecte 2026-T4 - Coordinatrice Élus référents….xlsx", [inner]);
    await zip.addEntry("vide.txt", []);
    zip.finish();
    const path = join(dir, "collecte.zip");
    writeFileSync(path, output.bytes());
    expect(pythonTestzip(path)).toBe("ok");
    const names = execFileSync(PYTHON, ["-c", "import sys, zipfile\nprint('|'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", path], {
      encoding: "utf8",
    }).trim();
    expect(names).toBe("Collecte 2026-T4 - Coordinatrice Élus référents….xlsx|vide.txt");
  });
});
