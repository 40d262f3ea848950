/**
 * The archive guard under load: `ctg check` on the worst file it accepts (a tableau whose « Saisies » sheet holds
 * just under the 2,000,000-cell limit, 20 MB at most, plus a large part no reader needs) and on the file of the
 * issue (2.7 million cells in a sheet plus an unreferenced part), each in a process of its own with its peak memory
 * sampled; the same for `ctg import` on the largest .docx accepted (just under 50,000 paragraphs) and on the issue's
 * 1.8-million-paragraph document. Goal: refused or processed under 1 GB.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import JSZip from "jszip";
import { checkCommand, importCommand, initCommand } from "../src/cli/commands";
import { hostileInputCases } from "./hostile-inputs";
import { hostileXlsxCases } from "./hostile-xlsx";
import { demoTracking } from "../src/samples/demo-entries";
import { samplePlan } from "../src/samples/sample-plan";
import { writeTrackingFile } from "../src/xlsx/tableau-file";
import { zipOf } from "../tests/support/zips";

export const HOSTILE_STEP = "--hostile-check";

/**
 * Step run in its own process: `ctg check` on a workbook, `ctg import` on a répertoire (.docx or text) or
 * `ctg init --plan` on a plan, peak memory sampled.
 */
export async function hostileStep(file: string, command = ""): Promise<Record<string, unknown>> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const lines: string[] = [];
  const start = performance.now();
  let code: number;
  try {
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const clock = { now: () => new Date("2026-11-24T10:00:00Z") };
    code =
      command === "init"
        ? await initCommand({ plan: file, out: `${file}.xlsx` }, io, clock)
        : command === "import" || file.endsWith(".docx")
          ? await importCommand({ file, out: `${file}.plan.json` }, io)
          : await checkCommand({ file, json: true }, io, clock);
  } catch (error) {
    code = 2;
    lines.push(error instanceof Error ? error.message : String(error));
  }
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const first = lines.join("\n");
  const said = first.startsWith("{") ? `${JSON.parse(first).issues.length} problème(s) relevé(s)` : first.slice(0, 160);
  return { exit_code: code, ms: Math.round(performance.now() - start), peak_rss_mb: Math.round(peak / 1048576), said };
}

/** The demo tableau with `cells` more numbers in « Saisies » (16 columns right of the table) and a part of `junk` random bytes no one references. */
async function inflatedTableau(cells: number, junk: number): Promise<Uint8Array> {
  const demo = await JSZip.loadAsync(await writeTrackingFile(demoTracking(samplePlan()), "2026-11-01T09:00:00.000Z"));
  const entries: Record<string, Buffer> = {};
  for (const [name, entry] of Object.entries(demo.files)) if (!entry.dir) entries[name] = Buffer.from(await entry.async("uint8array"));
  const workbook = entries["xl/workbook.xml"].toString("utf8");
  const rels = entries["xl/_rels/workbook.xml.rels"].toString("utf8");
  const id = /<sheet [^>]*name="Saisies"[^>]*r:id="([^"]+)"/.exec(workbook)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  const part = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
  const sheet = entries[part].toString("utf8");
  const columns = "KLMNOPQRSTUVWXYZ";
  const rows: string[] = [];
  const firstRow = 2000;
  for (let index = 0; index < cells; index += columns.length) {
    const row = firstRow + index / columns.length;
    let cellsXml = "";
    for (let col = 0; col < columns.length && index + col < cells; col++) cellsXml += `<c r="${columns[col]}${row}"><v>${(index + col) % 9973}</v></c>`;
    rows.push(`<row r="${row}">${cellsXml}</row>`);
  }
  entries[part] = Buffer.from(sheet.replace("</sheetData>", `${rows.join("")}</sheetData>`), "utf8");
  if (junk > 0) entries["xl/media/inutilise.bin"] = randomBytes(junk);
  return zipOf(entries);
}

/** A Word document of `count` numbered paragraphs (numbers, so that it compresses about as a real document does). */
function paragraphsDocx(count: number): Uint8Array {
  const paragraphs: string[] = [];
  for (let index = 0; index < count; index++) paragraphs.push(`<w:p><w:r><w:t>${(index * 2654435761) % 1e9}</w:t></w:r></w:p>`);
  const main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  return zipOf({
    "[Content_Types].xml":
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/document.xml": `<?xml version="1.0"?><w:document xmlns:w="${main}"><w:body>${paragraphs.join("")}</w:body></w:document>`,
  });
}

export async function hostileFigures(script: string): Promise<Record<string, unknown>[]> {
  const dir = mkdtempSync(join(tmpdir(), "ctg-bench-hostile-"));
  try {
    type HostileCase = { name: string; cells: number; junk: number } | { name: string; paragraphs: number };
    const cases: HostileCase[] = [
      { name: "worst accepted: 1.99 million cells, a 10 MB unreferenced part", cells: 1_990_000, junk: 10 * 1024 * 1024 },
      { name: "the issue's file: 2.7 million cells, unreferenced part", cells: 2_700_000, junk: 8 * 1024 * 1024 },
      { name: "worst accepted .docx: 49,999 paragraphs", paragraphs: 49_999 },
      { name: "the issue's .docx: 1.8 million paragraphs", paragraphs: 1_800_000 },
    ];
    const figures: Record<string, unknown>[] = [];
    for (const item of cases) {
      const file = join(dir, `${figures.length}.${"paragraphs" in item ? "docx" : "xlsx"}`);
      writeFileSync(file, "paragraphs" in item ? paragraphsDocx(item.paragraphs) : await inflatedTableau(item.cells, item.junk));
      const result = JSON.parse(
        execFileSync(process.execPath, [script, HOSTILE_STEP, file], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }),
      ) as Record<string, unknown>;
      figures.push({
        figure: "paragraphs" in item ? "hostile_import" : "hostile_check",
        file: item.name,
        file_mb: Math.round(statSync(file).size / 104857.6) / 10,
        ...result,
        goal_peak_mb: 1024,
      });
    }
    // Each hostile kind of the other doors, refused or read, in a process of its own: time, peak memory, what was said.
    const others = [
      ...(await hostileXlsxCases(dir)).map((item) => ({ kind: item.kind, file: item.file, command: "check" })),
      ...(await hostileInputCases(dir)).map((item) => ({ kind: item.kind, file: item.file, command: item.command })),
    ];
    for (const item of others) {
      const result = JSON.parse(
        execFileSync(process.execPath, [script, HOSTILE_STEP, item.file, item.command], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }),
      ) as Record<string, unknown>;
      figures.push({
        figure: `hostile_${item.command}`,
        file: item.kind,
        file_mb: Math.round(statSync(item.file).size / 104857.6) / 10,
        ...result,
        goal_peak_mb: 1024,
        goal_ms: 5000,
      });
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
