/**
 * The collection in the open workbook, through the pane's gateway on Microsoft's runtime and the fake host: the
 * quarter's files prepared in one .zip, and returned files merged with only the cells concerned written, the journal
 * sheet created then appended to, conflicts left alone, a second merge changing nothing, foreign files refused.
 */
import type { Tracking } from "../../src/domain/tracking";
import { ReturnsRefused, hostSupport, writeMergedReturns } from "../../src/excel";
import { officeGateway } from "../../src/taskpane/gateway";
import { FICHE_EVALUATION_COLUMNS, SHEETS } from "../../src/workbook/layout";
import { readCollectionIdentity } from "../../src/workbook/parse-collection";
import { cellAddress } from "../../src/workbook/sheet-plan";
import { JOURNAL_SPEC } from "../../src/workbook/tableau-columns";
import { readReturnedFile } from "../../src/xlsx/collection-file";
import { type FakeExcelHost, createFakeExcel } from "../fake-excel";
import { filledReturn, unzipped } from "../support/collection-returns";
import { smallPlan } from "../support/small-plan";

const NOW = new Date("2026-11-24T10:00:00Z");

async function tableauHost(territory?: string): Promise<{ host: FakeExcelHost; gateway: ReturnType<typeof officeGateway> }> {
  const host = createFakeExcel();
  host.state.name = "suivi-ctg.xlsx";
  const gateway = officeGateway(host.run, () => NOW);
  const plan = smallPlan();
  if (territory) plan.convention.territory = territory;
  await gateway.setUp(plan);
  // The tableau already says something of 1.A.1 this quarter: a file saying otherwise is a conflict.
  await gateway.writeEntry({ status: { actionCode: "1.A.1", quarter: "2026-T4", status: "En cours" }, measurements: [] });
  host.resetStats();
  return { host, gateway };
}

async function trackingOf(gateway: ReturnType<typeof officeGateway>): Promise<Tracking> {
  const state = await gateway.read();
  if (!state.reading?.tracking) throw new Error("no tableau");
  return state.reading.tracking;
}

/** Every cell of every sheet, `Sheet|row,col` → value. */
function snapshot(host: FakeExcelHost): Map<string, unknown> {
  const all = new Map<string, unknown>();
  for (const sheet of host.state.sheets) for (const [key, cell] of sheet.cells) all.set(`${sheet.name}|${key}`, cell.value);
  return all;
}

function changedKeys(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key) !== after.get(key)).sort();
}

/** Sheet rows of « Suivi des fiches » or « Saisies » whose two key columns hold `first` and `second`. */
function rowWhere(host: FakeExcelHost, sheet: string, cols: [number, number], first: string | number, second: string | number): number {
  const state = host.sheet(sheet);
  for (let row = 1; state.peek(row, cols[0]) !== undefined; row++) {
    if (state.peek(row, cols[0])?.value === first && state.peek(row, cols[1])?.value === second) return row;
  }
  throw new Error(`No row ${first} ${second} in ${sheet}`);
}

/** What each pilote of the small plan types in their file for 2026-T4. */
function typedIn(tracking: Tracking): Tracking {
  return {
    ...tracking,
    statuses: [
      ...tracking.statuses.filter((entry) => entry.quarter !== "2026-T4"),
      { actionCode: "1.A.1", quarter: "2026-T4", status: "Reportée", progress: 80, achievements: "Micro-crèche ouverte en octobre" },
      { actionCode: "1.A.2", quarter: "2026-T4", status: "En cours", progress: 50 },
      { actionCode: "2.A.1", quarter: "2026-T4", status: "À lancer", difficulties: "Salle indisponible" },
    ],
    measurements: [
      { indicatorId: "1.A.1-I1", quarter: "2026-T4", value: 10 },
      { indicatorId: "1.A.1-I2", quarter: "2026-T4", value: 85 },
      { indicatorId: "1.A.1-I3", quarter: "2026-T4", value: 1200.5, comment: "Budget voté en conseil" },
      { indicatorId: "1.A.2-I1", quarter: "2026-T4", value: true },
      { indicatorId: "1.A.2-I2", quarter: "2026-T4", value: 4 },
      { indicatorId: "2.A.1-I1", quarter: "2026-T4", value: "Ateliers tablette" },
    ],
    evaluations: {
      fiches: [{ actionCode: "1.A.2", year: 2026, effects: "Douze assistantes maternelles accompagnées", appreciation: "Partiellement atteint" }],
      axes: [],
    },
  };
}

async function preparedFiles(gateway: ReturnType<typeof officeGateway>): Promise<Map<string, Uint8Array>> {
  const prepared = await gateway.collectionPackage({ quarter: "2026-T4", by: "pilote" });
  return unzipped(prepared.bytes);
}

function fileFor(files: Map<string, Uint8Array>, person: string): { name: string; bytes: Uint8Array } {
  const name = [...files.keys()].find((key) => key.endsWith(` - ${person}.xlsx`));
  if (!name) throw new Error(`No file for ${person}`);
  return { name, bytes: files.get(name)! };
}

describe("preparing a quarter's collection in the open workbook", () => {
  it("hands one workbook per pilote in one .zip, each saying whom and what it is for", async () => {
    const { host, gateway } = await tableauHost();
    const before = snapshot(host);
    const prepared = await gateway.collectionPackage({ quarter: "2026-T4", by: "pilote" });
    expect(prepared.fileName).toBe("Collecte 2026-T4.zip");
    expect(prepared.files).toEqual([
      { fileName: "Collecte 2026-T4 - Commune.xlsx", person: "Commune", fiches: ["1.A.1"] },
      { fileName: "Collecte 2026-T4 - RPE.xlsx", person: "RPE", fiches: ["1.A.2"] },
      { fileName: "Collecte 2026-T4 - CC.xlsx", person: "CC", fiches: ["2.A.1"] },
    ]);
    const files = await unzipped(prepared.bytes);
    expect([...files.keys()]).toEqual(prepared.files.map((file) => file.fileName));
    for (const file of prepared.files) {
      const read = await readReturnedFile(files.get(file.fileName)!, file.fileName);
      if ("unreadable" in read) throw new Error(read.unreadable);
      const identity = readCollectionIdentity(read.grids);
      expect(identity).toMatchObject({ ok: true, tableauName: "suivi-ctg.xlsx", withEvaluation: true });
      if (identity.ok) expect(identity.scope).toMatchObject({ person: file.person, actionCodes: file.fiches, quarter: "2026-T4", by: "pilote" });
    }
    // Preparing reads the workbook and writes nothing in it.
    expect(changedKeys(before, snapshot(host))).toEqual([]);
    expect(host.stats.syncs).toBeLessThanOrEqual(3);
  });

  it("prepares by partner, and refuses a quarter not begun in French", async () => {
    const { gateway } = await tableauHost();
    const byPartner = await gateway.collectionPackage({ quarter: "2026-T4", by: "partenaire" });
    expect(byPartner.files.map((file) => file.person)).toEqual(["Caf", "PMI", "France Services"]);
    await expect(gateway.collectionPackage({ quarter: "2027-T1", by: "pilote" })).rejects.toThrow(/n'a pas commencé/);
  });
});

describe("merging returned files into the open workbook", () => {
  it("writes only the cells the files bring, journals them, keeps a conflict, and changes nothing the second time", async () => {
    const { host, gateway } = await tableauHost();
    const files = await preparedFiles(gateway);
    const filled = typedIn(await trackingOf(gateway));
    const returned = await Promise.all(
      ["Commune", "RPE"].map(async (person) => {
        const file = fileFor(files, person);
        return { name: file.name, bytes: await filledReturn(file.bytes, file.name, filled) };
      }),
    );
    const before = snapshot(host);
    host.resetStats();
    const progress: string[] = [];
    const outcome = await gateway.mergeReturns(returned, { quarter: "2026-T4", onProgress: (step) => progress.push(`${step.index}/${step.total}`) });
    expect(progress).toEqual(["0/2", "1/2", "2/2"]);
    expect(outcome.files.map((file) => [file.person, file.status])).toEqual([
      ["Commune", expect.stringMatching(/accepted|warnings/)],
      ["RPE", expect.stringMatching(/accepted|warnings/)],
    ]);
    // « En cours » was in the tableau: the file's « Reportée » is shown, not written.
    expect(outcome.files[0].conflicts).toEqual([
      { kind: "statut", code: "1.A.1", period: "2026-T4", field: "status", inTableau: "En cours", returned: "Reportée" },
    ]);
    expect(outcome.reporting).toEqual([{ quarter: "2026-T4", expected: ["Commune", "RPE", "CC"], returned: ["Commune", "RPE"], missing: ["CC"] }]);

    const after = snapshot(host);
    const written = new Set(
      outcome.cells.map((address) => {
        const [sheet, cell] = address.split("!");
        const match = /^([A-Z]+)(\d+)$/.exec(cell)!;
        const col = [...match[1]].reduce((sum, char) => sum * 26 + char.charCodeAt(0) - 64, 0) - 1;
        return `${sheet}|${Number(match[2]) - 1},${col}`;
      }),
    );
    const outsideJournal = changedKeys(before, after).filter((key) => !key.startsWith(`${SHEETS.journal}|`));
    expect(outsideJournal.length).toBe(written.size);
    for (const key of outsideJournal) expect(written).toContain(key);

    const tracking = host.sheet(SHEETS.tracking);
    const statusRow = rowWhere(host, SHEETS.tracking, [0, 2], "2026-T4", "1.A.1");
    expect([5, 6, 7].map((col) => tracking.peek(statusRow, col)?.value)).toEqual(["En cours", 0.8, "Micro-crèche ouverte en octobre"]);
    const measures = host.sheet(SHEETS.measurements);
    expect(measures.peek(rowWhere(host, SHEETS.measurements, [1, 5], "1.A.1-I2", "2026-T4"), 6)?.value).toBe(0.85);
    expect(measures.peek(rowWhere(host, SHEETS.measurements, [1, 5], "1.A.2-I1", "2026-T4"), 6)?.value).toBe("Oui");
    const evaluationRow = rowWhere(host, SHEETS.ficheEvaluation, [0, 2], 2026, "1.A.2");
    const appreciation = Object.keys(FICHE_EVALUATION_COLUMNS).indexOf("appreciation");
    expect(host.sheet(SHEETS.ficheEvaluation).peek(evaluationRow, appreciation)?.value).toBe("Partiellement atteint");

    // The journal: one line per file and per value, with the tableau's layout.
    const journal = host.sheet(SHEETS.journal);
    const lines = journal.usedRect()!.rows - 1;
    expect(lines).toBe(2 + outcome.written);
    expect(journal.peek(0, 0)?.value).toBe(JOURNAL_SPEC.columns[0].header);
    expect(journal.peek(1, 3)?.value).toBe("Retour");
    expect(journal.protected).toBe(true);
    expect(journal.tables.map((table) => [table.name, table.rect.rows])).toEqual([[JOURNAL_SPEC.table, lines + 1]]);
    // Read the tableau (2), find the entry rows (2), the evaluation and journal sheets (1), the evaluation rows (1),
    // read the planned cells again (1), write them (1), lay out the new journal sheet (2).
    expect(host.stats.syncs).toBeLessThanOrEqual(10);
    const reread = await trackingOf(gateway);
    expect(reread.journal).toHaveLength(lines);
    expect(host.stats.requestBytes.every((bytes) => bytes < 4_000_000)).toBe(true);

    // The same files again: nothing new, nothing written, not even the journal.
    const again = await gateway.mergeReturns(returned, { quarter: "2026-T4" });
    expect(again.changed).toBe(false);
    expect(again.cells).toEqual([]);
    expect(changedKeys(after, snapshot(host))).toEqual([]);
  });

  it("appends a later return under the journal's lines, in its table, without rewriting them", async () => {
    const { host, gateway } = await tableauHost();
    const files = await preparedFiles(gateway);
    const filled = typedIn(await trackingOf(gateway));
    const first = fileFor(files, "RPE");
    await gateway.mergeReturns([{ name: first.name, bytes: await filledReturn(first.bytes, first.name, filled) }]);
    const journal = host.sheet(SHEETS.journal);
    const rows = journal.usedRect()!.rows;
    const earlier = Array.from({ length: rows }, (_, row) => JOURNAL_SPEC.columns.map((_, col) => journal.peek(row, col)?.value));

    const later = fileFor(files, "CC");
    host.resetStats();
    const outcome = await gateway.mergeReturns([{ name: later.name, bytes: await filledReturn(later.bytes, later.name, filled) }]);
    expect(outcome.written).toBeGreaterThan(0);
    // Read the tableau (2), find the entry rows (2), the evaluation and journal sheets (1), read the planned cells
    // again (1), write them with the journal's new lines (1).
    expect(host.stats.syncs).toBeLessThanOrEqual(7);
    const grown = host.sheet(SHEETS.journal);
    expect(grown.usedRect()!.rows).toBe(rows + 1 + outcome.written);
    expect(Array.from({ length: rows }, (_, row) => JOURNAL_SPEC.columns.map((_, col) => grown.peek(row, col)?.value))).toEqual(earlier);
    expect(grown.peek(rows, 2)?.value).toBe(later.name);
    expect(grown.peek(rows, 0)?.numberFormat).toBe("@");
    expect(grown.tables.map((table) => table.rect.rows)).toEqual([rows + 1 + outcome.written]);
    expect(grown.protected).toBe(true);
    expect((await trackingOf(gateway)).journal?.filter((line) => line.kind === "retour").map((line) => line.person)).toEqual(["RPE", "CC"]);
  });

  it("refuses a file of another tableau, a file that is not a collection, and the files of a locked quarter", async () => {
    const { host, gateway } = await tableauHost();
    const other = await tableauHost("Commune voisine");
    const foreign = fileFor(await preparedFiles(other.gateway), "Commune");
    const own = fileFor(await preparedFiles(gateway), "RPE");
    await gateway.setLocked("2026-T4", true);
    const before = snapshot(host);
    const outcome = await gateway.mergeReturns([
      foreign,
      { name: "notes.xlsx", bytes: new TextEncoder().encode("pas un classeur") },
      { name: own.name, bytes: await filledReturn(own.bytes, own.name, typedIn(await trackingOf(gateway))) },
    ]);
    expect(outcome.files.map((file) => file.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(outcome.files[0].reasons[0]).toMatch(/a été préparé pour un autre tableau de suivi \(Commune voisine\)/);
    expect(outcome.files[1].reasons[0]).toMatch(/ne peut pas être lu comme un classeur Excel/);
    expect(outcome.files[2].reasons[0]).toMatch(/verrouillé après le COPIL\s: rien n'y est écrit/);
    expect(changedKeys(before, snapshot(host))).toEqual([]);
  });
});

describe("the collection on Excel 2019 (ExcelApi 1.7)", () => {
  it("prepares and merges, the journal created without its print settings and a note that says so", async () => {
    const { host: modern, gateway: setUp } = await tableauHost();
    const files = await preparedFiles(setUp);
    const filled = typedIn(await trackingOf(setUp));
    const host = createFakeExcel(modern.state, { excelApi: "1.7" });
    const support = hostSupport((name, version) => name === "ExcelApi" && Number(version.split(".")[1]) <= 7);
    const gateway = officeGateway(host.run, () => NOW, support);
    await expect(gateway.collectionPackage({ quarter: "2026-T4", by: "pilote" })).resolves.toMatchObject({ fileName: "Collecte 2026-T4.zip" });
    const file = fileFor(files, "RPE");
    const outcome = await gateway.mergeReturns([{ name: file.name, bytes: await filledReturn(file.bytes, file.name, filled) }]);
    expect(outcome.written).toBeGreaterThan(0);
    expect(outcome.notes).toEqual([expect.stringMatching(/mise en page.*ExcelApi 1\.9/)]);
    expect(host.sheet(SHEETS.journal).usedRect()!.rows).toBe(2 + outcome.written);
    // The next return is appended with the same calls: tables, protection and row heights are ExcelApi 1.1 to 1.2.
    const later = fileFor(files, "CC");
    const appended = await gateway.mergeReturns([{ name: later.name, bytes: await filledReturn(later.bytes, later.name, filled) }]);
    expect(host.sheet(SHEETS.journal).usedRect()!.rows).toBe(3 + outcome.written + appended.written);
  });
});

describe("the writer of merged returns", () => {
  const change = { kind: "statut" as const, code: "1.A.2", period: "2026-T4", field: "progress", after: 50 };
  const retour = { kind: "retour" as const, code: "", period: "2026-T4", field: "", mergedAt: NOW.toISOString(), file: "x.xlsx", person: "RPE", after: 1 };

  it("never writes a quarter locked since the merge read the tableau", async () => {
    const { host, gateway } = await tableauHost();
    await gateway.setLocked("2026-T4", true);
    const before = snapshot(host);
    await expect(
      writeMergedReturns(host.context, { plan: smallPlan(), files: [{ file: "x.xlsx", quarter: "2026-T4", changes: [change] }], journal: [retour] }),
    ).rejects.toThrow(ReturnsRefused);
    expect(changedKeys(before, snapshot(host))).toEqual([]);
  });

  it("names a journal protected by someone's password and writes nothing", async () => {
    const { host, gateway } = await tableauHost();
    const files = await preparedFiles(gateway);
    const filled = typedIn(await trackingOf(gateway));
    const first = fileFor(files, "RPE");
    await gateway.mergeReturns([{ name: first.name, bytes: await filledReturn(first.bytes, first.name, filled) }]);
    const journal = host.sheet(SHEETS.journal);
    journal.protected = true;
    journal.password = "secret";
    const before = snapshot(host);
    const later = fileFor(files, "CC");
    await expect(gateway.mergeReturns([{ name: later.name, bytes: await filledReturn(later.bytes, later.name, filled) }])).rejects.toThrow(
      /Journal des retours/,
    );
    expect(changedKeys(before, snapshot(host))).toEqual([]);
    expect(journal.protected).toBe(true);
  });

  it("stops before writing anything when a co-author filled a planned cell meanwhile", async () => {
    const { host, gateway } = await tableauHost();
    const row = rowWhere(host, SHEETS.tracking, [0, 2], "2026-T4", "1.A.2");
    // The other person typed 30 % in the cell the merge planned to fill with 50 %.
    const other = host.otherSession();
    await other.run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.tracking).getRangeByIndexes(row, 6, 1, 1).values = [[0.3]];
      await context.sync();
    });
    const before = snapshot(host);
    await expect(
      writeMergedReturns(host.context, { plan: smallPlan(), files: [{ file: "x.xlsx", quarter: "2026-T4", changes: [change] }], journal: [retour] }),
    ).rejects.toThrow(new RegExp(`modifié pendant l'intégration \\(${SHEETS.tracking}!${cellAddress(row, 6)}\\)`));
    expect(changedKeys(before, snapshot(host))).toEqual([]);
    void gateway;
  });
});
