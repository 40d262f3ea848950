/** Section « bilans » of the French catalogue: bilans, their sheets, and the consolidation sheets. */

/** « Bilan final » inside a sentence: « le bilan final ». */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export const bilanLabels = {
  /** A bilan asked for a period the convention does not cover; `reason` is a sentence fragment. */
  bilanImpossible: (reason: string) => `Bilan impossible\u00a0: ${reason}.`,
  period: {
    yearMissing: "indiquez l'année du point d'étape (par exemple --year 2026)",
    yearOutside: (year: number, first: string, last: string) => `l'année ${year} est hors de la période de la convention (${first} – ${last})`,
    quarterOutside: (quarter: string) => `le trimestre ${quarter} est hors de la période de la convention`,
    notBegun: (title: string, first: string) => `la période du ${lowerFirst(title)} commence le ${first}\u00a0: rien n'y a encore été saisi`,
    /** `end` and `today` as jj/mm/aaaa. */
    notOver: (title: string, end: string, today: string) =>
      `le ${lowerFirst(title)} couvre la période jusqu'au ${end}\u00a0: il ne peut être arrêté qu'après cette date. Pour le voir tel qu'il est au ${today}, demandez-le comme bilan provisoire (--provisoire dans la ligne de commande, «\u00a0Bilan provisoire\u00a0» dans le volet)`,
  },
  titles: {
    annual: (year: number | undefined) => `Point d'étape ${year}`,
    midterm: "Bilan intermédiaire",
    final: "Bilan final",
  },
  /** The bilan sheet of the workbook (and its charts). */
  sheet: {
    /** Sheet name of a point d'étape: « Bilan 2026 » rather than « Point d'étape 2026 ». */
    annualSheetName: (year: string) => `Bilan ${year}`,
    annualTitlePrefix: "Point d'étape",
    cdsfSuffix: " CDSF",
    /** Repeated at the top of every printed page: a provisional bilan says so, with its date, on each. */
    title: (title: string, cdsf: boolean, territory: string, provisional: string | undefined) =>
      `${title}${provisional ? ` provisoire au ${provisional}` : ""}${cdsf ? " — extrait petite enfance (CDSF)" : ""} — ${territory}`,
    /** `first` and `last` in words (« 1er trimestre 2026 »), `asOf` as jj/mm/aaaa. */
    period: (first: string, last: string, asOf: string, percentDone: number) =>
      `Période couverte\u00a0: du ${first} au ${last}\u00a0; chiffres au ${asOf}. Fiches réalisées\u00a0: ${String(percentDone).replace(".", ",")}\u00a0%.`,
    completeness: (statusesFilled: number, statusesExpected: number, valuesFilled: number, valuesExpected: number) =>
      `Complétude\u00a0: ${statusesFilled} suivis de fiche sur ${statusesExpected} attendus, ${valuesFilled} valeurs d'indicateur sur ${valuesExpected}.`,
    sections: {
      charts: "Graphiques",
      statuses: "Statuts des fiches actions à la fin de la période",
      late: (count: number) => `Fiches en retard (${count})`,
      indicators: "Indicateurs d'évaluation",
      difficulties: "Dernières difficultés et ajustements",
      toConfirm: (count: number) => `Valeurs à confirmer avant le COPIL (${count})`,
      effects: "Évaluation des fiches\u00a0: ce qui a changé pour les habitants",
      evidence: "Évaluation des fiches\u00a0: sources et ajustements proposés",
      axes: "Synthèse des axes et décisions du COPIL",
      chartData: "Données des graphiques",
    },
    headers: {
      axis: "Axe",
      title: "Intitulé",
      averageProgress: "Avancement moyen",
      overall: "Ensemble",
      code: "Code",
      action: "Fiche action",
      deadline: "Échéance",
      status: "Statut",
      indicator: "Indicateur",
      aggregation: "Agrégation",
      baseline: "Référence",
      value: "Valeur",
      target: "Cible",
      percentOfTarget: "% de la cible",
      change: "Évolution",
      difficulties: "Difficultés",
      quarter: "Trimestre",
      adjustments: "Ajustements",
      actions: "Fiches",
      entry: "Saisie",
      reason: "Pourquoi la vérifier",
      year: "Année",
      effects: "Effets pour les habitants",
      appreciation: "Appréciation",
      evidence: "Sources et preuves",
      proposedAdjustments: "Ajustements proposés",
      synthesis: "Synthèse",
      decisions: "Décisions du COPIL",
    },
    /** The latest appreciation of each fiche in the period, counted; `none`: fiches not appreciated yet. */
    appreciations: (counts: Record<string, number>, none: number) =>
      `Appréciation des objectifs (la plus récente de la période)\u00a0: ${Object.entries(counts)
        .map(([appreciation, count]) => `${appreciation.toLowerCase()}\u00a0: ${count}`)
        .join(", ")}\u00a0; sans appréciation\u00a0: ${none}.`,
    noEvaluation: "Aucune évaluation écrite pour cette période (feuilles «\u00a0Évaluation des fiches\u00a0» et «\u00a0Évaluation des axes\u00a0»).",
    /** Under « Valeurs à confirmer »: where they come from and what to do. */
    toConfirmIntro:
      "Valeurs valides mais improbables d'après l'historique de chaque indicateur\u00a0: corrigez-les dans le tableau ou marquez-les «\u00a0Vérifié\u00a0» (onglet Vérifier du volet, ou ctg check).",
    toConfirmMore: (count: number) => `… et ${count} autre(s)\u00a0: la liste complète est dans l'onglet Vérifier du volet (ou ctg check).`,
    axisLabel: (code: string) => `Axe ${code}`,
    charts: {
      perAxis: "Statuts des fiches par axe",
      overall: (count: number) => `Statuts de l'ensemble des fiches (${count})`,
      targets: "% de la cible atteint par indicateur",
      someTargets: (shown: number, total: number) => `% de la cible atteint (${shown} premiers indicateurs sur ${total})`,
      series: (code: string, label: string) => `${code} ${label} — par trimestre`,
    },
  },
  /** The consolidation workbook of the Caf (docs/format-consolidation.md). */
  consolidation: {
    sheets: { territories: "Synthèse territoires", fields: "Synthèse champs", statuses: "Statuts", values: "Indicateurs", report: "Rapport d'import" },
    /** A long table past Excel's 1 048 576 rows goes on in sheets of the same header: « Indicateurs (2) »… */
    continuation: (sheet: string, part: number) => `${sheet} (${part})`,
    tables: {
      territories: "SyntheseTerritoires",
      fields: "SyntheseChamps",
      statuses: "ConsoStatuts",
      values: "ConsoIndicateurs",
      report: "RapportImport",
      tallies: "ConsoChamps",
    },
    intake: { accepted: "Accepté", warnings: "Accepté avec avertissements", rejected: "Rejeté" },
    headers: {
      territory: "Territoire",
      code: "Code INSEE / SIREN",
      start: "Début",
      end: "Fin",
      referenceQuarter: "Trimestre de référence",
      actions: "Fiches",
      percentDone: "% Réalisée",
      late: "En retard",
      actionsFollowed: "Fiches suivies au trimestre",
      valuesFilled: "Valeurs saisies au trimestre",
      valuesExpected: "Valeurs attendues au trimestre",
      completeness: "Complétude du trimestre",
      file: "Fichier",
      savedAt: "Enregistré le",
      template: "Modèle",
      key: "Clé territoire",
      field: "Champ d'intervention",
      territories: "Territoires",
      quarter: "Trimestre",
      axis: "Axe",
      actionCode: "Code",
      actionTitle: "Fiche action",
      fields: "Champs d'intervention",
      deadline: "Échéance",
      status: "Statut",
      progress: "Avancement",
      achievements: "Réalisations",
      difficulties: "Difficultés",
      adjustments: "Ajustements",
      indicatorActionCode: "Code fiche",
      indicatorId: "Identifiant",
      indicator: "Indicateur",
      type: "Type",
      unit: "Unité",
      baseline: "Valeur de référence",
      target: "Cible",
      value: "Valeur",
      comment: "Commentaire",
      reasons: "Raisons",
      tallyField: "Champ",
    },
    /** `asOf`: the day the consolidation is made, jj/mm/aaaa; each territory is counted at its last quarter over by then. */
    charts: {
      perTerritory: (asOf: string) => `Statuts des fiches actions par territoire au dernier trimestre terminé (consolidation du ${asOf})`,
      perField: (asOf: string) => `Statuts des fiches actions par champ d'intervention (consolidation du ${asOf})`,
    },
  },
  /** A fiche without a status in the period, among the status columns of a bilan or a consolidation. */
  notEntered: "Non renseigné",
  /** A fiche without a champ, in the synthesis per champ. */
  noField: "non précisé",
} as const;
