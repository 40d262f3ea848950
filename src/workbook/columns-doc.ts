/**
 * The tables of docs/format-classeur.md, generated from the sheets' specs (tableau-columns.ts) and the domain's
 * rules: what a column holds, whether people type in it, and the data validation Excel applies. `npm run
 * docs:columns` writes them into the document; a test fails when the document and the specs differ.
 */
import { INDICATOR_RULES } from "../domain/entry-rules";
import { INDICATOR_TYPES } from "../domain/vocabulary";
import { sheetLabels, vocabularyLabels } from "../labels/catalog";
import { describeCellRule } from "./cell-rules";
import { referenceFormat, valueFormat } from "./sheets/value-cells";
import {
  ARCHIVE_SPEC,
  AXIS_EVALUATION_SPEC,
  COLLECTION_CONTEXT_SPEC,
  JOURNAL_SPEC,
  FICHE_EVALUATION_SPEC,
  CONVENTION_SPEC,
  INDICATORS_SPEC,
  MEASUREMENTS_SPEC,
  PLAN_SPEC,
  type TableauColumn,
  type TableauSheetSpec,
  TRACKING_SPEC,
} from "./tableau-columns";

const docs = sheetLabels.docs;
const code = (text: string) => `\`${text}\``;

function table(headers: string[], rows: string[][]): string {
  return [`| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

function validationOf(column: TableauColumn): string {
  const rule = column.rule;
  if (!rule) return docs.none;
  if (rule.kind === "fixed") return describeCellRule(rule.rule);
  return docs.perIndicator;
}

function sheetTable(spec: TableauSheetSpec): string {
  const h = docs.headers;
  return table(
    [h.column, h.content, h.entry, h.validation],
    spec.columns.map((column) => [code(column.header), column.content, column.entry ? docs.yes : docs.no, validationOf(column)]),
  );
}

function conventionTable(): string {
  const h = docs.rowHeaders;
  return table(
    [h.label, h.value, h.entry, h.validation],
    CONVENTION_SPEC.rows.map((row) => [
      code(row.label),
      row.content,
      row.entry ? docs.yes : docs.structure,
      row.entry ? describeCellRule(CONVENTION_SPEC.rule) : docs.none,
    ]),
  );
}

function valueTypesTable(): string {
  const h = docs.valueHeaders;
  return table(
    [h.type, h.cell, h.format, h.validation, docs.referenceHeader],
    INDICATOR_TYPES.map((type) => {
      const rule = INDICATOR_RULES[type];
      return [
        vocabularyLabels.indicatorTypes[type],
        docs.cellOf[type],
        code(valueFormat({ type }) ?? "@"),
        describeCellRule(rule.value),
        rule.reference ? `${describeCellRule(rule.reference)} (${code(referenceFormat({ type }) ?? "@")})` : docs.emptyOnly,
      ];
    }),
  );
}

/** Each generated table, by the marker that delimits it in docs/format-classeur.md. */
export function columnTables(): Record<string, string> {
  return {
    convention: conventionTable(),
    plan: sheetTable(PLAN_SPEC),
    indicators: sheetTable(INDICATORS_SPEC),
    tracking: sheetTable(TRACKING_SPEC),
    measurements: sheetTable(MEASUREMENTS_SPEC),
    "value-types": valueTypesTable(),
    ficheEvaluation: sheetTable(FICHE_EVALUATION_SPEC),
    axisEvaluation: sheetTable(AXIS_EVALUATION_SPEC),
    archive: sheetTable(ARCHIVE_SPEC),
    journal: sheetTable(JOURNAL_SPEC),
    context: sheetTable(COLLECTION_CONTEXT_SPEC),
  };
}

const START = (name: string) => `<!-- colonnes:${name} -->`;
const END = (name: string) => `<!-- /colonnes:${name} -->`;

/** The document with every generated table put between its markers; throws when a marker is missing. */
export function withColumnTables(document: string): string {
  let text = document;
  for (const [name, generated] of Object.entries(columnTables())) {
    const start = text.indexOf(START(name));
    const end = text.indexOf(END(name));
    if (start < 0 || end < start) throw new Error(`docs/format-classeur.md lacks the markers ${START(name)} … ${END(name)}`);
    text = `${text.slice(0, start + START(name).length)}\n${generated}\n${text.slice(end)}`;
  }
  return text;
}
