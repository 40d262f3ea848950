/**
 * The domain's entry rules (src/domain/entry-rules.ts) as the data validation of cells: what the cell holds is
 * the users' value divided by the rule's `cellDivisor` (a percentage is a fraction), so bounds and decimals are
 * carried over into the cell's unit. Prompts and refusals come from the catalogue.
 */
import { type EntryRule, INDICATOR_RULES, type NumberRule } from "../domain/entry-rules";
import type { IndicatorType } from "../domain/vocabulary";
import { ruleLabels, sheetLabels, vocabularyLabels } from "../labels/catalog";
import type { DataValidationPlan, ValidationRule } from "./sheet-plan";

type Messages = Omit<DataValidationPlan, "range">;

/** Digits a value gains once stored in its cell: 2 for a percentage stored as a fraction. */
function divisorDigits(rule: NumberRule): number {
  return rule.cellDivisor === 100 ? 2 : 0;
}

/** A bound in the cell's unit, without the binary noise of the division (0.07, not 0.07000000000000001). */
function inCell(value: number, rule: NumberRule): number {
  return Number((value / rule.cellDivisor).toPrecision(12));
}

export function cellValidationRule(rule: EntryRule): ValidationRule {
  switch (rule.kind) {
    case "choice":
      return { kind: "list", values: rule.values };
    case "text":
      return { kind: "textLength", max: rule.maxLength };
    case "number": {
      const bounds = { min: inCell(rule.min, rule), ...(rule.max === undefined ? {} : { max: inCell(rule.max, rule) }) };
      if (rule.decimals === undefined) return { kind: "decimal", ...bounds };
      const decimals = rule.decimals + divisorDigits(rule);
      return decimals === 0 ? { kind: "whole", ...bounds } : { kind: "decimal", ...bounds, decimals };
    }
  }
}

/** Excel caps a prompt's and an alert's message at 255 characters. */
function fit(text: string): string {
  return text.length <= 255 ? text : `${text.slice(0, 254)}…`;
}

export function validationOf(rule: EntryRule, prompt: { title: string; message: string }, error: { title: string; message: string }): Messages {
  return {
    rule: cellValidationRule(rule),
    prompt: { title: prompt.title, message: fit(prompt.message) },
    error: { title: error.title, message: fit(error.message) },
  };
}

function refusalOf(type: IndicatorType): string {
  const refusal = ruleLabels.indicator[type].refusal;
  const rule = INDICATOR_RULES[type].value;
  return typeof refusal === "function" ? refusal(rule.kind === "text" ? rule.maxLength : 0) : refusal;
}

/** The validation of a value cell of « Saisies », by its indicator's type. */
export function indicatorValueValidation(type: IndicatorType, unit: string | undefined): Messages {
  return validationOf(
    INDICATOR_RULES[type].value,
    { title: vocabularyLabels.indicatorTypes[type], message: ruleLabels.indicator[type].prompt(unit ?? "") },
    { title: ruleLabels.refusedTitle, message: refusalOf(type) },
  );
}

/** The validation of a référence or cible cell of « Indicateurs », by its indicator's type. */
export function indicatorReferenceValidation(type: IndicatorType, which: "baseline" | "target"): Messages {
  const words = ruleLabels.reference;
  const title = which === "baseline" ? words.baselineTitle : words.targetTitle;
  const rule = INDICATOR_RULES[type].reference;
  // A texte indicator has no référence: its cell accepts nothing but staying empty.
  if (!rule)
    return validationOf({ kind: "text", maxLength: 0 }, { title, message: words.none }, { title: ruleLabels.refusedTitle, message: words.noneRefusal });
  const expectation = ruleLabels.indicator[type].referenceExpectation;
  return validationOf(
    rule,
    { title, message: which === "baseline" ? words.baselinePrompt(expectation) : words.targetPrompt(expectation) },
    { title: ruleLabels.refusedTitle, message: ruleLabels.indicator[type].referenceRefusal },
  );
}

/** docs/format-classeur.md's words for a rule, in the cell's unit. */
export function describeCellRule(rule: EntryRule): string {
  const docs = sheetLabels.docs;
  const validation = cellValidationRule(rule);
  const number = (value: number) => String(value).replace(".", ",");
  const bounds = (min: number, max: number | undefined) => (max === undefined ? docs.atLeast(number(min)) : docs.between(number(min), number(max)));
  switch (validation.kind) {
    case "list":
      return docs.list(validation.values);
    case "textLength":
      return validation.max === 0 ? docs.emptyOnly : docs.textLength(new Intl.NumberFormat("fr-FR").format(validation.max).replace(/\u202f/g, " "));
    case "whole":
      return docs.whole(bounds(validation.min, validation.max));
    case "decimal":
      return validation.decimals === undefined
        ? docs.decimal(bounds(validation.min, validation.max))
        : docs.decimals(bounds(validation.min, validation.max), validation.decimals);
    case "date":
      return docs.none;
  }
}
