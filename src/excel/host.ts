/** The Office host itself: readiness, requirement sets and the batch runner, for the pane's bootstrap. */

export type HostReadiness = "excel" | "other-host" | "no-office";

export function officeAvailable(): boolean {
  return typeof Office !== "undefined";
}

export function whenOfficeReady(): Promise<HostReadiness> {
  if (!officeAvailable()) return Promise.resolve("no-office");
  return Office.onReady().then((info) => (info.host === Office.HostType.Excel ? "excel" : "other-host"));
}

export function isSetSupported(name: string, version: string): boolean {
  return Office.context.requirements.isSetSupported(name, version);
}

/** Runs a batch of work against the workbook: `Excel.run` in Excel, a fake host's session in tests. */
export type ExcelRun = <T>(work: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export function runInExcel<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(work);
}
