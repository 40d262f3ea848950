import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { readPlan } from "../../src/domain/plan";
import { inferIndicatorType } from "../../src/import/indicator-type";
import { NotARepertoire, parseRepertoire } from "../../src/import/parse-repertoire";

const seed = readFileSync(resolve(__dirname, "../../../shared/seeds/003_7db3a68b281f32e6.txt"), "utf8");

function actionsOf(result: ReturnType<typeof parseRepertoire>) {
  return result.plan.axes.flatMap((axis) => axis.subAxes.flatMap((sub) => sub.actions));
}

describe("import of the seed répertoire (CC Monts, Rance et Rougier)", () => {
  const result = parseRepertoire(seed);
  const actions = actionsOf(result);

  it("finds all 15 fiches with their exact codes, titles and indicator counts", () => {
    expect(actions.map((action) => action.code)).toEqual([
      "1.A.1",
      "1.A.2",
      "1.A.3",
      "1.B.1",
      "2.A.1",
      "2.A.2",
      "2.A.3",
      "2.A.4",
      "2.B.1",
      "2.B.2",
      "2.B.3",
      "3.A.1",
      "3.B.1",
      "3.B.2",
      "3.B.3",
    ]);
    expect(actions.map((action) => action.indicators.length)).toEqual([5, 7, 5, 5, 6, 4, 4, 3, 4, 3, 3, 4, 4, 6, 3]);
    expect(actions[0].title).toBe("Consolider et développer l'offre d'accueil petite enfance");
    expect(actions[12].title).toBe(
      "Rencontres des professionnels de la petite-enfance, de l'enfance et de la jeunesse et du sanitaire et du social du territoire (en lien avec les actions inscrites dans la CTG)",
    );
    expect(actions[14].title).toBe("Mise en place d'un Réseau Infos Familles (RIF)");
  });

  it("reads axes, sous-axes, pilotes, partenaires, objectifs, liens and the convention that follows", () => {
    expect(result.plan.axes.map((axis) => [axis.code, axis.subAxes.map((sub) => sub.code)])).toEqual([
      ["1", ["1.A", "1.B"]],
      ["2", ["2.A", "2.B"]],
      ["3", ["3.A", "3.B"]],
    ]);
    expect(actions[1].partners).toContain("Ligue de l'enseignement (ALSH Camarès)");
    expect(actions[1].partners).toContain("MDPH");
    expect(actions[3].pilots).toEqual([
      "Communauté de Communes – Chargée de coopération CTG",
      "Relais Petite Enfance – Coordinatrice",
      "Espace de Vie Sociale – Coordinatrice",
    ]);
    expect(actions[2].objectives).toContain("Mettre en place des activités par ou pour les jeunes en s'appuyant sur les ressources existantes");
    expect(actions[2].links).toEqual(["2.A.3", "3.A.1", "3.B.3"]);
    expect(actions[11].links).toEqual([]);
    expect(actions[0].sections["Éléments de contexte"]).toMatch(/19 Assistantes Maternelles/);
    expect(result.plan.convention).toEqual({ territory: "Communauté de communes Monts, Rance et Rougier", start: "2026-01-01", end: "2030-12-31" });
  });

  it("reports the document's inconsistencies, located by fiche and section", () => {
    const found = result.warnings.map((warning) => `${warning.code} ${warning.section}`);
    expect(found).toEqual(
      expect.arrayContaining(["2.A.3 intitulé", "3.B.3 intitulé", "1.A.2 échéance", "2.B.3 échéance", "2.B.1 liens", "2.B.2 liens", "2.B.3 liens"]),
    );
    expect(result.warnings.find((warning) => warning.code === "2.B.1")?.message).toMatch(/2\.B\.4, qui n'existe pas/);
  });

  it("gives a plan that the plan reader accepts as it is", () => {
    const reading = readPlan(JSON.parse(JSON.stringify(result.plan)));
    expect(reading.ok).toBe(true);
  });
});

const VARIANT = `Répertoire des fiches actions CTG 2025-2028

Axe 1 - Petite enfance
1.A - Accueil du jeune enfant
1.A.1 Créer une micro-crèche 2026
1.A.2 Former les assistantes maternelles
2027

Axe 2 : Jeunesse
2.A / Loisirs des jeunes
2.A.1 Ouvrir un espace jeunes 2028
2.A.2 Fiche annoncée sans contenu 2026

1.A.1 – Créer une micro-crèche

Elements de contexte
Aucune structure collective sur la commune.

Résultats attendus :
• Ouvrir 10 places
• Répondre aux familles
  qui travaillent en horaires décalés

Pilote de l'action / référents :
Mairie

Les partenaires a mobiliser :
Caf, MSA, PMI

LES INDICATEURS D'EVALUATION
1. Nombre de places ouvertes
2. Taux d'occupation de la

Répertoire des fiches actions CTG 2025-2028
   micro-crèche
3. Montant des investissements

Autres actions liées : 2.A.1 et 9.Z.9

Échéances :
Fin 2026

12

1.A.2 Former les assistantes maternelles

RÉSULTATS ATTENDUS / OBJECTIFS
− Proposer deux formations par an

PILOTES / REFERENTS
RPE

Indicateurs d'évaluation :
− Nb de formations
− Satisfaction des assistantes maternelles

Liens autres actions :
1.A.1 Créer une micro-crèche

Echéance : 2027

2.A.1 Ouvrir un espace jeunes

ÉLÉMENTS DE CONTEXTE :
Pas de lieu pour les 12-17 ans.

PILOTE DE L'ACTION :
Communauté de communes

Lien(s) avec d'autres actions :
Aucun

Echéance : 2028

3.A.1 Fiche absente du sommaire

Résultats attendus :
- Mieux informer
Pilote de l'action : CCAS
Les indicateurs d'évaluation :
- Mise en place d'un point info

CONVENTION TERRITORIALE GLOBALE
Entre la Caf et la Commune de Saint-Exemple représentée par son maire.
La présente convention est conclue à compter du 1er juillet 2025 jusqu'au 30 juin 2028.
`;

describe("import of another répertoire in the same template", () => {
  const result = parseRepertoire(VARIANT);
  const actions = actionsOf(result);

  it("reads headings with or without accents, capitals or colons, and every kind of item marker", () => {
    expect(actions.map((action) => action.code)).toEqual(["1.A.1", "1.A.2", "2.A.1", "3.A.1"]);
    const [creche, formation, jeunes] = actions;
    expect(creche.objectives).toEqual(["Ouvrir 10 places", "Répondre aux familles qui travaillent en horaires décalés"]);
    expect(creche.indicators).toEqual([
      { label: "Nombre de places ouvertes", type: "nombre" },
      { label: "Taux d'occupation de la micro-crèche", type: "taux" },
      { label: "Montant des investissements", type: "montant" },
    ]);
    expect(creche.partners).toEqual(["Caf", "MSA", "PMI"]);
    expect(creche.links).toEqual(["2.A.1", "9.Z.9"]);
    expect(formation.indicators.map((indicator) => indicator.type)).toEqual(["nombre", "echelle"]);
    expect(formation.deadline).toBe("2027");
    expect(jeunes.links).toEqual([]);
    expect(jeunes.pilots).toEqual(["Communauté de communes"]);
  });

  it("reads the convention after the last fiche without swallowing it", () => {
    expect(result.plan.convention).toEqual({ territory: "Commune de Saint-Exemple", start: "2025-07-01", end: "2028-06-30" });
    expect(actionsOf(result)[3].indicators).toEqual([{ label: "Mise en place d'un point info", type: "texte" }]);
  });

  it("reports a fiche without body, a body absent from the summary, a missing link and a fiche without indicator", () => {
    const found = result.warnings.map((warning) => `${warning.code} ${warning.section}`);
    expect(found).toEqual(expect.arrayContaining(["2.A.2 fiche", "3.A.1 sommaire", "1.A.1 liens", "2.A.1 indicateurs"]));
  });

  it("refuses a text that is not a répertoire, in French", () => {
    expect(() => parseRepertoire("Compte rendu du COPIL du 12 mars.\nPrésents : la Caf, la MSA.")).toThrow(NotARepertoire);
    expect(() => parseRepertoire("")).toThrow(/aucune fiche action trouvée/);
  });

  it("never throws anything else on random text", () => {
    let seedValue = 3;
    const random = () => (seedValue = (seedValue * 16807) % 2147483647) / 2147483647;
    const pieces = VARIANT.split("\n");
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 40 }, () => pieces[Math.floor(random() * pieces.length)]).join("\n");
      try {
        parseRepertoire(text);
      } catch (error) {
        expect(error).toBeInstanceOf(NotARepertoire);
      }
    }
  });
});

describe("indicator type inference", () => {
  it.each([
    ["Nombre de familles accompagnées", "nombre"],
    ["Nb d'aidants concernés", "nombre"],
    ["Taux de participation aux rencontres", "taux"],
    ["Part des familles (%)", "taux"],
    ["Satisfaction des habitants (enquête)", "echelle"],
    ["Montant des aides versées", "montant"],
    ["Budget en €", "montant"],
    ["Nature et diversité des demandes", "texte"],
  ])("%s → %s", (label, type) => {
    expect(inferIndicatorType(label)).toBe(type);
  });
});

describe("round trip through the répertoire template", () => {
  it("gives back the codes, titles, échéances and indicators of a 50-fiche plan", async () => {
    const { syntheticPlan } = await import("../../src/samples/synthetic-plan");
    const { repertoireText } = await import("../support/repertoire-writer");
    const plan = syntheticPlan({ actions: 50, indicatorsPerAction: 6 });
    const result = parseRepertoire(repertoireText(plan));
    const expected = plan.axes.flatMap((axis) => axis.subAxes.flatMap((sub) => sub.actions));
    const actions = actionsOf(result);
    expect(actions.map((action) => [action.code, action.title, action.deadline])).toEqual(
      expected.map((action) => [action.code, action.title, action.deadline]),
    );
    expect(actions.map((action) => action.indicators.map((indicator) => indicator.label))).toEqual(
      expected.map((action) => action.indicators.map((indicator) => indicator.label)),
    );
    // No convention text here: the territory is missing, and the period comes from the title line, which is said.
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(
        /^période de la convention devinée \(du 01\/01\/2026 au 31\/12\/2030\) d'après la ligne 1 « Répertoire des fiches actions CTG 2026-2030 »/,
      ),
      expect.stringMatching(/^territoire introuvable/),
    ]);
  });
});
