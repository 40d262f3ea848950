/**
 * The end-to-end tests' stand-in for the Office loader, run in Chromium right after Microsoft's
 * `excel-web-16.00.js`: the production bundle of the task pane then talks to the real Office.js runtime, whose
 * requests reach the fake workbook kept in this page. Bundled by the tests, never shipped.
 */
import type { ApiSetTable } from "./api-sets";
import { MODERN_HOST, type RuntimeWindow, fakeSession, installHost } from "./office-runtime";
import { FakeWorkbook } from "./server";
import { WorkbookState } from "./state";

const runtime = window as unknown as RuntimeWindow & { __excelApiSets?: ApiSetTable };
const asked = new URLSearchParams(window.location.search).get("excelApi");
const host = { ...MODERN_HOST, ...(asked ? { excelApi: asked } : {}) };
const state = new WorkbookState();
const workbook = new FakeWorkbook(state, { ...host, apiSets: runtime.__excelApiSets ?? {} });

installHost(runtime, host);
// The runtime's own hook for a session that replaces the host: every Excel.run of the pane goes through it.
runtime.OfficeExtension.SessionBase._overrideSession = fakeSession(runtime, workbook);

Object.assign(window, {
  __fakeExcel: {
    state,
    stats: workbook.stats,
    workbook,
    sheet(name: string) {
      const sheet = state.find(name);
      if (!sheet) throw new Error(`No sheet ${name} in the fake workbook`);
      return sheet;
    },
  },
});
