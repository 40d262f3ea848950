/**
 * Section « document » of the French catalogue (see catalog.ts): every text of the written bilan, the Word document
 * a COPIL adopts (src/report/bilan-document.ts), and of its petite-enfance extract shaped as the commune's schéma
 * pluriannuel.
 */

const CDSF = "Extrait petite enfance pour le comité départemental des services aux familles (CDSF)";

export const documentLabels = {
  /** The `.docx` file's name; `year` is the first year of an annual bilan's period. */
  fileName: (kind: string, year: string, cdsf: boolean) =>
    `${kind === "annual" ? `bilan-annuel-${year}` : kind === "midterm" ? "bilan-intermediaire" : "bilan-final"}${cdsf ? "-cdsf" : ""}.docx`,
  /** Names of the document's own paragraph styles, as Word lists them. */
  styles: { table: "Tableau CTG", tableHeader: "En-tête de tableau CTG" },
  properties: {
    creator: "CTG Suivi",
    title: (title: string, territory: string) => `${title} — ${territory}`,
    description: "Bilan de la Convention territoriale globale (article 9 de la convention)",
  },
  /** On every page: what the document is, and the date its figures are true at (« provisoire » before its period ends). */
  header: (territory: string, title: string) => `Convention territoriale globale — ${territory} — ${title}`,
  footer: (asOf: string, provisional: boolean) => (provisional ? `Document provisoire — chiffres au ${asOf} — page ` : `Chiffres au ${asOf} — page `),
  pageOf: " sur ",
  cover: {
    kicker: "Convention territoriale globale",
    cdsf: CDSF,
    provisional: (date: string) => `BILAN PROVISOIRE — établi au ${date}, avant la fin de la période qu'il couvre\u00a0: ses chiffres changeront d'ici là.`,
    territory: (territory: string) => `Territoire\u00a0: ${territory}`,
    code: (code: string) => `Code INSEE / SIREN\u00a0: ${code}`,
    department: (department: string) => `Département\u00a0: ${department}`,
    caf: (caf: string) => `Caf\u00a0: ${caf}`,
    signatories: "Signataires",
    convention: (start: string, end: string) => `Convention du ${start} au ${end}`,
    /** `first` and `last` in words (« 1er trimestre 2026 »). */
    period: (first: string, last: string) => `Période couverte\u00a0: du ${first} au ${last}`,
    asOf: (date: string) => `Chiffres arrêtés au ${date}`,
    made: (date: string) => `Document établi le ${date} avec CTG Suivi, à partir du tableau de suivi partagé`,
    adoption: "Présenté au comité de pilotage du ____________________\u00a0; adopté le ____________________.",
  },
  summary: {
    heading: "Synthèse",
    actions: (count: number, done: number, percentDone: string) =>
      `La convention compte ${count} fiche(s) action(s)\u00a0: ${done} réalisée(s), soit ${percentDone}.`,
    statuses: (parts: readonly string[]) => `À la fin de la période\u00a0: ${parts.join(", ")}.`,
    late: (count: number) =>
      count === 0 ? "Aucune fiche n'est en retard sur son échéance." : `${count} fiche(s) en retard sur leur échéance (ni réalisée(s) ni abandonnée(s)).`,
    targets: (reached: number, charted: number) => `${reached} indicateur(s) sur ${charted} avec une cible l'ont atteinte.`,
    completeness: (statuses: number, statusesExpected: number, values: number, valuesExpected: number) =>
      `Suivi renseigné\u00a0: ${statuses} suivis de fiche sur ${statusesExpected} attendus, ${values} valeurs d'indicateur sur ${valuesExpected}.`,
    appreciations: (parts: readonly string[], none: number) =>
      `Appréciation des objectifs (la plus récente de la période)\u00a0: ${parts.join(", ")}\u00a0; ${none} fiche(s) sans appréciation.`,
    noEvaluation:
      "L'évaluation écrite (effets pour les habitants, sources, appréciation des objectifs) n'est pas encore rédigée pour cette période\u00a0: complétez les feuilles «\u00a0Évaluation des fiches\u00a0» et «\u00a0Évaluation des axes\u00a0» du tableau.",
    toConfirm: (count: number) => `${count} valeur(s) restent à confirmer (voir «\u00a0Valeurs à confirmer\u00a0»).`,
    chartsHeading: "En graphiques",
  },
  charts: {
    perAxis: "Statuts des fiches actions par axe",
    overall: (count: number) => `Statuts des ${count} fiches actions`,
    targets: "Part de la cible atteinte, en\u00a0% (barres arrêtées à 100\u00a0%)",
    someTargets: (shown: number, total: number) => `Part de la cible atteinte, en\u00a0% — ${shown} indicateurs sur ${total} (barres arrêtées à 100\u00a0%)`,
    axisLabel: (code: string) => `Axe ${code}`,
    series: "Fiches",
    percentSeries: "% de la cible",
    beyond: (value: string) => `${value}\u00a0%`,
  },
  axis: {
    heading: (code: string, title: string) => `Axe ${code} — ${title}`,
    statuses: (parts: readonly string[]) => `Statuts à la fin de la période\u00a0: ${parts.join(", ")}.`,
    evaluationHeading: "Synthèse de l'axe et décisions du COPIL",
    synthesis: (year: number) => `Synthèse ${year}`,
    decisions: (year: number) => `Décisions du COPIL ${year}`,
    fichesHeading: "Fiches actions",
    none: "Aucune fiche action dans cet axe.",
  },
  fiche: {
    heading: (code: string, title: string) => `${code} ${title}`,
    status: (status: string, progress: string | undefined, deadline: string, late: boolean) =>
      `Statut\u00a0: ${status}${progress ? `, avancement ${progress}` : ""}. Échéance\u00a0: ${deadline || "non précisée"}${late ? " — en retard" : ""}.`,
    pilots: (names: string) => `Pilote(s)\u00a0: ${names}`,
    partners: (names: string) => `Partenaires\u00a0: ${names}`,
    objectives: "Objectifs",
    indicatorsHeading: "Indicateurs",
    noIndicator: "Pas d'indicateur d'évaluation pour cette fiche.",
    evaluationHeading: (year: number) => `Évaluation ${year}`,
    effects: "Effets pour les habitants",
    evidence: "Sources et preuves",
    appreciation: "Appréciation de l'objectif",
    adjustments: "Ajustements proposés",
    notEvaluated: "Évaluation écrite non rédigée pour cette période.",
    difficulties: (quarter: string) => `Difficultés (${quarter})`,
    adjustmentsOf: (quarter: string) => `Ajustements (${quarter})`,
  },
  columns: {
    code: "Code",
    action: "Fiche action",
    status: "Statut",
    progress: "Avancement",
    deadline: "Échéance",
    indicator: "Indicateur",
    baseline: "Référence",
    value: "Valeur",
    target: "Cible",
    percentOfTarget: "% de la cible",
    evolution: "Évolution par année",
    change: "Écart à la référence",
    entry: "Saisie",
    quarter: "Trimestre",
    reason: "Pourquoi la vérifier",
    type: "Type",
    aggregation: "Agrégation",
    year: "Année",
  },
  late: " (en retard)",
  none: "—",
  yearValue: (year: number, value: string) => `${year}\u00a0: ${value}`,
  toConfirm: {
    heading: "Valeurs à confirmer",
    intro:
      "Valeurs valides mais improbables d'après l'historique de leur indicateur, non encore marquées «\u00a0Vérifié\u00a0»\u00a0: à confirmer ou corriger dans le tableau avant l'adoption du bilan.",
    none: "Aucune valeur à confirmer.",
  },
  difficulties: {
    heading: "Difficultés et ajustements",
    none: "Aucune difficulté signalée sur la période.",
  },
  annexes: {
    heading: "Annexes",
    indicatorsHeading: "Annexe 1 — Tous les indicateurs",
    completenessHeading: "Annexe 2 — Complétude du suivi",
    completenessPerQuarter: (quarter: string, statuses: number, actions: number) => `${quarter}\u00a0: ${statuses} fiche(s) sur ${actions} avec un statut`,
    methodHeading: "Annexe 3 — Méthode",
    provenanceHeading: "Annexe 4 — Origine des saisies intégrées",
    provenanceIntro:
      "Fichiers de collecte remplis par les pilotes et partenaires, puis intégrés au tableau de suivi (le détail de chaque valeur est dans sa feuille «\u00a0Journal des retours\u00a0»).",
    provenanceColumns: ["Intégré le", "Pilote ou partenaire", "Fichier", "Trimestre", "Valeurs intégrées"],
    method: [
      "Les chiffres sont ceux du tableau de suivi partagé, arrêtés à la date indiquée en bas de chaque page\u00a0: un trimestre qui n'était pas terminé à cette date n'est compté ni comme manquant ni comme en retard.",
      "Une fiche est en retard quand son échéance est passée à cette date et qu'elle n'est ni réalisée ni abandonnée.",
      "La valeur d'un indicateur sur la période suit sa règle d'agrégation\u00a0: somme des trimestres, dernière valeur connue ou moyenne\u00a0; la part de la cible atteinte est cette valeur rapportée à la cible.",
      "L'évaluation écrite (effets pour les habitants, sources, appréciation, ajustements, synthèse des axes et décisions du COPIL) est celle des feuilles «\u00a0Évaluation des fiches\u00a0» et «\u00a0Évaluation des axes\u00a0», pour chaque année de la période.",
    ],
  },
  /** The petite-enfance extract, shaped as the schéma pluriannuel a commune of more than 10 000 inhabitants adopts. */
  cdsf: {
    heading: "Schéma pluriannuel de maintien et de développement de l'offre d'accueil du jeune enfant",
    intro:
      "Cet extrait réunit la partie petite enfance de la Convention territoriale globale. Une convention signée avec la Caf dont le contenu répond au schéma pluriannuel (code de l'action sociale et des familles, articles L.214-1-3 et D.214-10-1) en tient lieu\u00a0: il en reprend les éléments ci-dessous.",
    offerHeading: "1. État de l'offre et des besoins d'accueil",
    offerIntro: "Les indicateurs de la partie petite enfance, de leur valeur de référence (avant la convention) à leur valeur sur la période.",
    quantityHeading: "2. Développement quantitatif prévu",
    quantityIntro: "Les fiches actions qui créent ou maintiennent des places et des services, avec leurs cibles.",
    qualityHeading: "3. Développement qualitatif",
    qualityIntro: "Objectifs de qualité de l'accueil et d'information des familles, et ce que l'évaluation en dit.",
    calendarHeading: "4. Calendrier",
    calendarIntro: "Échéance et état d'avancement de chaque fiche action.",
    costHeading: "5. Estimation des coûts",
    costIntro: "Les montants suivis par les indicateurs de la partie petite enfance.",
    noCost:
      "Aucun indicateur de montant n'est suivi dans la partie petite enfance\u00a0: l'estimation des coûts est à joindre (investissement et fonctionnement, par année).",
    sdsfHeading: "6. Articulation avec le schéma départemental des services aux familles",
    sdsf: "La Caf, qui assure le secrétariat du CDSF, transmet cet extrait au comité départemental des services aux familles\u00a0; la commune y précise l'articulation de ses actions avec le schéma départemental\u00a0: ____________________.",
    noneInField: "Aucune fiche de la partie petite enfance dans cette rubrique.",
  },
} as const;
