/** Writes a plan as the text of a répertoire in the Caf template, for round-trip tests and the import benchmark. */
import type { Plan } from "../../src/domain/plan";

export function repertoireText(plan: Plan): string {
  const lines: string[] = [`Répertoire des fiches actions CTG ${plan.convention.start.slice(0, 4)}-${plan.convention.end.slice(0, 4)}`, ""];
  for (const axis of plan.axes) {
    lines.push(`AXE ${axis.code} : ${axis.title.toUpperCase()}`, "");
    for (const subAxis of axis.subAxes) {
      lines.push(`${subAxis.code} / ${subAxis.title}`, "");
      for (const action of subAxis.actions) lines.push(`${action.code} ${action.title} ${action.deadline}`);
      lines.push("");
    }
  }
  let page = 2;
  for (const axis of plan.axes) {
    for (const subAxis of axis.subAxes) {
      for (const action of subAxis.actions) {
        lines.push("", String(page++), "", `${action.code} ${action.title}`, "", "ÉLÉMENTS DE CONTEXTE :", "- Un territoire rural de 8 000 habitants.", "");
        lines.push("RÉSULTATS ATTENDUS / OBJECTIFS :", ...action.objectives.map((objective) => `- ${objective}`), "");
        lines.push("PILOTE DE L'ACTION / RÉFÉRENTS :", ...action.pilots, "");
        lines.push("LES PARTENAIRES A MOBILISER / IMPLIQUER :", ...action.partners, "");
        lines.push("LES INDICATEURS D'EVALUATION :", ...action.indicators.map((indicator) => `- ${indicator.label}`), "");
        lines.push("Lien avec d'autres actions :", ...action.links, "", "Echéance :", action.deadline, "");
      }
    }
  }
  return lines.join("\n");
}
