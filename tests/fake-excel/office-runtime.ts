/**
 * Connects Microsoft's Office.js runtime (`@microsoft/office-js`, `excel-web-16.00.js`, already evaluated in a
 * window) to the fake workbook. Microsoft's code builds every request (object paths, actions, load and sync
 * rules, API-set checks) and reads every response; ours stands where Excel and the Office loader would:
 * - a session whose request executor hands each request body, serialised, to the fake workbook;
 * - the loader's part of `Office` that excel-web-16.00.js does not contain: `Office.onReady`, `Office.HostType`
 *   and the requirement sets the host says it supports.
 * No Node dependency: the same code runs under jsdom in the unit tests and in Chromium in the end-to-end tests.
 */
import type { RequestMessage, ResponseMessage } from "./protocol";

/** Whatever answers a serialised request: the fake workbook in this thread, or one in a worker. */
export interface RequestHost {
  execute(serialisedBody: string): ResponseMessage | Promise<ResponseMessage>;
}

export interface HostCapabilities {
  /** Highest ExcelApi requirement set of the host, e.g. "1.7" for Excel 2019 volume licence. */
  excelApi: string;
  /** ExcelApiOnline (features of Excel on the web only). */
  online: boolean;
  /** Office.context.diagnostics.platform the host reports: "OfficeOnline" (the default), "PC", "Mac", "iOS"… */
  platform?: string;
}

export const MODERN_HOST: HostCapabilities = { excelApi: "1.20", online: false };

/** The globals the runtime defines in its window, typed as far as this harness uses them. */
export interface RuntimeWindow {
  Excel: {
    RequestContext: new (session: unknown) => Excel.RequestContext;
    run<T>(session: unknown, work: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  };
  OfficeExtension: { SessionBase: { prototype: object; _overrideSession?: unknown } };
  Office: Record<string, unknown>;
  OSF: Record<string, unknown>;
  setTimeout(callback: () => void, ms: number): unknown;
}

export function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const diff = (left[index] ?? 0) - (right[index] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

export function requirementCheck(capabilities: HostCapabilities): (name: string, version?: string | number) => boolean {
  return (name, version) => {
    const asked = version === undefined ? "1.1" : String(version);
    if (name === "ExcelApi") return compareVersions(asked, capabilities.excelApi) <= 0;
    if (name === "ExcelApiOnline") return capabilities.online;
    // Sets the runtime itself asks about to shape its requests (undo, runtime flags): a current host has them.
    return ["ExcelApiUndo", "RichApiRuntime", "RichApiRuntimeFlag"].includes(name);
  };
}

/**
 * Plays the Office loader's part once the runtime is loaded: the host is Excel, ready at once, with these
 * requirement sets. The runtime asks `Office.context.requirements` through `OSF._OfficeAppFactory`.
 */
export function installHost(window: RuntimeWindow, capabilities: HostCapabilities): void {
  const isSetSupported = requirementCheck(capabilities);
  const platform = capabilities.platform ?? "OfficeOnline";
  const context = { requirements: { isSetSupported }, diagnostics: { host: "Excel", platform, version: "16.0" } };
  window.OSF._OfficeAppFactory = { getContext: () => context, getHostInfo: () => ({ isDialog: false }), getId: () => "ctg-fake-host" };
  const info = { host: "Excel", platform };
  Object.assign(window.Office, {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    onReady(callback?: (ready: typeof info) => void) {
      window.setTimeout(() => callback?.(info), 0);
      return Promise.resolve(info);
    },
  });
}

/**
 * A session of the runtime (a `SessionBase`, which Excel.RequestContext accepts in place of a URL) whose request
 * executor is the fake workbook. Each request is serialised with `JSON.stringify(message.Body)`, as it would
 * travel, and answered on a later turn of the event loop, as Excel answers.
 */
export function fakeSession(window: RuntimeWindow, workbook: RequestHost): object {
  const executor = {
    executeAsync(_customData: unknown, _flags: number, message: RequestMessage): Promise<ResponseMessage> {
      const body = JSON.stringify(message.Body);
      return new Promise((resolve, reject) =>
        window.setTimeout(() => {
          try {
            Promise.resolve(workbook.execute(body)).then(resolve, reject);
          } catch (error) {
            reject(error);
          }
        }, 0),
      );
    },
  };
  const session = Object.create(window.OfficeExtension.SessionBase.prototype) as Record<string, unknown>;
  session._resolveRequestUrlAndHeaderInfo = () => Promise.resolve({ url: "https://fake-excel.invalid/", headers: {} });
  session._createRequestExecutorOrNull = () => executor;
  session.getEventRegistration = () => null;
  return session;
}
