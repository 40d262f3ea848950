/** Section « deck » of the French catalogue (see catalog.ts): every text of the COPIL slide deck (src/report/deck.ts). */

const COMMITTEE = "Comité de pilotage de la Convention territoriale globale";
const CDSF = " — extrait petite enfance (CDSF)";
const CONTINUED = " (suite)";

export const deckLabels = {
  /** The `.pptx` file's name; `year` is the first year of an annual bilan's period. */
  fileName: (kind: string, year: string, cdsf: boolean) =>
    `${kind === "annual" ? `copil-annuel-${year}` : kind === "midterm" ? "copil-intermediaire" : "copil-final"}${cdsf ? "-cdsf" : ""}.pptx`,
  /** Document properties. */
  properties: {
    author: "CTG Suivi",
    title: (title: string, territory: string) => `${title} — ${territory}`,
    subject: COMMITTEE,
  },
  /** On every slide: what the deck is, and the date its figures are true at (« provisoire » before its period ends). */
  footer: (territory: string, title: string, cdsf: boolean, asOf: string, provisional: boolean) =>
    `CTG ${territory} — ${title}${cdsf ? CDSF : ""} — ${provisional ? `provisoire, chiffres au ${asOf}` : `chiffres au ${asOf}`}`,
  /** What a table cell shows when there is no figure. */
  none: "—",
  /** Table headers. */
  columns: {
    axis: "Axe",
    axisTitle: "Intitulé",
    averageProgress: "Avancement moyen",
    code: "Code",
    action: "Fiche action",
    status: "Statut",
    progress: "Avancement",
    deadline: "Échéance",
  },
  titleSlide: {
    committee: COMMITTEE,
    title: (title: string, cdsf: boolean) => `${title}${cdsf ? CDSF : ""}`,
    /** `first` and `last` in words (« 1er trimestre 2026 »). */
    period: (first: string, last: string) => `Période couverte\u00a0: du ${first} au ${last}`,
    asOf: (date: string, provisional: boolean) =>
      provisional ? `Bilan provisoire\u00a0: chiffres au ${date}, avant la fin de la période` : `Chiffres au ${date}`,
    generated: (date: string) => `Document généré le ${date} avec CTG Suivi`,
  },
  synthesis: {
    title: "Synthèse",
    chartSeries: "Fiches actions",
    chartTitle: (actions: number) => `Statuts des ${actions} fiches actions`,
    /** Labels beside the key figures. */
    actions: "fiches actions suivies",
    done: "des fiches réalisées",
    late: (count: number) => (count > 1 ? "fiches en retard sur leur échéance" : count === 1 ? "fiche en retard sur son échéance" : "fiche en retard"),
    statusesFilled: "suivis trimestriels de fiche renseignés",
    valuesFilled: "valeurs d'indicateur renseignées",
    targetsReached: "indicateurs ayant atteint leur cible",
  },
  perAxis: {
    title: "Statuts des fiches actions par axe",
  },
  /** An axe's slides: its fiches, and its targets (or its statuses) as a chart. */
  axis: {
    label: (code: string) => `Axe ${code}`,
    title: (code: string, title: string, continued: boolean) => `Axe ${code} — ${title}${continued ? CONTINUED : ""}`,
    noAction: "Aucune fiche action dans cet axe.",
    late: " (en retard)",
    targetSeries: "% de la cible",
    targetTitle: (shown: number, total: number) =>
      total > shown ? `% de la cible atteint, de 0 à 100\u00a0% (${shown} indicateurs sur ${total})` : "% de la cible atteint, de 0 à 100\u00a0%",
    /** A bar's label: the indicator, its figure (a bar past 100 % stops at the scale's end) and the year of its cible. */
    targetBar: (code: string, label: string, percent: string, year: number | undefined) => `${code} ${label} — ${percent}${year ? ` (cible ${year})` : ""}`,
    statusSeries: "Fiches",
    statusTitle: "Statuts des fiches de l'axe",
  },
  /** The quarterly series of one indicator. */
  series: {
    title: (actionCode: string, label: string) => `Évolution trimestrielle — ${actionCode} ${label}`,
    /** Too few points for a curve: the values as a table. */
    quarter: "Trimestre",
    valueColumn: "Valeur",
    target: "Cible",
    action: (code: string) => `Fiche action ${code}`,
    quarters: (filled: number, total: number) => `Trimestres renseignés\u00a0: ${filled} sur ${total}`,
    baseline: (value: string) => `Valeur de référence\u00a0: ${value}`,
    value: (value: string) => `Valeur sur la période\u00a0: ${value}`,
    targetValue: (value: string) => `Cible\u00a0: ${value}`,
    reached: (percent: string) => `Cible atteinte à ${percent}`,
  },
  lateAndDifficulties: {
    title: (continued: boolean) => `Fiches en retard et principales difficultés${continued ? CONTINUED : ""}`,
    late: (count: number) => `Fiches en retard (${count})`,
    noLate: "Aucune fiche en retard.",
    difficulties: (count: number) => `Principales difficultés (${count})`,
    noDifficulty: "Aucune difficulté signalée sur la période.",
    /** The bold start of a difficulty, before its text. */
    difficulty: (code: string, quarter: string, late: boolean) => `${code} (${quarter})${late ? " — en retard" : ""}\u00a0: `,
    adjustment: (text: string) => `Ajustement\u00a0: ${text}`,
    more: (left: number) =>
      `… et ${left} autre${left > 1 ? "s" : ""} fiche${left > 1 ? "s" : ""} avec des difficultés\u00a0: voir la feuille du bilan dans le classeur.`,
  },
  /** pptxgenjs gave something other than bytes: reported as an unexpected error. */
  noBinaryOutput: "pptxgenjs n'a pas produit de contenu binaire",
} as const;
