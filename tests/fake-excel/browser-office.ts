/**
 * The end-to-end tests' stand-in for the Office loader, run in Chromium right after Microsoft's
 * `excel-web-16.00.js`: the production bundle of the task pane then talks to the real Office.js runtime, whose
 * requests reach the fake workbook kept in this page (or, with `?hote=worker`, in a worker: see worker-host.ts).
 * Bundled by the tests, never shipped.
 */
import type { ApiSetTable } from "./api-sets";
import { MODERN_HOST, type RequestHost, type RuntimeWindow, fakeSession, installHost } from "./office-runtime";
import type { ResponseMessage } from "./protocol";
import { FakeWorkbook } from "./server";
import { WorkbookState } from "./state";

const runtime = window as unknown as RuntimeWindow & { __excelApiSets?: ApiSetTable; __fakeHostWorkerSource?: string };
const query = new URLSearchParams(window.location.search);
const asked = query.get("excelApi");
// `?plateforme=Mac` plays Excel on another platform than the web (what Office.context.diagnostics reports).
const platform = query.get("plateforme");
const host = { ...MODERN_HOST, ...(asked ? { excelApi: asked } : {}), ...(platform ? { platform } : {}) };
const apiSets = runtime.__excelApiSets ?? {};

installHost(runtime, host);

if (query.get("hote") === "worker" && runtime.__fakeHostWorkerSource) {
  const worker = new Worker(URL.createObjectURL(new Blob([runtime.__fakeHostWorkerSource], { type: "text/javascript" })));
  worker.postMessage({ host, apiSets });
  const pending = new Map<number, { resolve(response: ResponseMessage): void; reject(error: Error): void }>();
  const stats = { syncs: 0 };
  worker.onmessage = ({ data }: MessageEvent<{ id: number; response?: ResponseMessage; error?: string; syncs?: number }>) => {
    const waiting = pending.get(data.id);
    pending.delete(data.id);
    if (data.syncs !== undefined) stats.syncs = data.syncs;
    if (data.error !== undefined) waiting?.reject(new Error(data.error));
    else if (data.response) waiting?.resolve(data.response);
  };
  let next = 0;
  const remote: RequestHost = {
    execute: (body) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, body });
      }),
  };
  runtime.OfficeExtension.SessionBase._overrideSession = fakeSession(runtime, remote);
  Object.assign(window, { __fakeExcel: { inWorker: true, stats } });
} else {
  const state = new WorkbookState();
  const workbook = new FakeWorkbook(state, { ...host, apiSets });
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
}
