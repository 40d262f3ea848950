/**
 * The layers of DESIGN.md as ESLint enforces them: each forbidden import is refused in the folder it is
 * forbidden from, each allowed one passes, and the product code as it stands breaks none of them.
 */
import { execFileSync } from "node:child_process";

interface Probe {
  file: string;
  code: string;
}

/**
 * ESLint loads its ESM config with import(), which Jest's sandbox refuses: the probes are linted by the real ESLint
 * in a Node process of its own, all at once, with the project's config.
 */
function lint(probes: Probe[], wholeSource = false): { probes: string[][]; source: string[] } {
  const script = `
    const { ESLint } = require("eslint");
    const eslint = new ESLint({ cwd: process.cwd() });
    const input = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
    (async () => {
      const messages = (result) => result.messages.map((m) => m.ruleId + ": " + m.message);
      const probes = [];
      for (const probe of input.probes) probes.push(messages((await eslint.lintText(probe.code, { filePath: probe.file }))[0]));
      const source = input.wholeSource ? (await eslint.lintFiles(["src"])).flatMap((r) => messages(r).map((m) => r.filePath + " " + m)) : [];
      process.stdout.write(JSON.stringify({ probes, source }));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { input: JSON.stringify({ probes, wholeSource }), encoding: "utf8" }));
}

const importOf = (specifier: string) => `import * as probe from "${specifier}";\nexport const used = probe;\n`;

const FORBIDDEN: [string, string][] = [
  ["src/domain/probe.ts", "../workbook/layout"],
  ["src/domain/probe.ts", "jszip"],
  ["src/domain/probe.ts", "node:fs"],
  ["src/domain/probe.ts", "react"],
  ["src/labels/probe.ts", "../domain/plan"],
  ["src/labels/probe.ts", "zod"],
  ["src/workbook/probe.ts", "../xlsx/xlsx-reader"],
  ["src/workbook/probe.ts", "../excel"],
  ["src/excel/probe.ts", "../xlsx/tableau-reader"],
  ["src/excel/probe.ts", "../services/consolidate-batch"],
  ["src/xlsx/probe.ts", "../excel"],
  ["src/xlsx/probe.ts", "../services/consolidate-batch"],
  ["src/xlsx/tableau-reader.ts", "node:fs"],
  ["src/import/probe.ts", "../xlsx/xlsx-reader"],
  ["src/services/probe.ts", "../excel"],
  ["src/services/probe.ts", "../cli/io"],
  ["src/services/probe.ts", "node:fs"],
  ["src/taskpane/probe.tsx", "../xlsx/zip-guard"],
  ["src/taskpane/probe.tsx", "../excel/write-entry"],
  ["src/taskpane/probe.tsx", "../cli/io"],
  ["src/cli/probe.ts", "../excel"],
  ["src/cli/probe.ts", "react"],
  ["src/report/probe.ts", "../xlsx/file"],
];

const ALLOWED: [string, string][] = [
  ["src/domain/probe.ts", "zod"],
  ["src/domain/probe.ts", "../labels/catalog"],
  ["src/workbook/probe.ts", "../domain/plan"],
  ["src/import/probe.ts", "../xlsx/zip-archive"],
  ["src/excel/probe.ts", "../workbook/layout"],
  ["src/xlsx/file-source.ts", "node:fs"],
  ["src/services/probe.ts", "../xlsx/tableau-intake"],
  ["src/taskpane/probe.tsx", "../excel"],
  ["src/taskpane/probe.tsx", "../services/outcome"],
  ["src/cli/probe.ts", "../services/consolidate-batch"],
];

const OFFICE_CALL = "export async function go(): Promise<void> {\n  await Excel.run(async (context) => context.sync());\n}\n";

describe("layer boundaries (eslint.config.mjs)", () => {
  let linted: { probes: string[][]; source: string[] };
  const probes: Probe[] = [
    ...[...FORBIDDEN, ...ALLOWED].map(([file, specifier]) => ({ file, code: importOf(specifier) })),
    { file: "src/taskpane/probe.tsx", code: OFFICE_CALL },
    { file: "src/excel/probe.ts", code: OFFICE_CALL },
  ];
  const verdict = (index: number) => linted.probes[index];

  beforeAll(() => {
    linted = lint(probes, true);
  });

  it.each(FORBIDDEN.map((pair, index) => [...pair, index] as const))("%s may not import %s", (_file, _specifier, index) => {
    expect(verdict(index)).toEqual([expect.stringMatching(/^no-restricted-imports: .+/)]);
  });

  it.each(ALLOWED.map((pair, index) => [...pair, FORBIDDEN.length + index] as const))("%s may import %s", (_file, _specifier, index) => {
    expect(verdict(index)).toEqual([]);
  });

  it("keeps Office.js to src/excel: the pane may not call Excel itself", () => {
    const first = FORBIDDEN.length + ALLOWED.length;
    expect(verdict(first)).toEqual([expect.stringMatching(/^no-restricted-globals: .*src\/excel/)]);
    expect(verdict(first + 1)).toEqual([]);
  });

  it("finds no broken boundary in the product code", () => {
    expect(linted.source).toEqual([]);
  });
});
