/**
 * The written bilan's charts, as native Word charts: statuses per axe and overall, and per axe the share of each
 * cible reached, on one 0-100 % scale throughout the document (a longer bar is stopped at 100 % and labelled with
 * its value), as in the COPIL deck.
 */
import { ChartRun } from "docx/charts";
import { NOT_ENTERED, type StatusOrNone } from "../domain/dashboard";
import type { Axis } from "../domain/plan";
import type { Report } from "../domain/report";
import { STATUSES } from "../domain/vocabulary";
import { documentLabels } from "../labels/catalog";
import { STATUS_CHART_COLORS, shorten } from "../workbook/build-report";
import { percentText } from "./document-parts";

const t = documentLabels.charts;
const STATUS_ORDER: StatusOrNone[] = [...STATUSES, NOT_ENTERED];
const hex = (color: string) => color.replace("#", "");
/** Bars in one axe's chart: more would not read on a page; the axe's table lists every indicator. */
export const MAX_TARGET_BARS = 15;
const WIDTH = 620;
const FONT = { name: "Calibri" };

export function perAxisChart(report: Report): ChartRun {
  const present = STATUS_ORDER.filter((status) => report.statuses.overall[status] > 0);
  const axes = report.statuses.perAxis;
  return new ChartRun({
    type: "bar",
    title: { text: t.perAxis, font: { size: 12, bold: true } },
    font: FONT,
    stacking: "stacked",
    categories: axes.map(({ axis }) => t.axisLabel(axis.code)),
    // The first axe at the top, as the tables read.
    categoryAxis: { reverseOrder: true },
    series: (present.length > 0 ? present : STATUS_ORDER).map((status) => ({
      name: status,
      values: axes.map(({ counts }) => counts[status]),
      color: hex(STATUS_CHART_COLORS[status]),
    })),
    legend: { position: "bottom" },
    transformation: { width: WIDTH, height: Math.min(520, 120 + 34 * axes.length) },
    altText: { name: t.perAxis, description: t.perAxis },
  });
}

export function overallChart(report: Report): ChartRun {
  const present = STATUS_ORDER.filter((status) => report.statuses.overall[status] > 0);
  const shown = present.length > 0 ? present : [NOT_ENTERED];
  return new ChartRun({
    type: "doughnut",
    title: { text: t.overall(report.actions.length), font: { size: 12, bold: true } },
    font: FONT,
    categories: shown,
    series: [
      { name: t.series, values: shown.map((status) => report.statuses.overall[status]), colors: shown.map((status) => hex(STATUS_CHART_COLORS[status])) },
    ],
    dataLabels: { value: true },
    legend: { position: "right" },
    transformation: { width: WIDTH, height: 300 },
    altText: { name: t.overall(report.actions.length), description: t.overall(report.actions.length) },
  });
}

/** The share of each cible reached by the axe's indicators, or nothing when none has a cible. */
export function axisTargetsChart(report: Report, axis: Axis): ChartRun | undefined {
  const codes = new Set(report.actions.filter((figures) => figures.axis === axis).map((figures) => figures.action.code));
  const charted = report.indicators.filter((figures) => codes.has(figures.actionCode) && figures.percentOfTarget !== undefined);
  if (charted.length === 0) return undefined;
  const shown = charted.slice(0, MAX_TARGET_BARS);
  const title = charted.length > shown.length ? t.someTargets(shown.length, charted.length) : t.targets;
  return new ChartRun({
    type: "bar",
    title: { text: title, font: { size: 12, bold: true } },
    font: FONT,
    categories: shown.map((figures) => `${figures.indicator.id} ${shorten(figures.indicator.label, 45)}`),
    categoryAxis: { reverseOrder: true },
    valueAxis: { minimum: 0, maximum: 100, interval: 20 },
    series: [
      {
        name: t.percentSeries,
        values: shown.map((figures) => Math.min(100, figures.percentOfTarget ?? 0)),
        color: "2F75B5",
        // A bar stopped at 100 % says how far past its cible the indicator went.
        pointLabels: shown.map((figures) =>
          (figures.percentOfTarget ?? 0) > 100 ? { value: true, text: percentText(figures.percentOfTarget ?? 0) } : undefined,
        ),
      },
    ],
    dataLabels: { value: true, numberFormat: '0" %"' },
    legend: false,
    transformation: { width: WIDTH, height: Math.min(620, 90 + 26 * shown.length) },
    altText: {
      name: title,
      description: shown.map((figures) => `${figures.indicator.id}\u00a0: ${percentText(figures.percentOfTarget ?? 0)}`).join("\u00a0; "),
    },
  });
}
