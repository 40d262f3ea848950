/**
 * Stands in for office.js in a browser: `Office` and `Excel` globals backed by the fake host, so that the real
 * production bundle of the task pane runs in headless Chromium. Bundled by the end-to-end tests, never shipped.
 */
import { createFakeExcel } from "./index";

const host = createFakeExcel();

const office = {
  HostType: { Excel: "Excel" },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: "Excel", platform: "OfficeOnline" };
    queueMicrotask(() => callback?.(info));
    return Promise.resolve(info);
  },
  context: { requirements: { isSetSupported: (name: string, version: string) => name === "ExcelApi" && Number(version) <= 1.9 } },
};

Object.assign(window, {
  Office: office,
  Excel: { run: <T>(work: (context: Excel.RequestContext) => Promise<T>) => work(host.context) },
  __fakeExcel: host,
});
