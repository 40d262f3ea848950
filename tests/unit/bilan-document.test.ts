/**
 * The written bilan (.docx) through its public function, on reports computed at fixed dates: what the cover, each
 * part and the footer say, and the native charts it holds. Read back from the package here; the independent readers
 * (python-docx, LibreOffice) are in tests/e2e/written-document.test.ts.
 */
import JSZip from "jszip";
import { decodeXmlText } from "../support/xml-entities";
import type { Evaluations } from "../../src/domain/evaluation";
import { computeReport, petiteEnfanceOnly } from "../../src/domain/report";
import type { Tracking } from "../../src/domain/tracking";
import { documentFileName, renderBilanDocument } from "../../src/report/bilan-document";
import { demoTracking } from "../../src/samples/demo-entries";
import { samplePlan } from "../../src/samples/sample-plan";
import { fullTracking, syntheticPlan } from "../../src/samples/synthetic-plan";

const NOW = new Date("2026-12-06T10:00:00Z");

interface OpenedDocument {
  /** The text of each paragraph of the body, in order (table cells included). */
  paragraphs: string[];
  footers: string[];
  charts: string[];
}

const decode = decodeXmlText;

function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
    [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:instrText[^>]*>\s*(PAGE|NUMPAGES)\s*<\/w:instrText>/g)]
      .map((part) => (part[1] !== undefined ? decode(part[1]) : part[2] ? `{${part[2]}}` : "\n"))
      .join(""),
  );
}

async function open(bytes: Uint8Array): Promise<OpenedDocument> {
  const zip = await JSZip.loadAsync(bytes);
  const text = (name: string) => zip.file(name)!.async("string");
  const named = (pattern: RegExp) =>
    Object.keys(zip.files)
      .filter((name) => pattern.test(name))
      .sort();
  return {
    paragraphs: paragraphsOf(await text("word/document.xml")),
    footers: (await Promise.all(named(/^word\/footer\d+\.xml$/).map(text))).flatMap(paragraphsOf),
    charts: await Promise.all(named(/^word\/charts\/chart\d+\.xml$/).map(text)),
  };
}

const EVALUATIONS: Evaluations = {
  fiches: [
    {
      actionCode: "1.A.1",
      year: 2026,
      effects: "Vingt familles de plus ont une solution d'accueil",
      evidence: "Liste d'attente du RPE",
      appreciation: "Partiellement atteint",
      adjustments: "Ouvrir le samedi",
    },
  ],
  axes: [{ axisCode: "1", year: 2026, synthesis: "L'offre d'accueil progresse", decisions: "Ouverture le samedi retenue" }],
};

function demo(evaluations: Evaluations = EVALUATIONS): Tracking {
  return { ...demoTracking(samplePlan()), evaluations };
}

describe("the written bilan (.docx)", () => {
  it("opens on a cover naming the territory, the signataires, the period in words and the date of its figures", async () => {
    const report = computeReport(demo(), { kind: "annual", year: 2026, today: "2027-01-20" });
    expect(documentFileName(report)).toBe("bilan-annuel-2026.docx");
    const { bytes, headings } = await renderBilanDocument(report, { now: NOW });
    const { paragraphs, footers } = await open(bytes);
    const cover = paragraphs.slice(0, 16);
    expect(cover).toEqual(
      expect.arrayContaining([
        "Convention territoriale globale",
        "Point d'étape 2026",
        "Territoire\u00a0: Communauté de communes Monts, Rance et Rougier",
        "Caf\u00a0: Caf de l'Aveyron",
        "Convention du 01/01/2026 au 31/12/2030",
        "Période couverte\u00a0: du 1er trimestre 2026 au 4e trimestre 2026",
        "Chiffres arrêtés au 31/12/2026",
        "Signataires",
        "MSA Midi-Pyrénées Nord",
        "Document établi le 06/12/2026 avec CTG Suivi, à partir du tableau de suivi partagé",
      ]),
    );
    expect(cover.join("\n")).not.toMatch(/provisoire/i);
    expect(footers).toContain("Chiffres au 31/12/2026 — page {PAGE} sur {NUMPAGES}");
    // Synthesis, then one part per axe, then difficulties, values to confirm and annexes.
    expect(headings.filter((heading) => !/^\d\.[A-Z]\.\d /.test(heading))).toEqual([
      "Synthèse",
      "En graphiques",
      "Axe 1 — Consolider et développer les actions et services aux familles",
      "Synthèse de l'axe et décisions du COPIL",
      "Fiches actions",
      "Axe 2 — Favoriser et développer l'accès aux droits et aux services",
      "Fiches actions",
      "Axe 3 — Créer une dynamique territoriale et développer l'attractivité",
      "Fiches actions",
      "Difficultés et ajustements",
      "Valeurs à confirmer",
      "Annexes",
      "Annexe 1 — Tous les indicateurs",
      "Annexe 2 — Complétude du suivi",
      "Annexe 3 — Méthode",
    ]);
    expect(headings).toContain("1.A.1 Consolider et développer l'offre d'accueil petite enfance");
  });

  it("writes the evaluation where the numbers are: the fiche's effects, sources, appreciation and adjustments, the axe's synthesis and decisions", async () => {
    const report = computeReport(demo(), { kind: "annual", year: 2026, today: "2027-01-20" });
    const { paragraphs } = await open((await renderBilanDocument(report, { now: NOW })).bytes);
    const at = paragraphs.indexOf("1.A.1 Consolider et développer l'offre d'accueil petite enfance");
    const fiche = paragraphs.slice(at, paragraphs.indexOf("1.A.2 Consolidation de l'offre ALSH"));
    expect(fiche).toEqual(
      expect.arrayContaining([
        "Statut\u00a0: En cours, avancement 35\u00a0%. Échéance\u00a0: 2026.",
        "Évaluation 2026",
        "Effets pour les habitants\u00a0: Vingt familles de plus ont une solution d'accueil",
        "Sources et preuves\u00a0: Liste d'attente du RPE",
        "Appréciation de l'objectif\u00a0: Partiellement atteint",
        "Ajustements proposés\u00a0: Ouvrir le samedi",
        // The indicators' table: référence, value, cible, share of the cible and the value of each year.
        "Indicateur",
        "% de la cible",
        "Évolution par année",
        "Nombre de places disponibles/agréments",
      ]),
    );
    expect(paragraphs).toContain("Synthèse 2026\u00a0: L'offre d'accueil progresse");
    expect(paragraphs).toContain("Décisions du COPIL 2026\u00a0: Ouverture le samedi retenue");
    // A fiche without evaluation says so, rather than leaving a blank.
    const next = paragraphs.slice(
      paragraphs.indexOf("1.A.3 Continuité du projet jeunesse et développement de nouvelles actions"),
      paragraphs.indexOf("1.B.1 Actions de soutien à la parentalité et soutien du réseau parentalité local"),
    );
    expect(next).toContain("Évaluation écrite non rédigée pour cette période.");
    expect(paragraphs).toContain(
      "Appréciation des objectifs (la plus récente de la période)\u00a0: 0 atteint, 1 partiellement atteint, 0 non atteint, 0 trop tôt pour dire\u00a0; 14 fiche(s) sans appréciation.",
    );
  });

  it("holds native charts: statuses per axe and overall, and each axe's share of its cibles on a 0-100 % scale", async () => {
    const plan = syntheticPlan({ actions: 12, indicatorsPerAction: 2 });
    const report = computeReport(fullTracking(plan), { kind: "final", today: "2031-01-15" });
    const { charts } = await open((await renderBilanDocument(report, { now: NOW })).bytes);
    const axesWithTargets = report.statuses.perAxis.filter(({ axis }) =>
      report.indicators.some(
        (figures) =>
          figures.percentOfTarget !== undefined && report.actions.some((action) => action.axis === axis && action.action.code === figures.actionCode),
      ),
    ).length;
    expect(charts).toHaveLength(2 + axesWithTargets);
    expect(charts.some((xml) => xml.includes("Statuts des fiches actions par axe") && xml.includes('<c:grouping val="stacked"/>'))).toBe(true);
    expect(charts.some((xml) => xml.includes("<c:doughnutChart>") && xml.includes("Statuts des 12 fiches actions"))).toBe(true);
    const targets = charts.filter((xml) => xml.includes("Part de la cible atteinte"));
    expect(targets).toHaveLength(axesWithTargets);
    for (const xml of targets) {
      expect(xml).toMatch(/<c:max val="100"\/>/);
      expect(xml).toMatch(/<c:min val="0"\/>/);
      // No bar past 100 %: a larger share is stopped there and labelled with its value.
      for (const value of [...xml.matchAll(/<c:val>[\s\S]*?<\/c:val>/g)].flatMap((match) =>
        [...match[0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((point) => Number(point[1])),
      ))
        expect(value).toBeLessThanOrEqual(100);
    }
  });

  it("says « provisoire » on the cover and at the foot of every page of a bilan made before its period ends", async () => {
    const report = computeReport(demo(), { kind: "final", today: "2026-12-06", provisional: true });
    const { paragraphs, footers } = await open((await renderBilanDocument(report, { now: NOW })).bytes);
    expect(paragraphs[1]).toBe("Bilan final provisoire");
    expect(paragraphs).toContain("BILAN PROVISOIRE — établi au 06/12/2026, avant la fin de la période qu'il couvre\u00a0: ses chiffres changeront d'ici là.");
    expect(paragraphs).toContain("Période couverte\u00a0: du 1er trimestre 2026 au 4e trimestre 2030");
    expect(footers.length).toBeGreaterThan(0);
    for (const footer of footers) expect(footer).toBe("Document provisoire — chiffres au 06/12/2026 — page {PAGE} sur {NUMPAGES}");
  });

  it("shapes the CDSF extract as the schéma pluriannuel: offer, quantitative and qualitative development, calendar, costs, link with the SDSF", async () => {
    const tracking = petiteEnfanceOnly(demo());
    const report = computeReport(tracking, { kind: "annual", year: 2026, today: "2027-01-20" });
    expect(documentFileName(report, true)).toBe("bilan-annuel-2026-cdsf.docx");
    const { bytes, headings } = await renderBilanDocument(report, { cdsf: true, now: NOW });
    const { paragraphs } = await open(bytes);
    expect(paragraphs).toContain("Extrait petite enfance pour le comité départemental des services aux familles (CDSF)");
    const schema = headings.slice(headings.indexOf("Schéma pluriannuel de maintien et de développement de l'offre d'accueil du jeune enfant"));
    expect(schema.slice(0, 7)).toEqual([
      "Schéma pluriannuel de maintien et de développement de l'offre d'accueil du jeune enfant",
      "1. État de l'offre et des besoins d'accueil",
      "2. Développement quantitatif prévu",
      "3. Développement qualitatif",
      "4. Calendrier",
      "5. Estimation des coûts",
      "6. Articulation avec le schéma départemental des services aux familles",
    ]);
    // Only the petite-enfance fiches, with their objectives; the demo tracks no amount there: the document says so.
    expect(headings.filter((heading) => /^\d\.[A-Z]\.\d /.test(heading))).toEqual(["1.A.1 Consolider et développer l'offre d'accueil petite enfance"]);
    expect(paragraphs).toContain("Proposer des solutions d'offre d'accueil individuelle en adéquation avec les besoins des familles");
    expect(paragraphs).toContain(
      "Aucun indicateur de montant n'est suivi dans la partie petite enfance\u00a0: l'estimation des coûts est à joindre (investissement et fonctionnement, par année).",
    );
    expect(paragraphs).toContain("Appréciation de l'objectif (2026)\u00a0: Partiellement atteint");
  });

  it("lists in an annex the partners' returned files merged for the period, and none of another period's", async () => {
    const tracking: Tracking = {
      ...demoTracking(samplePlan()),
      journal: [
        {
          kind: "retour",
          code: "",
          period: "2026-T3",
          field: "",
          mergedAt: "2026-10-05T08:00:00.000Z",
          file: "Collecte 2026-T3 - RPE.xlsx",
          person: "RPE",
          after: 7,
        },
        {
          kind: "saisie",
          code: "1.A.1-I1",
          period: "2026-T3",
          field: "value",
          mergedAt: "2026-10-05T08:00:00.000Z",
          file: "Collecte 2026-T3 - RPE.xlsx",
          person: "RPE",
          after: 12,
        },
        {
          kind: "retour",
          code: "",
          period: "2027-T1",
          field: "",
          mergedAt: "2027-04-05T08:00:00.000Z",
          file: "Collecte 2027-T1 - RPE.xlsx",
          person: "RPE",
          after: 3,
        },
      ],
    };
    const report = computeReport(tracking, { kind: "annual", year: 2026, today: "2026-12-06" });
    expect(report.provenance).toEqual([
      { mergedAt: "2026-10-05T08:00:00.000Z", person: "RPE", file: "Collecte 2026-T3 - RPE.xlsx", quarter: "2026-T3", values: 7 },
    ]);
    const { paragraphs } = await open((await renderBilanDocument(report, { now: NOW })).bytes);
    const annex = paragraphs.indexOf("Annexe 4 — Origine des saisies intégrées");
    expect(annex).toBeGreaterThan(0);
    expect(paragraphs.slice(annex)).toEqual(expect.arrayContaining(["05/10/2026", "RPE", "Collecte 2026-T3 - RPE.xlsx", "3e trimestre 2026", "7"]));
    expect(paragraphs).not.toContain("Collecte 2027-T1 - RPE.xlsx");
    const without = await open(
      (await renderBilanDocument(computeReport(demoTracking(samplePlan()), { kind: "annual", year: 2026, today: "2026-12-06" }), { now: NOW })).bytes,
    );
    expect(without.paragraphs).not.toContain("Annexe 4 — Origine des saisies intégrées");
  });
});
