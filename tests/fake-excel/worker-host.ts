/**
 * The fake workbook in a Web Worker, for the pane's benchmark: Excel applies a request outside the add-in's
 * thread (another process on the desktop, another frame on the web), so the pane's long tasks and heap are measured
 * without the fake host's own work in them. The first message says which Excel to play; each later one is a
 * serialised request, answered with its response or with the error the host threw.
 */
import type { ApiSetTable } from "./api-sets";
import type { HostCapabilities } from "./office-runtime";
import { FakeWorkbook } from "./server";
import { WorkbookState } from "./state";

interface WorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
let workbook: FakeWorkbook | undefined;

scope.onmessage = ({ data }) => {
  if (!workbook) {
    const { host, apiSets } = data as { host: HostCapabilities; apiSets: ApiSetTable };
    workbook = new FakeWorkbook(new WorkbookState(), { ...host, apiSets });
    return;
  }
  const { id, body } = data as { id: number; body: string };
  try {
    scope.postMessage({ id, response: workbook.execute(body), syncs: workbook.stats.syncs });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
};
