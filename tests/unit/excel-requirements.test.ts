/**
 * The requirement set of each feature, checked on Microsoft's runtime: with a host that stops at the feature's
 * ExcelApi version the feature runs; one version lower, the runtime itself refuses a call (ApiNotFound).
 */
import {
  FEATURE_REQUIREMENTS,
  FeatureUnavailable,
  applyWorkbookPlan,
  generateBilan,
  hostSupport,
  readGrids,
  setQuarterLocked,
  setUpTableau,
  writeConsolidation,
  writeQuarterEntry,
} from "../../src/excel";
import { demoTracking } from "../../src/samples/demo-entries";
import { samplePlan } from "../../src/samples/sample-plan";
import { officeGateway } from "../../src/taskpane/gateway";
import { buildTableauPlan } from "../../src/workbook/build-tableau";
import { TABLEAU_SHEETS, readTableau } from "../../src/workbook/parse-tableau";
import { createFakeExcel, WorkbookState } from "../fake-excel";
import { NOW, TODAY } from "../support/small-plan";

async function demoState(): Promise<WorkbookState> {
  const host = createFakeExcel();
  await applyWorkbookPlan(host.context, buildTableauPlan(demoTracking(samplePlan()), { now: NOW }));
  return host.state;
}

function lower(version: string): string {
  const [major, minor] = version.split(".").map(Number);
  return `${major}.${minor - 1}`;
}

const CONSOLIDATION = { territories: [], fields: [], tallies: [], statuses: [], values: [], report: [], now: NOW };

const features: Record<string, (context: Excel.RequestContext, pageLayout: boolean) => Promise<unknown>> = {
  check: async (context) => readTableau(await readGrids(context, TABLEAU_SHEETS), { today: TODAY }),
  entry: (context) => writeQuarterEntry(context, { status: { actionCode: "1.A.1", quarter: "2026-T3", status: "En cours", progress: 20 }, measurements: [] }),
  lock: (context) => setQuarterLocked(context, "2026-T2", true),
  // Generated twice: the second time over the bilan sheet of the first.
  bilan: async (context, pageLayout) => {
    await generateBilan(context, { kind: "annual", year: 2026 }, { today: TODAY, pageLayout, dataValidation: false });
    return generateBilan(context, { kind: "annual", year: 2026 }, { today: TODAY, pageLayout, dataValidation: false });
  },
  // Written twice: the second time over the sheets of the first, as a re-consolidation does.
  consolidation: async (context, pageLayout) => {
    await writeConsolidation(context, CONSOLIDATION, { pageLayout, dataValidation: false });
    return writeConsolidation(context, CONSOLIDATION, { pageLayout, dataValidation: false });
  },
  setup: (context, pageLayout) => setUpTableau(context, samplePlan(), { now: NOW, today: TODAY }, { pageLayout }),
};

describe("requirement sets, feature by feature, on Microsoft's runtime", () => {
  it.each(Object.keys(features))("%s runs with exactly the ExcelApi set it declares", async (feature) => {
    const version = FEATURE_REQUIREMENTS[feature as keyof typeof FEATURE_REQUIREMENTS].excelApi;
    const pageLayout = false;
    const state = async () => (feature === "consolidation" ? new WorkbookState() : demoState());
    const enough = createFakeExcel(await state(), { excelApi: version });
    await expect(enough.run((context) => features[feature](context, pageLayout))).resolves.toBeDefined();
    const older = createFakeExcel(await state(), { excelApi: lower(version) });
    await expect(older.run((context) => features[feature](context, pageLayout))).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("needs ExcelApi 1.9 for the page layout, and skips it with a French note below", async () => {
    const state = new WorkbookState();
    const withoutPrint = createFakeExcel(state, { excelApi: "1.8" });
    await expect(withoutPrint.run((context) => setUpTableau(context, samplePlan(), { now: NOW, today: TODAY }, { pageLayout: true }))).rejects.toMatchObject({
      code: "ApiNotFound",
    });
    const done = await withoutPrint.run((context) => setUpTableau(context, samplePlan(), { now: NOW, today: TODAY }, { pageLayout: false }));
    expect(done.notes).toEqual([expect.stringMatching(/mise en page.*ExcelApi 1\.9/)]);
    expect(state.find("Suivi des fiches")?.page).toEqual({});
  });

  it("names the feature a host cannot run, in French, before anything is sent", async () => {
    const host = createFakeExcel(new WorkbookState(), { excelApi: "1.7" });
    const support = hostSupport((name, version) => name === "ExcelApi" && Number(version.split(".")[1]) <= 7);
    const gateway = officeGateway(host.run, () => new Date(NOW), support);
    await expect(gateway.setUp(samplePlan())).rejects.toThrow(new FeatureUnavailable("setup"));
    await expect(gateway.setUp(samplePlan())).rejects.toThrow(/La mise en place ou la mise à jour du tableau .* nécessite ExcelApi 1\.8.*Excel 2021/);
    expect(host.stats.syncs).toBe(0);
  });
});

describe("the manifest and the pane agree", () => {
  it("asks Office for the set the pane needs to load, no more", async () => {
    const { readFileSync } = await import("node:fs");
    const manifest = readFileSync(require.resolve("../../manifest.xml"), "utf8");
    const sets = [...manifest.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\s*\/>/g)].map((match) => [match[1], match[2]]);
    expect(sets).toEqual([["ExcelApi", FEATURE_REQUIREMENTS.pane.excelApi]]);
    // Every feature needs at least what the manifest asks for: none can run where the add-in is not offered.
    for (const requirement of Object.values(FEATURE_REQUIREMENTS)) expect(Number(requirement.excelApi.split(".")[1])).toBeGreaterThanOrEqual(7);
  });
});
