export { applyWorkbookPlan, type ApplyReport } from "./apply-plan";
export { readGrids } from "./read-grids";
export { DEFAULT_MAX_REQUEST_BYTES } from "./request-budget";
export { setUpTableau, type OfficeSetupResult } from "./setup-tableau";
export { writeQuarterEntry, EntryRefused, type QuarterEntry, type WrittenEntry } from "./write-entry";
export { setQuarterLocked } from "./lock-quarter";
export { readEntrySheets, TableauNotFound } from "./tableau-sheets";
export { whenOfficeReady, isSetSupported, runInExcel, type HostReadiness } from "./host";
export { generateBilan, readBilanReport, BilanRefused, type BilanRequest, type GeneratedBilan } from "./generate-report";
