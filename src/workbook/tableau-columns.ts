/**
 * Each sheet of the tableau described once: its columns (key, header, width, entry or structure, format, rule) or,
 * for « Convention », its rubriques. The sheet builders (src/workbook/sheets/), the readers (parse-structure.ts,
 * parse-tableau.ts), the pane's entry form and the tables of docs/format-classeur.md all derive from these specs.
 */
import { APPRECIATION_RULE, CONFIRMATION_RULE, CONVENTION_TEXT_RULE, type EntryRule, FREE_TEXT_RULE, PROGRESS_RULE, STATUS_RULE } from "../domain/entry-rules";
import { collectionLabels, plausibilityLabels, ruleLabels, sheetLabels } from "../labels/catalog";
import { validationOf } from "./cell-rules";
import { COLORS, NUMBER_FORMATS } from "./formats";
import type { DataValidationPlan } from "./sheet-plan";
import type { ColumnSpec } from "./table-sheet";

/** Where an entry column's rule comes from: the column itself, or the indicator of each row. */
export type ColumnRule =
  | { kind: "fixed"; rule: EntryRule; validation: Omit<DataValidationPlan, "range"> }
  | { kind: "indicator-value" }
  | { kind: "indicator-reference"; which: "baseline" | "target" };

export interface TableauColumn<K extends string = string> {
  key: K;
  header: string;
  /** What the column holds, as docs/format-classeur.md says it. */
  content: string;
  width: number;
  /** Entry columns are unlocked and tinted; the others are the plan's structure, rewritten by updates. */
  entry?: boolean;
  format?: string | null;
  wrap?: boolean;
  rule?: ColumnRule;
  /** Added by a later template (1.3, 1.4): a tableau of an earlier one lacks it, and readers go without. */
  optional?: boolean;
}

export interface TableauSheetSpec<K extends string = string> {
  name: string;
  table: string;
  columns: readonly TableauColumn<K>[];
  /** Columns identifying a row: an update finds rows again by them, and carries what people added beside. */
  keys: readonly K[];
  /** Entry columns an update keeps in place; by default every entry column. */
  kept?: readonly K[];
  frozenColumns: number;
  tabColor?: string;
}

const columns = sheetLabels.columns;

function fixed(rule: EntryRule, prompt: { title: string; message: string }, error: { title: string; message: string }): ColumnRule {
  return { kind: "fixed", rule, validation: validationOf(rule, prompt, error) };
}

/** A free-text entry column (réalisations, difficultés, ajustements, commentaire). */
function textColumn<K extends string>(key: K, words: { header: string }, prompt: string): TableauColumn<K> {
  return {
    key,
    header: words.header,
    content: sheetLabels.docs.freeText(FREE_TEXT_RULE.maxLength),
    width: 34,
    entry: true,
    wrap: true,
    format: NUMBER_FORMATS.text,
    rule: fixed(
      FREE_TEXT_RULE,
      { title: words.header, message: prompt },
      { title: ruleLabels.tooLongTitle, message: ruleLabels.text.refusal(FREE_TEXT_RULE.maxLength) },
    ),
  };
}

const statusList = STATUS_RULE.values.join(", ");

/** « Vérifié »: the person's mark on a row whose value or status a plausibility check flagged (template 1.3). */
function confirmedColumn(): TableauColumn<"confirmed"> {
  const words = plausibilityLabels;
  return {
    key: "confirmed",
    header: words.confirmedHeader,
    content: words.confirmedContent,
    width: 9,
    entry: true,
    optional: true,
    rule: fixed(CONFIRMATION_RULE, words.confirmedPrompt, words.confirmedRefusal),
  };
}

export const PLAN_SPEC: TableauSheetSpec<keyof typeof columns.plan> = {
  name: sheetLabels.names.plan,
  table: sheetLabels.tables.plan,
  columns: [
    { key: "axisCode", ...columns.plan.axisCode, width: 6 },
    { key: "axisTitle", ...columns.plan.axisTitle, width: 30, wrap: true },
    { key: "subAxisCode", ...columns.plan.subAxisCode, width: 9 },
    { key: "subAxisTitle", ...columns.plan.subAxisTitle, width: 30, wrap: true },
    { key: "code", ...columns.plan.code, width: 8 },
    { key: "title", ...columns.plan.title, width: 40, wrap: true },
    { key: "pilots", ...columns.plan.pilots, width: 28, wrap: true },
    { key: "partners", ...columns.plan.partners, width: 30, wrap: true },
    { key: "fields", ...columns.plan.fields, width: 22, wrap: true },
    { key: "deadline", ...columns.plan.deadline, width: 12, format: NUMBER_FORMATS.text },
    { key: "links", ...columns.plan.links, width: 14, wrap: true },
    { key: "objectives", ...columns.plan.objectives, width: 50, wrap: true },
  ],
  keys: ["code"],
  frozenColumns: 0,
};

export const INDICATORS_SPEC: TableauSheetSpec<keyof typeof columns.indicators> = {
  name: sheetLabels.names.indicators,
  table: sheetLabels.tables.indicators,
  columns: [
    { key: "id", ...columns.indicators.id, width: 12 },
    { key: "actionCode", ...columns.indicators.actionCode, width: 9 },
    { key: "label", ...columns.indicators.label, width: 60, wrap: true },
    { key: "type", ...columns.indicators.type, width: 14 },
    { key: "unit", ...columns.indicators.unit, width: 12 },
    { key: "baseline", ...columns.indicators.baseline, width: 14, entry: true, rule: { kind: "indicator-reference", which: "baseline" } },
    { key: "target", ...columns.indicators.target, width: 14, entry: true, rule: { kind: "indicator-reference", which: "target" } },
    { key: "aggregation", ...columns.indicators.aggregation, width: 16 },
    { key: "periodicity", ...columns.indicators.periodicity, width: 14 },
  ],
  keys: ["id"],
  // The référence and the cible come from the plan, which read them from this sheet: rewritten, not kept.
  kept: [],
  frozenColumns: 0,
};

export const TRACKING_SPEC: TableauSheetSpec<keyof typeof columns.tracking | "confirmed"> = {
  name: sheetLabels.names.tracking,
  table: sheetLabels.tables.tracking,
  columns: [
    { key: "quarter", ...columns.tracking.quarter, width: 10 },
    { key: "axisCode", ...columns.tracking.axisCode, width: 5 },
    { key: "code", ...columns.tracking.code, width: 8 },
    { key: "title", ...columns.tracking.title, width: 38, wrap: true },
    { key: "deadline", ...columns.tracking.deadline, width: 10, format: NUMBER_FORMATS.year },
    {
      key: "status",
      ...columns.tracking.status,
      width: 13,
      entry: true,
      rule: fixed(
        STATUS_RULE,
        { title: sheetLabels.prompts.status.title, message: sheetLabels.prompts.status.message(statusList) },
        { title: sheetLabels.prompts.statusRefused.title, message: sheetLabels.prompts.statusRefused.message(statusList) },
      ),
    },
    {
      key: "progress",
      ...columns.tracking.progress,
      width: 12,
      entry: true,
      format: NUMBER_FORMATS.percent,
      rule: fixed(
        PROGRESS_RULE,
        { title: ruleLabels.progress.title, message: ruleLabels.progress.prompt },
        { title: ruleLabels.progress.refusedTitle, message: ruleLabels.progress.refusal },
      ),
    },
    textColumn("achievements", columns.tracking.achievements, sheetLabels.prompts.achievements),
    textColumn("difficulties", columns.tracking.difficulties, sheetLabels.prompts.difficulties),
    textColumn("adjustments", columns.tracking.adjustments, sheetLabels.prompts.adjustments),
    confirmedColumn(),
  ],
  keys: ["quarter", "code"],
  frozenColumns: 4,
  tabColor: COLORS.entryTab,
};

export const MEASUREMENTS_SPEC: TableauSheetSpec<keyof typeof columns.measurements | "confirmed"> = {
  name: sheetLabels.names.measurements,
  table: sheetLabels.tables.measurements,
  columns: [
    { key: "actionCode", ...columns.measurements.actionCode, width: 9 },
    { key: "id", ...columns.measurements.id, width: 12 },
    { key: "label", ...columns.measurements.label, width: 50, wrap: true },
    { key: "type", ...columns.measurements.type, width: 13 },
    { key: "unit", ...columns.measurements.unit, width: 10 },
    { key: "quarter", ...columns.measurements.quarter, width: 10 },
    { key: "value", ...columns.measurements.value, width: 16, entry: true, rule: { kind: "indicator-value" } },
    textColumn("comment", columns.measurements.comment, sheetLabels.prompts.comment),
    confirmedColumn(),
  ],
  keys: ["id", "quarter"],
  frozenColumns: 3,
  tabColor: COLORS.entryTab,
};

const appreciationList = APPRECIATION_RULE.values.join(", ");

/**
 * « Évaluation des fiches » (template 1.4): one row per year × fiche, what article 9 asks to report beyond
 * réalisations: the effects for the inhabitants, their evidence, the objective's appreciation, the adjustments.
 */
export const FICHE_EVALUATION_SPEC: TableauSheetSpec<keyof typeof columns.ficheEvaluation> = {
  name: sheetLabels.names.ficheEvaluation,
  table: sheetLabels.tables.ficheEvaluation,
  columns: [
    { key: "year", ...columns.ficheEvaluation.year, width: 8, format: NUMBER_FORMATS.year },
    { key: "axisCode", ...columns.ficheEvaluation.axisCode, width: 5 },
    { key: "code", ...columns.ficheEvaluation.code, width: 8 },
    { key: "title", ...columns.ficheEvaluation.title, width: 34, wrap: true },
    textColumn("effects", columns.ficheEvaluation.effects, sheetLabels.prompts.effects),
    textColumn("evidence", columns.ficheEvaluation.evidence, sheetLabels.prompts.evidence),
    {
      key: "appreciation",
      ...columns.ficheEvaluation.appreciation,
      content: sheetLabels.docs.list(APPRECIATION_RULE.values),
      width: 16,
      entry: true,
      wrap: true,
      rule: fixed(
        APPRECIATION_RULE,
        { title: sheetLabels.prompts.appreciation.title, message: sheetLabels.prompts.appreciation.message(appreciationList) },
        { title: sheetLabels.prompts.appreciationRefused.title, message: sheetLabels.prompts.appreciationRefused.message(appreciationList) },
      ),
    },
    textColumn("adjustments", columns.ficheEvaluation.adjustments, sheetLabels.prompts.proposedAdjustments),
  ],
  keys: ["year", "code"],
  frozenColumns: 4,
  tabColor: COLORS.entryTab,
};

/** « Évaluation des axes » (template 1.4): one row per year × axe, its synthesis and the COPIL's decisions. */
export const AXIS_EVALUATION_SPEC: TableauSheetSpec<keyof typeof columns.axisEvaluation> = {
  name: sheetLabels.names.axisEvaluation,
  table: sheetLabels.tables.axisEvaluation,
  columns: [
    { key: "year", ...columns.axisEvaluation.year, width: 8, format: NUMBER_FORMATS.year },
    { key: "axisCode", ...columns.axisEvaluation.axisCode, width: 5 },
    { key: "title", ...columns.axisEvaluation.title, width: 34, wrap: true },
    { ...textColumn("synthesis", columns.axisEvaluation.synthesis, sheetLabels.prompts.synthesis), width: 60 },
    { ...textColumn("decisions", columns.axisEvaluation.decisions, sheetLabels.prompts.decisions), width: 50 },
  ],
  keys: ["year", "axisCode"],
  frozenColumns: 3,
  tabColor: COLORS.entryTab,
};

/** Columns of « Archives » added with the evaluation (template 1.4): an older archive lacks them. */
const LATER_ARCHIVE_COLUMNS: readonly string[] = ["effects", "evidence", "appreciation", "synthesis", "decisions"];

export const ARCHIVE_SPEC: TableauSheetSpec<keyof typeof columns.archive> = {
  name: sheetLabels.names.archive,
  table: sheetLabels.tables.archive,
  columns: (Object.keys(columns.archive) as (keyof typeof columns.archive)[]).map((key) => ({
    key,
    ...columns.archive[key],
    width: key === "label" ? 40 : 14,
    wrap: true,
    ...(key === "progress" ? { format: NUMBER_FORMATS.percent } : {}),
    ...(LATER_ARCHIVE_COLUMNS.includes(key) ? { optional: true } : {}),
  })),
  keys: ["kind", "quarter", "actionCode", "id"],
  kept: [],
  frozenColumns: 0,
  tabColor: COLORS.archiveTab,
};

export interface ConventionRow<K extends string = string> {
  key: K;
  label: string;
  prompt: string;
  content: string;
  format: string | null;
  /** People may correct these rubriques in the sheet; the dates are the plan's structure. */
  entry: boolean;
}

const rows = sheetLabels.convention.rows;
type ConventionKey = keyof typeof rows;

export const CONVENTION_SPEC: { name: string; rows: readonly ConventionRow<ConventionKey>[]; rule: EntryRule; widths: [number, number] } = {
  name: sheetLabels.names.convention,
  rows: [
    { key: "territory", ...rows.territory, format: null, entry: true },
    { key: "inseeOrSiren", ...rows.inseeOrSiren, format: NUMBER_FORMATS.text, entry: true },
    { key: "department", ...rows.department, format: null, entry: true },
    { key: "caf", ...rows.caf, format: null, entry: true },
    { key: "signatories", ...rows.signatories, format: null, entry: true },
    { key: "start", ...rows.start, format: NUMBER_FORMATS.date, entry: false },
    { key: "end", ...rows.end, format: NUMBER_FORMATS.date, entry: false },
  ],
  rule: CONVENTION_TEXT_RULE,
  widths: [24, 70],
};

/** `{ key: header }` of a sheet, for readers that find columns by their header. */
export function headersOf<K extends string>(spec: TableauSheetSpec<K>): Record<K, string> {
  return Object.fromEntries(spec.columns.map((column) => [column.key, column.header])) as Record<K, string>;
}

/** Keys of the entry columns, in the sheet's order: what a lock locks and an opening opens. */
export function entryKeysOf<K extends string>(spec: TableauSheetSpec<K>): K[] {
  return spec.columns.filter((column) => column.entry).map((column) => column.key);
}

/** Keys of the columns a reader may find missing (added by a later template). */
export function optionalKeysOf<K extends string>(spec: TableauSheetSpec<K>): K[] {
  return spec.columns.filter((column) => column.optional).map((column) => column.key);
}

export function columnIndex<K extends string>(spec: TableauSheetSpec<K>, key: K): number {
  const index = spec.columns.findIndex((column) => column.key === key);
  if (index < 0) throw new Error(`Unknown column ${key} of ${spec.name}`);
  return index;
}

export function columnOf<K extends string>(spec: TableauSheetSpec<K>, key: K): TableauColumn<K> {
  return spec.columns[columnIndex(spec, key)];
}

/** The columns as the table-sheet builder lays them out, with each fixed rule as the column's validation. */
export function layoutColumns(spec: TableauSheetSpec): ColumnSpec[] {
  return spec.columns.map((column) => ({
    header: column.header,
    width: column.width,
    ...(column.format !== undefined ? { format: column.format } : {}),
    ...(column.entry ? { entry: true } : {}),
    ...(column.wrap ? { wrap: true } : {}),
    ...(column.rule?.kind === "fixed" ? { validation: column.rule.validation } : {}),
  }));
}

const journalColumns = collectionLabels.columns.journal;

/** « Journal des retours »: one row per file merged and per value it wrote, with where it came from. */
export const JOURNAL_SPEC: TableauSheetSpec<keyof typeof journalColumns> = {
  name: collectionLabels.names.journal,
  table: collectionLabels.tables.journal,
  columns: [
    { key: "mergedAt", ...journalColumns.mergedAt, width: 20, format: NUMBER_FORMATS.text },
    { key: "person", ...journalColumns.person, width: 24, wrap: true },
    { key: "file", ...journalColumns.file, width: 30, wrap: true },
    { key: "kind", ...journalColumns.kind, width: 18 },
    { key: "code", ...journalColumns.code, width: 10 },
    { key: "period", ...journalColumns.period, width: 11, format: NUMBER_FORMATS.text },
    { key: "field", ...journalColumns.field, width: 16 },
    { key: "before", ...journalColumns.before, width: 24, wrap: true },
    { key: "after", ...journalColumns.after, width: 34, wrap: true },
  ],
  keys: ["mergedAt", "file", "kind", "code", "period", "field"],
  kept: [],
  frozenColumns: 0,
  tabColor: COLORS.archiveTab,
};

const contextColumns = collectionLabels.columns.context;

/** « Trimestres précédents » of a collection file: what the person entered before, to read only. */
export const COLLECTION_CONTEXT_SPEC: TableauSheetSpec<keyof typeof contextColumns> = {
  name: collectionLabels.names.context,
  table: collectionLabels.tables.context,
  columns: [
    { key: "quarter", ...contextColumns.quarter, width: 10, format: NUMBER_FORMATS.text },
    { key: "code", ...contextColumns.code, width: 9 },
    { key: "label", ...contextColumns.label, width: 44, wrap: true },
    { key: "value", ...contextColumns.value, width: 18, wrap: true },
    { key: "detail", ...contextColumns.detail, width: 40, wrap: true },
  ],
  keys: ["quarter", "code", "label"],
  kept: [],
  frozenColumns: 0,
};
