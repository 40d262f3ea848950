export { applyWorkbookPlan, type ApplyReport } from "./apply-plan";
export { readGrids } from "./read-grids";
export { DEFAULT_MAX_REQUEST_BYTES } from "./request-budget";
export { setUpTableau, type OfficeSetupResult } from "./setup-tableau";
