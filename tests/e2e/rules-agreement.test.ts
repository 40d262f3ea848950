/**
 * Excel's validation and `ctg check` agree, rule by rule: the boundary values of every rule of the domain's table
 * (src/domain/entry-rules.ts) are written into the cells of a generated tableau, then LibreOffice — an evaluator of
 * the file's data validation that is not ours (Données › Validité, « marquer les données incorrectes ») — and our
 * reader each say which cells they refuse. Both must refuse exactly the same cells.
 */
import { plausibilityLabels } from "../../src/labels/catalog";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { INDICATOR_RULES, PROGRESS_RULE, TEXT_MAX_LENGTH } from "../../src/domain/entry-rules";
import { type Plan, readPlan } from "../../src/domain/plan";
import { emptyTracking } from "../../src/domain/tracking";
import { INDICATOR_TYPES, type IndicatorType, STATUSES } from "../../src/domain/vocabulary";
import { buildTableauPlan } from "../../src/workbook/build-tableau";
import { INDICATOR_COLUMNS, MEASUREMENT_COLUMNS, SHEETS, TRACKING_COLUMNS } from "../../src/workbook/layout";
import { type CellValue, type SheetPlan, type WorkbookPlan, cellAddress } from "../../src/workbook/sheet-plan";
import { CONVENTION_SPEC } from "../../src/workbook/tableau-columns";
import { readTableauBytes } from "../../src/xlsx/tableau-reader";
import { nodeDeflater } from "../../src/xlsx/node-zip";
import { planWorkbookBytes } from "../../src/xlsx/plan-workbook";
import { SMALL_PLAN_JSON } from "../support/small-plan";
import { requireTool } from "./support/libreoffice";

jest.setTimeout(180_000);

const PYTHON = "/usr/bin/python3";
const INVALID_CELLS = resolve(__dirname, "support/libreoffice_invalid_cells.py");
const NOW = "2030-12-15T10:00:00.000Z";
const TODAY = "2030-12-15";

type ProbedWorkbook = WorkbookPlan & { probes: Probe[] };

interface Probe {
  sheet: string;
  cell: string;
  value: CellValue;
  /** What the probe is, for the failure message. */
  what: string;
}

/**
 * The small plan over a whole 5-year convention, every indicator measured each quarter, and four indicators of
 * each type: rows enough for every probe of a value, a référence and a cible.
 */
function probePlan(): Plan {
  const json = structuredClone(SMALL_PLAN_JSON) as typeof SMALL_PLAN_JSON;
  json.convention.end = "2030-12-31";
  const actions = json.axes.flatMap((axis) => axis.subAxes.flatMap((subAxis) => subAxis.actions));
  for (const action of actions) for (const indicator of action.indicators as { periodicity?: string }[]) delete indicator.periodicity;
  const extra = actions[actions.length - 1].indicators as { label: string; type: string }[];
  for (const type of INDICATOR_TYPES) for (let copy = 1; copy <= 3; copy++) extra.push({ label: `Sonde ${type} ${copy}`, type });
  const reading = readPlan(json);
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading.plan;
}

/** Values on either side of each bound of a number rule, in the cell's unit, and a text. */
function numberProbes(rule: { min: number; max?: number; decimals?: number; cellDivisor: number }): CellValue[] {
  const cell = (value: number) => Number((value / rule.cellDivisor).toPrecision(12));
  const step = rule.decimals === undefined ? 0.001 : 10 ** -rule.decimals;
  const values = [rule.min, rule.min - step, rule.min + step, rule.max ?? rule.min + 1000, ...(rule.max === undefined ? [] : [rule.max + step])];
  if (rule.decimals !== undefined) values.push(rule.min + step * 1.5, rule.min + 2 * step + step / 2);
  return [...values.map(cell), "abc"];
}

function valueProbes(type: IndicatorType): CellValue[] {
  const rule = INDICATOR_RULES[type].value;
  if (rule.kind === "number") return numberProbes(rule);
  if (rule.kind === "choice") return [...rule.values, "Peut-être", 1];
  return ["x".repeat(rule.maxLength), "x".repeat(rule.maxLength + 1), 12345];
}

function referenceProbes(type: IndicatorType): CellValue[] {
  const rule = INDICATOR_RULES[type].reference;
  return rule ? numberProbes(rule) : [5, "abc"];
}

function sheetOf(plan: WorkbookPlan, name: string): SheetPlan {
  return plan.sheets.find((sheet) => sheet.name === name)!;
}

function put(sheet: SheetPlan, row: number, col: number, value: CellValue): void {
  sheet.values[row][col] = value;
  // A probe is typed as a person would: a number in a number cell, a text in a text cell.
  if (sheet.numberFormats && typeof value === "string") sheet.numberFormats[row][col] = "@";
}

/** The tableau with probes written into its entry cells, and the list of those probes. */
function probedTableau(): ProbedWorkbook {
  const plan = probePlan();
  const workbook = buildTableauPlan(emptyTracking(plan), { now: NOW });
  const probes: Probe[] = [];
  const probe = (sheet: SheetPlan, row: number, col: number, value: CellValue, what: string) => {
    put(sheet, row, col, value);
    probes.push({ sheet: sheet.name, cell: cellAddress(row, col), value, what });
  };

  // « Saisies »: each type's values, one quarter's row per probe.
  const saisies = sheetOf(workbook, SHEETS.measurements);
  const [header] = saisies.values;
  const valueCol = header.indexOf(MEASUREMENT_COLUMNS.value);
  const commentCol = header.indexOf(MEASUREMENT_COLUMNS.comment);
  const idCol = header.indexOf(MEASUREMENT_COLUMNS.id);
  const indicators = new Map(
    plan.axes
      .flatMap((axis) => axis.subAxes.flatMap((subAxis) => subAxis.actions.flatMap((action) => action.indicators)))
      .map((indicator) => [indicator.id, indicator]),
  );
  const rowsOf = (type: IndicatorType) =>
    saisies.values.flatMap((row, index) => (index > 0 && indicators.get(String(row[idCol]))?.type === type ? [index] : []));
  for (const type of INDICATOR_TYPES) {
    const rows = rowsOf(type);
    valueProbes(type).forEach((value, index) => probe(saisies, rows[index], valueCol, value, `valeur ${type} ${String(value).slice(0, 20)}`));
  }
  const commentRows = rowsOf("nombre");
  probe(saisies, commentRows[commentRows.length - 1], commentCol, "x".repeat(TEXT_MAX_LENGTH), "commentaire à la limite");
  probe(saisies, commentRows[commentRows.length - 2], commentCol, "x".repeat(TEXT_MAX_LENGTH + 1), "commentaire trop long");
  // « Vérifié »: the closed list of one word, in either entry sheet.
  const confirmedCol = header.indexOf(plausibilityLabels.confirmedHeader);
  ["Oui", "oui", "Non", "x"].forEach((mark, index) => probe(saisies, commentRows[index], confirmedCol, mark, `vérifié ${mark}`));

  // « Suivi des fiches »: statuses, avancements (with a status, as a filled row needs one), texts.
  const suivi = sheetOf(workbook, SHEETS.tracking);
  const columns = suivi.values[0];
  const col = (header: string) => columns.indexOf(header);
  let row = 1;
  for (const status of [...STATUSES, "Terminée"]) probe(suivi, row++, col(TRACKING_COLUMNS.status), status, `statut ${status}`);
  for (const value of numberProbes(PROGRESS_RULE)) {
    put(suivi, row, col(TRACKING_COLUMNS.status), "En cours");
    probe(suivi, row++, col(TRACKING_COLUMNS.progress), value, `avancement ${String(value)}`);
  }
  for (const mark of ["Oui", "Non"]) {
    put(suivi, row, col(TRACKING_COLUMNS.status), "En cours");
    probe(suivi, row++, col(plausibilityLabels.confirmedHeader), mark, `statut vérifié ${mark}`);
  }
  for (const key of ["achievements", "difficulties", "adjustments"] as const) {
    for (const length of [TEXT_MAX_LENGTH, TEXT_MAX_LENGTH + 1]) {
      put(suivi, row, col(TRACKING_COLUMNS.status), "En cours");
      probe(suivi, row++, col(TRACKING_COLUMNS[key]), "y".repeat(length), `${key} de ${length} caractères`);
    }
  }

  // « Indicateurs »: the référence and the cible of each type, in its row.
  const sheet = sheetOf(workbook, SHEETS.indicators);
  const typeOf = (index: number) => indicators.get(String(sheet.values[index][sheet.values[0].indexOf(INDICATOR_COLUMNS.id)]))!.type;
  const baseline = sheet.values[0].indexOf(INDICATOR_COLUMNS.baseline);
  const target = sheet.values[0].indexOf(INDICATOR_COLUMNS.target);
  // One row per indicator: each probe gets the row of an indicator of its type, alternating the two columns.
  const byType = new Map<IndicatorType, number[]>();
  for (let index = 1; index < sheet.values.length; index++) byType.set(typeOf(index), [...(byType.get(typeOf(index)) ?? []), index]);
  for (const [type, rows] of byType) {
    referenceProbes(type)
      .slice(0, 2 * rows.length)
      .forEach((value, index) =>
        probe(sheet, rows[index >> 1], index % 2 === 0 ? baseline : target, value, `${index % 2 === 0 ? "référence" : "cible"} ${type} ${String(value)}`),
      );
  }
  return { ...workbook, probes };
}

/** The « Convention » rubriques at their length limit and past it (a separate workbook: a bad rubrique stops the reading of entries). */
function probedConvention(): ProbedWorkbook {
  const workbook = buildTableauPlan(emptyTracking(probePlan()), { now: NOW });
  const sheet = sheetOf(workbook, SHEETS.convention);
  const rule = CONVENTION_SPEC.rule;
  const max = rule.kind === "text" ? rule.maxLength : 0;
  const probes: Probe[] = [];
  CONVENTION_SPEC.rows
    .filter((row) => row.entry)
    .forEach((spec, index) => {
      const row = sheet.values.findIndex((cells) => cells[0] === spec.label);
      const value = "z".repeat(index % 2 === 0 ? max : max + 1);
      put(sheet, row, 1, value);
      probes.push({ sheet: sheet.name, cell: cellAddress(row, 1), value, what: `${spec.label} de ${value.length} caractères` });
    });
  return { ...workbook, probes };
}

async function verdicts(probed: ProbedWorkbook, dir: string, name: string) {
  const bytes = await planWorkbookBytes(probed, { deflater: nodeDeflater, modified: new Date(NOW) });
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const sheets = [...new Set(probed.probes.map((probe) => probe.sheet))];
  const libreOffice = JSON.parse(execFileSync(PYTHON, [INVALID_CELLS, file, ...sheets], { encoding: "utf8", timeout: 120_000 })) as Record<string, string[]>;
  const reading = (await readTableauBytes(bytes, name, TODAY)).reading;
  const ours = new Set(reading.issues.filter((issue) => issue.severity === "error").map((issue) => `${issue.sheet}!${issue.cell}`));
  const theirs = new Set(Object.entries(libreOffice).flatMap(([sheet, cells]) => cells.map((cell) => `${sheet}!${cell}`)));
  return probed.probes.map((probe) => {
    const key = `${probe.sheet}!${probe.cell}`;
    return { probe: `${key} ${probe.what}`, excel: theirs.has(key) ? "refusée" : "acceptée", ctg: ours.has(key) ? "refusée" : "acceptée" };
  });
}

describe("Excel's validation and ctg check agree on every rule's boundaries", () => {
  let dir: string;
  beforeAll(() => {
    requireTool("soffice", "libreoffice-calc-nogui");
    execFileSync(PYTHON, ["-c", "import uno"], { stdio: "ignore" });
    dir = mkdtempSync(join(tmpdir(), "ctg-rules-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("on the values of every indicator type, the référence and cible, the status, the avancement and the texts", async () => {
    const results = await verdicts(probedTableau(), dir, "bornes.xlsx");
    expect(results.length).toBeGreaterThan(60);
    // Both readers refuse some probes and accept others: a test where one side said the same of everything would prove nothing.
    expect(results.filter((result) => result.ctg === "refusée").length).toBeGreaterThan(20);
    expect(results.filter((result) => result.ctg === "acceptée").length).toBeGreaterThan(20);
    expect(results.filter((result) => result.excel !== result.ctg)).toEqual([]);
  });

  it("on the length of the « Convention » rubriques", async () => {
    const results = await verdicts(probedConvention(), dir, "convention.xlsx");
    expect(results.map((result) => result.ctg)).toEqual(expect.arrayContaining(["acceptée", "refusée"]));
    expect(results.filter((result) => result.excel !== result.ctg)).toEqual([]);
  });
});
