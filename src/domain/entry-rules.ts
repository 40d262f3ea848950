/**
 * What each entry accepts, once: bounds, decimals, list values and lengths, per indicator type and for the fiche's
 * follow-up fields. The domain's checks (validation.ts, plan.ts) and the cells' data validation
 * (src/workbook/cell-rules.ts) both derive from these tables, so that Excel refuses in the cell exactly what
 * `ctg check` and the pane would refuse afterwards. The words of each rule are in the catalogue (ruleLabels).
 */
import { plausibilityLabels, ruleLabels, vocabularyLabels } from "../labels/catalog";
import { APPRECIATIONS, type IndicatorType, STATUSES } from "./vocabulary";

export interface NumberRule {
  kind: "number";
  min: number;
  max?: number;
  /** Decimal places accepted, in the unit users think in (0: whole numbers); absent: any. */
  decimals?: number;
  /** What a cell holds for one unit: a percentage is stored as a fraction (45 % is 0.45), so 100. */
  cellDivisor: 1 | 100;
}

export interface ChoiceRule {
  kind: "choice";
  values: readonly string[];
}

export interface TextRule {
  kind: "text";
  maxLength: number;
}

export type EntryRule = NumberRule | ChoiceRule | TextRule;

/** Longest text accepted in a free-text cell; Excel's text-length validation goes well above this. */
export const TEXT_MAX_LENGTH = 4000;
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

export interface IndicatorRule {
  /** What a quarterly value of the indicator accepts. */
  value: EntryRule;
  /** What its valeur de référence and its cible accept; none for a texte indicator. */
  reference?: NumberRule;
}

const whole = (min: number, max?: number): NumberRule => ({ kind: "number", min, ...(max === undefined ? {} : { max }), decimals: 0, cellDivisor: 1 });

export const INDICATOR_RULES: Record<IndicatorType, IndicatorRule> = {
  nombre: { value: whole(0), reference: whole(0) },
  taux: { value: { kind: "number", min: 0, max: 100, cellDivisor: 100 }, reference: { kind: "number", min: 0, max: 100, cellDivisor: 100 } },
  montant: { value: { kind: "number", min: 0, decimals: 2, cellDivisor: 1 }, reference: { kind: "number", min: 0, decimals: 2, cellDivisor: 1 } },
  echelle: { value: whole(SCALE_MIN, SCALE_MAX), reference: whole(SCALE_MIN, SCALE_MAX) },
  // The answer is picked in a list; a référence or a cible is 1 (oui) or 0 (non).
  "oui-non": { value: { kind: "choice", values: vocabularyLabels.yesNo }, reference: whole(0, 1) },
  texte: { value: { kind: "text", maxLength: TEXT_MAX_LENGTH } },
};

/** Avancement of a fiche in a quarter: a whole percentage. */
export const PROGRESS_RULE: NumberRule = { kind: "number", min: 0, max: 100, decimals: 0, cellDivisor: 100 };
export const STATUS_RULE: ChoiceRule = { kind: "choice", values: STATUSES };
/** The appreciation of a fiche's objective in its yearly evaluation. */
export const APPRECIATION_RULE: ChoiceRule = { kind: "choice", values: APPRECIATIONS };
/** Réalisations, difficultés, ajustements, commentaires, and the texts of the evaluation. */
export const FREE_TEXT_RULE: TextRule = { kind: "text", maxLength: TEXT_MAX_LENGTH };
/** The mark of a value or a status checked after a plausibility warning: « Oui », or nothing. */
export const CONFIRMATION_RULE: ChoiceRule = { kind: "choice", values: [plausibilityLabels.confirmedValue] };
/** A rubrique of the « Convention » sheet (territoire, Caf, signataires…). */
export const CONVENTION_TEXT_RULE: TextRule = { kind: "text", maxLength: 1000 };

export type NumberProblem = "outOfBounds" | "tooManyDecimals";

/** Which part of a number rule `value` (in the users' unit) breaks, if any. */
export function numberProblem(rule: NumberRule, value: number): NumberProblem | undefined {
  if (!Number.isFinite(value) || value < rule.min || (rule.max !== undefined && value > rule.max)) return "outOfBounds";
  if (rule.decimals === undefined) return undefined;
  if (rule.decimals === 0) return Number.isInteger(value) ? undefined : "tooManyDecimals";
  const scaled = value * 10 ** rule.decimals;
  // A cell's binary double is never exactly 12.34: a millionth of the last decimal is what Excel's ROUND ignores too.
  return Math.abs(Math.round(scaled) - scaled) < 1e-6 ? undefined : "tooManyDecimals";
}

/** Why a number does not fit an indicator type's référence (and, for numeric types, its values), or undefined. */
export function numericBoundsProblem(type: IndicatorType, value: number): string | undefined {
  const rule = INDICATOR_RULES[type].reference;
  const words = ruleLabels.indicator[type];
  if (!rule) return words.outOfBounds;
  const problem = numberProblem(rule, value);
  return problem ? words[problem] : undefined;
}
