/**
 * The petite-enfance extract's first chapter, shaped as the schéma pluriannuel de maintien et de développement de
 * l'offre d'accueil du jeune enfant (CASF D.214-10-1): the offer and the needs, the planned quantitative and
 * qualitative development, a calendar, a cost estimate and the link with the départemental schéma, so that a commune
 * can pass the CTG's petite-enfance part on as its schéma. The report it reads is already restricted to the
 * petite-enfance fiches (petiteEnfanceOnly).
 */
import type { Report } from "../domain/report";
import { documentLabels } from "../labels/catalog";
import { type Block, type DocumentParts, figureText, percentText } from "./document-parts";

const t = documentLabels;
const c = t.cdsf;

export function cdsfChapter(report: Report, parts: DocumentParts): Block[] {
  const columns = t.columns;
  const blocks: Block[] = [parts.heading(c.heading, 1, true), parts.paragraph(c.intro)];
  const titleOf = new Map(report.actions.map((figures) => [figures.action.code, figures.action.title]));
  const numeric = report.indicators.filter((figures) => figures.indicator.type !== "texte");
  const withNone = (rows: string[][], table: () => Block): Block => (rows.length === 0 ? parts.paragraph(c.noneInField) : table());

  blocks.push(parts.heading(c.offerHeading, 2), parts.paragraph(c.offerIntro));
  const offer = numeric.map((figures) => [
    figures.actionCode,
    figures.indicator.label,
    figureText(figures.indicator, figures.baseline),
    figureText(figures.indicator, figures.value),
    figureText(figures.indicator, figures.target),
  ]);
  blocks.push(
    withNone(offer, () => parts.table([columns.code, columns.indicator, columns.baseline, columns.value, columns.target], offer, [10, 45, 15, 15, 15])),
  );

  blocks.push(parts.heading(c.quantityHeading, 2), parts.paragraph(c.quantityIntro));
  const planned = numeric
    .filter((figures) => figures.indicator.type === "nombre" && figures.target !== undefined)
    .map((figures) => [
      figures.actionCode,
      `${titleOf.get(figures.actionCode) ?? ""}\n${figures.indicator.label}`,
      figureText(figures.indicator, figures.baseline),
      figureText(figures.indicator, figures.target),
      figures.percentOfTarget === undefined ? t.none : percentText(figures.percentOfTarget),
    ]);
  blocks.push(
    withNone(planned, () =>
      parts.table([columns.code, columns.action, columns.baseline, columns.target, columns.percentOfTarget], planned, [10, 50, 13, 13, 14]),
    ),
  );

  blocks.push(parts.heading(c.qualityHeading, 2), parts.paragraph(c.qualityIntro));
  if (report.actions.length === 0) blocks.push(parts.paragraph(c.noneInField));
  for (const figures of report.actions) {
    blocks.push(parts.label(t.fiche.heading(figures.action.code, figures.action.title)));
    blocks.push(...figures.action.objectives.map((objective) => parts.bullet(objective)));
    const latest = [...figures.evaluations].reverse().find((entry) => entry.appreciation || entry.effects);
    if (latest?.appreciation) blocks.push(parts.field(`${t.fiche.appreciation} (${latest.year})`, latest.appreciation));
    if (latest?.effects) blocks.push(parts.field(`${t.fiche.effects} (${latest.year})`, latest.effects));
  }

  blocks.push(parts.heading(c.calendarHeading, 2), parts.paragraph(c.calendarIntro));
  const calendar = report.actions.map((figures) => [
    figures.action.code,
    figures.action.title,
    figures.action.deadline || t.none,
    `${figures.status}${figures.late ? t.late : ""}`,
    figures.progress === undefined ? t.none : percentText(figures.progress),
  ]);
  blocks.push(
    withNone(calendar, () => parts.table([columns.code, columns.action, columns.deadline, columns.status, columns.progress], calendar, [10, 48, 14, 16, 12])),
  );

  blocks.push(parts.heading(c.costHeading, 2), parts.paragraph(c.costIntro));
  const costs = report.indicators.filter((figures) => figures.indicator.type === "montant");
  blocks.push(
    costs.length === 0
      ? parts.paragraph(c.noCost)
      : parts.table(
          [columns.code, columns.indicator, columns.value, columns.target, columns.evolution],
          costs.map((figures) => [
            figures.actionCode,
            figures.indicator.label,
            figureText(figures.indicator, figures.value),
            figureText(figures.indicator, figures.target),
            figures.perYear.map((point) => t.yearValue(point.year, figureText(figures.indicator, point.value))).join("\n") || t.none,
          ]),
          [10, 40, 15, 15, 20],
        ),
  );

  blocks.push(parts.heading(c.sdsfHeading, 2), parts.paragraph(c.sdsf));
  return blocks;
}
