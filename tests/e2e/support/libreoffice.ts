/** The independent readers of the e2e tests: LibreOffice headless for PDF, poppler for text and pictures. */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { basename, join } from "node:path";

export function requireTool(tool: string, debianPackage: string): void {
  try {
    execFileSync("which", [tool], { stdio: "pipe" });
  } catch {
    throw new Error(`${tool} is missing: install the Debian package ${debianPackage} (.ci/run does it)`);
  }
}

/** Converts a workbook, a deck or a document to PDF in `outDir`, in a French locale; returns the PDF's path (it may not exist). */
export function convertToPdf(file: string, outDir: string): string {
  return convertTo(file, outDir, "pdf");
}

/** Opens a workbook in LibreOffice and saves it again as .xlsx in `outDir` (another directory than the file's). */
export function resaveAsXlsx(file: string, outDir: string): string {
  return convertTo(file, outDir, "xlsx");
}

function convertTo(file: string, outDir: string, format: "pdf" | "xlsx"): string {
  execFileSync(
    "soffice",
    ["--headless", "--norestore", `-env:UserInstallation=file://${join(outDir, "profile")}`, "--convert-to", format, "--outdir", outDir, file],
    {
      stdio: "pipe",
      timeout: 120_000,
      // French users see French separators; LibreOffice takes them from the locale, as Excel does from Windows.
      env: { ...process.env, LC_ALL: "fr_FR.UTF-8", LANG: "fr_FR.UTF-8" },
    },
  );
  return join(outDir, basename(file).replace(/\.(xlsx|pptx|docx)$/, `.${format}`));
}

/** The PDF of `file` in `outDir`, converted by LibreOffice; throws when the conversion left none. */
export function convertedPdf(file: string, outDir: string): string {
  const pdf = convertToPdf(file, outDir);
  if (!existsSync(pdf)) throw new Error(`LibreOffice n'a pas converti ${file}`);
  return pdf;
}

export function pdfPages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
}
