/**
 * Microsoft's Office.js runtime for Excel, loaded under Node: `excel-web-16.00.js` from our own dependency
 * `@microsoft/office-js`, evaluated in a jsdom window (the runtime expects a browser), one window per kind of host
 * so that a test can play an older Excel whose requirement sets stop at 1.7.
 */
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { type ApiSetTable, parseApiSets } from "./api-sets";
import { type HostCapabilities, type RuntimeWindow, installHost } from "./office-runtime";

let source: string | undefined;
let apiSets: ApiSetTable | undefined;

/** Each member's requirement set, as the runtime's generated code states it. */
export function runtimeApiSets(): ApiSetTable {
  source ??= readFileSync(runtimePath(), "utf8");
  apiSets ??= parseApiSets(source);
  return apiSets;
}
const windows = new Map<string, RuntimeWindow>();

export function runtimePath(): string {
  return require.resolve("@microsoft/office-js/dist/excel-web-16.00.js");
}

export function runtimeWindow(capabilities: HostCapabilities): RuntimeWindow {
  const key = `${capabilities.excelApi}|${capabilities.online}`;
  let window = windows.get(key);
  if (!window) {
    source ??= readFileSync(runtimePath(), "utf8");
    const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", { runScripts: "outside-only", url: "https://localhost/taskpane.html" });
    dom.window.eval(source);
    window = dom.window as unknown as RuntimeWindow;
    installHost(window, capabilities);
    windows.set(key, window);
  }
  return window;
}
