/** A first guess of an indicator's type from its label, for the user to review before the tableau is built. */
import { foldText, type IndicatorType } from "../domain/vocabulary";

export function inferIndicatorType(label: string): IndicatorType {
  const text = foldText(label);
  if (/^(taux|part|pourcentage|proportion)\b|%/.test(text)) return "taux";
  if (/^(nombres?|nb|nbre)\b/.test(text)) return "nombre";
  if (/\b(satisfaction|appreciation)\b/.test(text)) return "echelle";
  if (/\b(montant|budget|cout|euros?)\b|€/.test(text)) return "montant";
  return "texte";
}
