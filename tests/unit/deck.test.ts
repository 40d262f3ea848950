import JSZip from "jszip";
import { decodeXmlText } from "../support/xml-entities";
import { readPlan } from "../../src/domain/plan";
import { computeReport, petiteEnfanceOnly, type Report } from "../../src/domain/report";
import type { Tracking } from "../../src/domain/tracking";
import { DIFFICULTIES_PER_SLIDE, FICHES_PER_SLIDE, LATE_PER_SLIDE, MAX_DIFFICULTIES, deckFileName, renderDeck, writeDeck } from "../../src/report/deck";
import { demoTracking } from "../../src/samples/demo-entries";
import { samplePlan } from "../../src/samples/sample-plan";
import { fullTracking, syntheticPlan } from "../../src/samples/synthetic-plan";
import { SMALL_PLAN_JSON } from "../support/small-plan";

/** After the demo and synthetic conventions (2026-2030): every bilan as of the end of its period. */
const AFTER_CONVENTION = "2031-01-15";

const NOW = new Date("2026-11-24T10:00:00Z");

interface OpenedDeck {
  slides: string[];
  /** Text of each slide, in order. */
  texts: string[];
  /** Chart XML referenced by each slide, in order. */
  charts: string[][];
}

async function open(bytes: Uint8Array): Promise<OpenedDeck> {
  const zip = await JSZip.loadAsync(bytes);
  const slides = Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const texts: string[] = [];
  const charts: string[][] = [];
  for (const slide of slides) {
    const xml = await zip.file(slide)!.async("string");
    texts.push([...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => decode(match[1])).join(" "));
    const rels = await zip.file(slide.replace("slides/", "slides/_rels/") + ".rels")!.async("string");
    const targets = [...rels.matchAll(/Target="(?:\.\.|\/ppt)\/charts\/(chart\d+\.xml)"/g)].map((match) => match[1]);
    charts.push(await Promise.all(targets.map((target) => zip.file(`ppt/charts/${target}`)!.async("string"))));
  }
  return { slides, texts, charts };
}

const decode = decodeXmlText;

/** The values of each series of a chart: series name → numbers. */
function seriesOf(chartXml: string): Map<string, number[]> {
  const result = new Map<string, number[]>();
  for (const match of chartXml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)) {
    const series = match[1];
    const name = decode(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(series)![1]);
    const values = /<c:val>([\s\S]*?)<\/c:val>/.exec(series)![1];
    result.set(
      name,
      [...values.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v>/g)].map((point) => Number(point[1])),
    );
  }
  return result;
}

function categoriesOf(chartXml: string): string[] {
  const categories = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(chartXml)![1];
  return [...categories.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v>/g)].map((point) => decode(point[1]));
}

function expectedSlideCount(report: Report, withSeries: boolean): number {
  const perAxis = report.statuses.perAxis.reduce(
    (total, { axis }) => total + Math.max(1, Math.ceil(report.actions.filter((figures) => figures.axis.code === axis.code).length / FICHES_PER_SLIDE)),
    0,
  );
  const difficulties = Math.min(MAX_DIFFICULTIES, report.actions.filter((figures) => figures.latestDifficulties).length);
  const closing = Math.max(1, Math.ceil(report.late.length / LATE_PER_SLIDE), Math.ceil(difficulties / DIFFICULTIES_PER_SLIDE));
  return 3 + perAxis + (withSeries ? 1 : 0) + closing;
}

describe("COPIL deck", () => {
  it("holds a title, a synthesis, a slide per axe and the late fiches, with native charts fed by the bilan's figures", async () => {
    const report = computeReport(demoTracking(samplePlan()), { kind: "annual", year: 2026, today: AFTER_CONVENTION });
    const deck = await open(await writeDeck(report, { now: NOW }));
    expect(deck.slides).toHaveLength(expectedSlideCount(report, true));
    expect((await renderDeck(report, { now: NOW })).titles).toHaveLength(deck.slides.length);

    expect(deck.texts[0]).toContain("Point d'étape 2026");
    expect(deck.texts[0]).toContain("Communauté de communes Monts, Rance et Rougier");
    expect(deck.texts[0]).toContain("Période couverte\u00a0: du 1er trimestre 2026 au 4e trimestre 2026");
    expect(deck.texts[0]).toContain("Chiffres au 31/12/2026");
    expect(deck.texts[0]).toContain("Comité de pilotage de la Convention territoriale globale");
    expect(deck.texts[0]).toContain("24/11/2026");

    // Synthesis: a doughnut of the statuses at the end of the period, only those present.
    expect(deck.texts[1]).toContain("Synthèse");
    expect(deck.texts[1]).toContain(`${report.actions.length} fiches actions suivies`);
    const [doughnut] = deck.charts[1];
    expect(doughnut).toContain("<c:doughnutChart>");
    const present = (["À lancer", "En cours", "Réalisée", "Reportée", "Abandonnée", "Non renseigné"] as const).filter(
      (status) => report.statuses.overall[status] > 0,
    );
    expect(categoriesOf(doughnut)).toEqual(present);
    expect(seriesOf(doughnut).get("Fiches actions")).toEqual(present.map((status) => report.statuses.overall[status]));
    expect(present.reduce((total, status) => total + report.statuses.overall[status], 0)).toBe(report.actions.length);

    // Statuses per axe: stacked horizontal bars, one series per status, one category per axe (first axe on top).
    const [stacked] = deck.charts[2];
    expect(stacked).toContain('<c:grouping val="stacked"/>');
    expect(stacked).toContain('<c:barDir val="bar"/>');
    const perAxis = [...report.statuses.perAxis].reverse();
    expect(categoriesOf(stacked)).toEqual(perAxis.map(({ axis }) => `Axe ${axis.code}`));
    expect(seriesOf(stacked).get("En cours")).toEqual(perAxis.map(({ counts }) => counts["En cours"]));
    expect(seriesOf(stacked).get("Réalisée")).toEqual(perAxis.map(({ counts }) => counts.Réalisée));

    // One slide per axe (three axes of at most nine fiches), each listing its fiches with their status.
    for (const [index, { axis }] of report.statuses.perAxis.entries()) {
      const text = deck.texts[3 + index];
      expect(text).toContain(`Axe ${axis.code} — ${axis.title}`);
      for (const figures of report.actions.filter((item) => item.axis.code === axis.code)) {
        expect(text).toContain(figures.action.code);
        expect(text).toContain(figures.status);
      }
    }
    // Axe 1 has indicators with a cible: their % of the cible as bars.
    const axisOneTargets = report.indicators.filter((figures) => figures.actionCode.startsWith("1.") && figures.percentOfTarget !== undefined);
    expect(axisOneTargets.length).toBeGreaterThan(0);
    const [targets] = deck.charts[3];
    expect(targets).toContain("<c:barChart>");
    // On the deck's one scale: a bar stops at 100 %, its label gives how far the indicator went.
    expect([...seriesOf(targets).get("% de la cible")!].reverse()).toEqual(axisOneTargets.map((figures) => Math.min(100, figures.percentOfTarget!)));
    for (const figures of axisOneTargets)
      expect(categoriesOf(targets).some((label) => label.startsWith(`${figures.actionCode} `) && label.includes("\u00a0%"))).toBe(true);

    // The indicator with the most values gets its series slide (two quarters: a table of them).
    const series = deck.texts[3 + report.statuses.perAxis.length];
    expect(series).toMatch(/^Évolution trimestrielle/);
    expect(series).toContain("2e trimestre 2026");

    const last = deck.texts[deck.texts.length - 1];
    expect(last).toContain("Fiches en retard et principales difficultés");
    expect(last).toContain("Aucune fiche en retard.");
    for (const figures of report.actions.filter((item) => item.latestDifficulties)) expect(last).toContain(figures.latestDifficulties!.text);
  });

  it("draws the series of the indicator the user picks, with its cible, as a curve from four points on", async () => {
    const tracking = fullTracking(syntheticPlan({ actions: 4, indicatorsPerAction: 2 }));
    const report = computeReport(tracking, { kind: "annual", year: 2027, today: AFTER_CONVENTION });
    const picked = report.indicators.find(
      (figures) => figures.target !== undefined && figures.perQuarter.filter((point) => typeof point.value === "number").length >= 4,
    )!;
    const deck = await open(await writeDeck(report, { now: NOW, seriesIndicatorId: picked.indicator.id }));
    const index = deck.texts.findIndex((text) => text.startsWith("Évolution trimestrielle"));
    expect(deck.texts[index]).toContain(picked.actionCode);
    const series = seriesOf(deck.charts[index][0]);
    expect(series.get("Cible")!.every((value) => value === picked.target)).toBe(true);
    expect(deck.texts[index]).toContain("Cible");
  });

  it("shows a series of fewer than four points as a table, not two dots", async () => {
    const report = computeReport(demoTracking(samplePlan()), { kind: "annual", year: 2026, today: AFTER_CONVENTION });
    const picked = report.indicators.find((figures) => figures.perQuarter.filter((point) => typeof point.value === "number").length === 2)!;
    const deck = await open(await writeDeck(report, { now: NOW, seriesIndicatorId: picked.indicator.id }));
    const index = deck.texts.findIndex((text) => text.startsWith("Évolution trimestrielle"));
    expect(deck.charts[index]).toEqual([]);
    expect(deck.texts[index]).toContain("1er trimestre 2026");
    expect(deck.texts[index]).toContain("2e trimestre 2026");
  });

  it("reads from the back of the room: one 0-100 % scale for every cible, the longer bars capped and labelled, tables at 12 pt at least", async () => {
    const tracking = demoTracking(samplePlan());
    const report = computeReport(tracking, { kind: "annual", year: 2026, today: AFTER_CONVENTION });
    const deck = await open(await writeDeck(report, { now: NOW }));
    const targetCharts = deck.charts.flat().filter((xml) => xml.includes("% de la cible atteint"));
    expect(targetCharts.length).toBeGreaterThan(0);
    for (const xml of targetCharts) {
      expect(xml).toMatch(/<c:max val="100"\/>/);
      expect(xml).toMatch(/<c:min val="0"\/>/);
      for (const value of seriesOf(xml).get("% de la cible")!) expect(value).toBeLessThanOrEqual(100);
    }
    // Every table cell's text at 12 pt at least (sz in hundredths of a point).
    for (const slide of deck.slides)
      for (const size of slide.matchAll(/<a:tbl>[\s\S]*?<\/a:tbl>/g))
        for (const run of size[0].matchAll(/sz="(\d+)"/g)) expect(Number(run[1])).toBeGreaterThanOrEqual(1200);
  });

  it("says on every slide the date its figures are true at, and that a bilan made before its period ends is provisoire", async () => {
    const report = computeReport(demoTracking(samplePlan()), { kind: "final", today: "2026-11-24", provisional: true });
    const deck = await open(await writeDeck(report, { now: NOW }));
    expect(deck.texts[0]).toContain("Bilan provisoire\u00a0: chiffres au 24/11/2026, avant la fin de la période");
    for (const text of deck.texts.slice(1)) expect(text).toContain("provisoire, chiffres au 24/11/2026");
  });

  it("continues long axes and long lists on '(suite)' slides", async () => {
    const plan = syntheticPlan({ actions: 40, indicatorsPerAction: 2 });
    const tracking = fullTracking(plan);
    // Difficulties on many fiches, and a past deadline on some, so that the closing slide needs several pages.
    tracking.statuses = tracking.statuses.map((entry, index) => (index % 3 === 0 ? { ...entry, difficulties: `Difficulté n° ${index}` } : entry));
    for (const axis of plan.axes) for (const sub of axis.subAxes) for (const action of sub.actions.slice(0, 4)) action.deadline = "2026";
    const report = computeReport(tracking, { kind: "final", today: AFTER_CONVENTION });
    expect(report.late.length).toBeGreaterThan(LATE_PER_SLIDE);
    const deck = await open(await writeDeck(report, { now: NOW }));
    expect(deck.slides).toHaveLength(expectedSlideCount(report, true));
    expect(deck.texts.filter((text) => text.includes("(suite)")).length).toBeGreaterThan(2);
    const closing = deck.texts.filter((text) => text.startsWith("Fiches en retard et principales difficultés"));
    for (const figures of report.late) expect(closing.some((text) => text.includes(figures.action.code))).toBe(true);
    const withDifficulties = report.actions.filter((figures) => figures.latestDifficulties).length;
    expect(withDifficulties).toBeGreaterThan(MAX_DIFFICULTIES);
    expect(closing.filter((text) => text.includes(`… et ${withDifficulties - MAX_DIFFICULTIES} autres fiches avec des difficultés`))).toHaveLength(1);
    // Balanced pages: the last "(suite)" of an axe is never a lone fiche when the axe has ten.
    expect(deck.texts.filter((text) => text.startsWith("Axe ")).every((text) => (text.match(/\d\.[A-Z]\.\d/g) ?? []).length >= 2)).toBe(true);
    // Every fiche appears on its axe's slides.
    const axisText = deck.texts.filter((text) => text.startsWith("Axe ")).join(" ");
    for (const figures of report.actions) expect(axisText).toContain(figures.action.title.slice(0, 30));
  });

  it("says so when nothing is late or difficult, and draws no line without numeric values", async () => {
    const reading = readPlan(JSON.parse(JSON.stringify(SMALL_PLAN_JSON)));
    if (!reading.ok) throw new Error("plan");
    const empty: Tracking = { plan: reading.plan, statuses: [], measurements: [], lockedQuarters: [], archive: [] };
    const report = computeReport(empty, { kind: "annual", year: 2026, today: AFTER_CONVENTION });
    const deck = await open(await writeDeck(report, { now: NOW }));
    expect(deck.slides).toHaveLength(expectedSlideCount(report, false));
    expect(deck.texts.some((text) => text.startsWith("Évolution"))).toBe(false);
    const last = deck.texts[deck.texts.length - 1];
    expect(last).toContain("Aucune fiche en retard.");
    expect(last).toContain("Aucune difficulté signalée sur la période.");
    expect(categoriesOf(deck.charts[1][0])).toEqual(["Non renseigné"]);
  });

  it("makes the CDSF extract from the petite-enfance fiches only, and names the files by kind", async () => {
    const tracking = demoTracking(samplePlan());
    const report = computeReport(petiteEnfanceOnly(tracking), { kind: "midterm", today: AFTER_CONVENTION });
    const deck = await open(await writeDeck(report, { cdsf: true, now: NOW }));
    expect(deck.texts[0]).toContain("Bilan intermédiaire — extrait petite enfance (CDSF)");
    const listed = deck.texts.filter((text) => text.startsWith("Axe ")).join(" ");
    for (const figures of report.actions) expect(figures.action.fields).toContain("petite enfance");
    for (const figures of report.actions) expect(listed).toContain(figures.action.code);
    expect(deckFileName(report, true)).toBe("copil-intermediaire-cdsf.pptx");
    expect(deckFileName(computeReport(tracking, { kind: "annual", year: 2027, today: AFTER_CONVENTION }))).toBe("copil-annuel-2027.pptx");
    expect(deckFileName(computeReport(tracking, { kind: "final", today: AFTER_CONVENTION }))).toBe("copil-final.pptx");
  });
});
