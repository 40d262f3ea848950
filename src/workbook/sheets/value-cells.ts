/** How an indicator's value sits in a cell: its cell value and its number format, by type. */
import { CONFIRMATION_RULE } from "../../domain/entry-rules";
import type { Indicator } from "../../domain/plan";
import type { MeasurementValue } from "../../domain/tracking";
import { vocabularyLabels } from "../../labels/catalog";
import { NUMBER_FORMATS } from "../formats";
import type { CellValue } from "../sheet-plan";

const [YES, NO] = vocabularyLabels.yesNo;

export function toCellValue(indicator: Pick<Indicator, "type">, value: MeasurementValue | undefined): CellValue {
  if (value === undefined) return null;
  if (indicator.type === "oui-non") return value === true ? YES : value === false ? NO : String(value);
  if (indicator.type === "taux" && typeof value === "number") return value / 100;
  return value;
}

/** The « Vérifié » mark of an entry, or an empty cell. */
export function confirmationCell(confirmed: boolean | undefined): string | null {
  return confirmed ? CONFIRMATION_RULE.values[0] : null;
}

/** A yes / no answer kept in the archive as the cell showed it. */
export function yesNoCell(value: boolean): string {
  return value ? YES : NO;
}

export function valueFormat(indicator: Pick<Indicator, "type">): string | null {
  switch (indicator.type) {
    case "nombre":
      return NUMBER_FORMATS.integer;
    case "taux":
      return NUMBER_FORMATS.rate;
    case "montant":
      return NUMBER_FORMATS.amount;
    case "echelle":
      return NUMBER_FORMATS.scale;
    default:
      return NUMBER_FORMATS.text;
  }
}

/** A référence or a cible is a number for every type that has one: a oui / non one is 1 or 0, not text. */
export function referenceFormat(indicator: Pick<Indicator, "type">): string | null {
  return indicator.type === "oui-non" ? NUMBER_FORMATS.scale : valueFormat(indicator);
}
