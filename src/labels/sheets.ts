/**
 * Section « sheets » of the French catalogue: the tableau de suivi as people read it in Excel — sheet names,
 * column headers and what each column holds (docs/format-classeur.md is generated from these), the guide, the
 * prompts of entry cells, and what reading a tableau back reports, cell by cell.
 */

const names = {
  guide: "Mode d'emploi",
  convention: "Convention",
  plan: "Plan d'actions",
  indicators: "Indicateurs",
  tracking: "Suivi des fiches",
  measurements: "Saisies",
  ficheEvaluation: "Évaluation des fiches",
  axisEvaluation: "Évaluation des axes",
  archive: "Archives",
  journal: "Journal des retours",
  meta: "_ctg_meta",
} as const;

/** A value as the file stores it, shortened: a damaged cell may hold megabytes. */
const stored = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

export const sheetLabels = {
  names,
  /** Excel table names: no spaces nor accents allowed. */
  tables: {
    plan: "PlanActions",
    indicators: "Indicateurs",
    tracking: "SuiviFiches",
    measurements: "Saisies",
    ficheEvaluation: "EvaluationFiches",
    axisEvaluation: "EvaluationAxes",
    archive: "Archives",
  },
  guide: {
    title: (territory: string) => `Tableau de suivi partagé de la Convention territoriale globale – ${territory}`,
    period: (start: string, end: string) => `Période de la convention\u00a0: du ${start} au ${end}`,
    lines: [
      "Chaque trimestre (article 9 de la convention)\u00a0:",
      `1. Feuille «\u00a0${names.tracking}\u00a0»\u00a0: pour chaque fiche action du trimestre, choisissez le statut, indiquez l'avancement (en\u00a0%), les réalisations, les difficultés et les ajustements.`,
      `2. Feuille «\u00a0${names.measurements}\u00a0»\u00a0: saisissez la valeur de chaque indicateur d'évaluation pour le trimestre.`,
      "3. Les cellules à saisir sont sur fond crème\u00a0; les autres sont protégées. Excel refuse une valeur hors des limites et affiche pourquoi.",
      "4. Une fiche en retard (échéance dépassée, ni réalisée ni abandonnée) apparaît en rouge.",
      `Pour ne voir que les lignes d'un trimestre, dans «\u00a0${names.tracking}\u00a0» comme dans «\u00a0${names.measurements}\u00a0» (Excel ou LibreOffice, sans le complément)\u00a0: cliquez sur la flèche de l'en-tête «\u00a0Trimestre\u00a0», décochez tout («\u00a0(Sélectionner tout)\u00a0» dans Excel, «\u00a0Tout\u00a0» dans LibreOffice), cochez le trimestre voulu (2026-T2\u00a0: 2e trimestre 2026), puis OK. Pour revoir toutes les lignes\u00a0: la même flèche, puis «\u00a0Effacer le filtre\u00a0» (Excel) ou «\u00a0Tout\u00a0» (LibreOffice). Le tri est désactivé\u00a0: l'ordre des lignes est celui du tableau.`,
      "Les lignes grisées sont protégées\u00a0: celles d'un trimestre verrouillé après son COPIL, et celles d'un trimestre pas encore commencé, jusqu'à son premier jour. Elles s'ouvrent quand le complément CTG Suivi lit le tableau ou à la commande «\u00a0ctg init --update\u00a0»\u00a0: si les lignes d'un trimestre commencé restent grisées, demandez-le à la personne qui gère le tableau.",
      "",
      "Chaque année, pour le point d'étape, le bilan intermédiaire et le bilan final (article 9)\u00a0:",
      `5. Feuille «\u00a0${names.ficheEvaluation}\u00a0»\u00a0: pour chaque fiche, ce qui a changé pour les habitants (changements territoriaux), sur quelles sources, l'appréciation de l'objectif (atteint, partiellement atteint, non atteint, trop tôt pour dire) et les ajustements proposés.`,
      `6. Feuille «\u00a0${names.axisEvaluation}\u00a0»\u00a0: pour chaque axe, la synthèse de l'année et les décisions du COPIL.`,
      "",
      `Le plan d'actions (axes, sous-axes, fiches, indicateurs) se modifie avec le complément CTG Suivi ou la commande «\u00a0ctg init --update\u00a0»\u00a0: les saisies déjà faites sont conservées.`,
      `Les feuilles «\u00a0${names.plan}\u00a0» et «\u00a0${names.indicators}\u00a0» rappellent le plan\u00a0; la valeur de référence et la cible des indicateurs peuvent y être complétées.`,
    ],
  },
  convention: {
    headers: { label: "Rubrique", value: "Valeur" },
    rows: {
      territory: { label: "Territoire", prompt: "Nom de la commune ou de la communauté de communes signataire.", content: "texte, obligatoire" },
      inseeOrSiren: { label: "Code INSEE / SIREN", prompt: "Code INSEE de la commune ou SIREN de l'EPCI (facultatif).", content: "texte (format `@`)" },
      department: { label: "Département", prompt: "Département du territoire (facultatif).", content: "texte" },
      caf: { label: "Caf", prompt: "Caf signataire de la convention.", content: "texte" },
      signatories: { label: "Signataires", prompt: "Un signataire par ligne (Alt+Entrée pour aller à la ligne dans la cellule).", content: "un par ligne" },
      start: { label: "Date de début", prompt: "", content: "date" },
      end: { label: "Date de fin", prompt: "", content: "date" },
    },
    /** Prompt of a rubrique that has none of its own. */
    freeText: "Texte libre.",
  },
  /** Header and content of each column, sheet by sheet, in the order of the sheet. */
  columns: {
    plan: {
      axisCode: { header: "Axe", content: "code de l'axe (`1`)" },
      axisTitle: { header: "Intitulé de l'axe", content: "texte" },
      subAxisCode: { header: "Sous-axe", content: "code (`1.A`)" },
      subAxisTitle: { header: "Intitulé du sous-axe", content: "texte" },
      code: { header: "Code", content: "code de la fiche (`1.A.1`), unique" },
      title: { header: "Fiche action", content: "intitulé" },
      pilots: { header: "Pilote(s)", content: "liste" },
      partners: { header: "Partenaires", content: "liste" },
      fields: { header: "Champs d'intervention", content: "liste, valeurs de `docs/format-plan.md`" },
      deadline: { header: "Échéance", content: "texte tel qu'écrit dans le plan (`2027`, `Dès 2026`)" },
      links: { header: "Liens avec d'autres fiches", content: "liste de codes" },
      objectives: { header: "Objectifs", content: "liste" },
    },
    indicators: {
      id: { header: "Identifiant", content: "`1.A.1-I1`, unique\u00a0; clé des saisies" },
      actionCode: { header: "Code fiche", content: "code de la fiche" },
      label: { header: "Indicateur", content: "libellé" },
      type: { header: "Type", content: "`Nombre`, `Taux (%)`, `Montant (€)`, `Oui / Non`, `Échelle 1 à 5`, `Texte`" },
      unit: { header: "Unité", content: "texte" },
      baseline: {
        header: "Valeur de référence",
        content: "selon le type de l'indicateur (fraction pour un taux\u00a0; 1 ou 0 pour oui / non\u00a0; rien pour un texte)",
      },
      target: { header: "Cible", content: "comme la valeur de référence" },
      aggregation: { header: "Agrégation", content: "`Somme`, `Dernière valeur`, `Moyenne`" },
      periodicity: { header: "Périodicité", content: "`Trimestrielle`, `Annuelle`" },
    },
    tracking: {
      quarter: { header: "Trimestre", content: "`2026-T1`" },
      axisCode: { header: "Axe", content: "code de l'axe" },
      code: { header: "Code", content: "code de la fiche" },
      title: { header: "Fiche action", content: "intitulé" },
      deadline: { header: "Échéance", content: "année limite (nombre) si l'échéance en donne une, sinon le texte de l'échéance" },
      status: { header: "Statut", content: "`À lancer`, `En cours`, `Réalisée`, `Reportée`, `Abandonnée`" },
      progress: { header: "Avancement", content: "fraction de 0 à 1, format `0 %`" },
      achievements: { header: "Réalisations", content: "texte" },
      difficulties: { header: "Difficultés", content: "texte" },
      adjustments: { header: "Ajustements", content: "texte" },
    },
    ficheEvaluation: {
      year: { header: "Année", content: "année de la convention (nombre)" },
      axisCode: { header: "Axe", content: "code de l'axe" },
      code: { header: "Code", content: "code de la fiche" },
      title: { header: "Fiche action", content: "intitulé" },
      effects: { header: "Effets pour les habitants" },
      evidence: { header: "Sources et preuves" },
      appreciation: { header: "Appréciation de l'objectif" },
      adjustments: { header: "Ajustements proposés" },
    },
    axisEvaluation: {
      year: { header: "Année", content: "année de la convention (nombre)" },
      axisCode: { header: "Axe", content: "code de l'axe" },
      title: { header: "Intitulé de l'axe", content: "texte" },
      synthesis: { header: "Synthèse de l'axe" },
      decisions: { header: "Décisions du COPIL" },
    },
    measurements: {
      actionCode: { header: "Code fiche", content: "code" },
      id: { header: "Identifiant", content: "identifiant de l'indicateur" },
      label: { header: "Indicateur", content: "libellé" },
      type: { header: "Type", content: "comme dans `Indicateurs`" },
      unit: { header: "Unité", content: "texte" },
      quarter: { header: "Trimestre", content: "`2026-T1`" },
      value: { header: "Valeur", content: "selon le type, ci-dessous" },
      comment: { header: "Commentaire", content: "texte" },
    },
    archive: {
      kind: { header: "Nature", content: "`Suivi de fiche`, `Saisie d'indicateur`, `Évaluation de fiche` ou `Évaluation d'axe`" },
      quarter: { header: "Trimestre", content: "trimestre de la saisie (année, pour une évaluation)" },
      actionCode: { header: "Code fiche", content: "code de la fiche (de l'axe, pour une évaluation d'axe)" },
      id: { header: "Identifiant", content: "identifiant de l'indicateur (saisie d'indicateur)" },
      label: { header: "Libellé", content: "intitulé de la fiche ou libellé de l'indicateur" },
      status: { header: "Statut", content: "statut saisi" },
      progress: { header: "Avancement", content: "avancement saisi" },
      value: { header: "Valeur", content: "valeur saisie" },
      achievements: { header: "Réalisations", content: "texte saisi" },
      difficulties: { header: "Difficultés", content: "texte saisi" },
      adjustments: { header: "Ajustements", content: "texte saisi" },
      comment: { header: "Commentaire", content: "texte saisi" },
      effects: { header: "Effets observés", content: "texte saisi (évaluation de fiche)" },
      evidence: { header: "Sources et preuves", content: "texte saisi (évaluation de fiche)" },
      appreciation: { header: "Appréciation", content: "appréciation choisie (évaluation de fiche)" },
      synthesis: { header: "Synthèse de l'axe", content: "texte saisi (évaluation d'axe)" },
      decisions: { header: "Décisions du COPIL", content: "texte saisi (évaluation d'axe)" },
    },
  },
  archiveKinds: { status: "Suivi de fiche", measurement: "Saisie d'indicateur", ficheEvaluation: "Évaluation de fiche", axisEvaluation: "Évaluation d'axe" },
  /** Prompts of the fiche's follow-up cells (the rule's words are in ruleLabels). */
  prompts: {
    status: { title: "Statut de la fiche", message: (statuses: string) => `Choisissez le statut à la fin du trimestre\u00a0: ${statuses}.` },
    statusRefused: { title: "Statut inconnu", message: (statuses: string) => `Choisissez un statut dans la liste\u00a0: ${statuses}.` },
    achievements: "Ce qui a été fait ce trimestre.",
    difficulties: "Ce qui a freiné ou bloqué l'action.",
    adjustments: "Ce qui est modifié pour la suite (calendrier, moyens, partenaires…).",
    comment: "Précision sur la valeur\u00a0: source, périmètre, estimation…",
    effects: "Ce qui a changé pour les habitants cette année grâce à l'action (changements territoriaux), pas seulement ce qui a été fait.",
    evidence: "Sur quoi repose ce constat\u00a0: chiffres, enquêtes, témoignages, avis des partenaires.",
    appreciation: { title: "Appréciation de l'objectif", message: (values: string) => `L'objectif de la fiche cette année\u00a0: ${values}.` },
    appreciationRefused: { title: "Appréciation inconnue", message: (values: string) => `Choisissez dans la liste\u00a0: ${values}.` },
    proposedAdjustments: "Ce que vous proposez au COPIL de changer (objectif, calendrier, moyens, partenaires…).",
    synthesis: "Ce que l'axe a réalisé et ce qu'il a changé sur le territoire cette année, toutes fiches ensemble.",
    decisions: "Ce que le COPIL a décidé\u00a0: date de la séance, ajustements retenus, avenant…",
  },
  /** What docs/format-classeur.md says of a column's entry, from its spec. */
  docs: {
    headers: { column: "colonne", content: "contenu", entry: "saisie", validation: "validation Excel" },
    rowHeaders: { label: "rubrique (colonne A)", value: "valeur (colonne B)", entry: "saisie", validation: "validation Excel" },
    valueHeaders: { type: "type", cell: "cellule `Valeur`", format: "format", validation: "validation Excel" },
    referenceHeader: "`Valeur de référence`, `Cible` (validation, format)",
    yes: "oui",
    no: "non",
    structure: "non (structure)",
    perIndicator: "selon le type de l'indicateur (tableau ci-dessous)",
    none: "—",
    whole: (bounds: string) => `nombre entier ${bounds}`,
    decimal: (bounds: string) => `décimal ${bounds}`,
    decimals: (bounds: string, places: number) => `décimal ${bounds}, ${places} décimales au plus`,
    list: (values: readonly string[]) => `liste ${values.map((value) => `\`${value}\``).join(", ")}`,
    textLength: (max: string) => `longueur ≤ ${max}`,
    emptyOnly: "vide",
    /** `texte, 4 000 caractères au plus`, with the French thousands separator. */
    freeText: (max: number) => `texte, ${new Intl.NumberFormat("fr-FR").format(max).replace(/\u202f/g, " ")} caractères au plus`,
    atLeast: (min: string) => `≥ ${min}`,
    between: (min: string, max: string) => `entre ${min} et ${max}`,
    /** What the cell of each type holds, in users' words. */
    cellOf: {
      nombre: "entier ≥ 0",
      taux: "fraction de 0 à 1",
      montant: "décimal ≥ 0, 2 décimales au plus",
      echelle: "entier de 1 à 5",
      "oui-non": "texte `Oui` ou `Non`",
      texte: "texte",
    },
  },
  reading: {
    /** The metadata sheet is very hidden: nobody can open it, so it is not named. */
    notATableau:
      "ce classeur n'est pas un tableau de suivi CTG\u00a0: il ne contient pas les informations cachées qu'un tableau de suivi porte (créez-le avec le complément ou «\u00a0ctg init\u00a0»)",
    unknownFormat: (found: string, expected: string) => `format de classeur «\u00a0${found}\u00a0» inconnu\u00a0: «\u00a0${expected}\u00a0» attendu`,
    unsupportedVersion: (version: string, readable: string) =>
      `version de modèle «\u00a0${version}\u00a0» non prise en charge (versions lisibles\u00a0: ${readable})\u00a0: mettez à jour CTG Suivi`,
    missingSheet: (sheet: string) => `la feuille «\u00a0${sheet}\u00a0» est absente`,
    missingRow: (label: string, sheet: string) => `la ligne «\u00a0${label}\u00a0» est absente de la feuille «\u00a0${sheet}\u00a0»`,
    missingColumn: (header: string, sheet: string) =>
      `la colonne «\u00a0${header}\u00a0» est absente de la ligne d'en-tête de la feuille «\u00a0${sheet}\u00a0»`,
    territoryRequired: "le nom du territoire est obligatoire",
    invalidDate: (which: "start" | "end", typed: string) =>
      `la date ${which === "start" ? "de début" : "de fin"} «\u00a0${typed}\u00a0» est invalide\u00a0: attendu jj/mm/aaaa`,
    /** A date written as one, but that the calendar does not have (31/02/2026). */
    impossibleDate: (which: "start" | "end", typed: string) =>
      `la date ${which === "start" ? "de début" : "de fin"} n'existe pas\u00a0: le ${typed} n'est pas un jour du calendrier\u00a0; vérifiez le jour et le mois`,
    endBeforeStart: "la date de fin doit être postérieure à la date de début",
    dateOutOfRange: (which: "start" | "end", date: string, first: number, last: number) =>
      `la date ${which === "start" ? "de début" : "de fin"} (${date}) doit tomber entre le 01/01/${first} et le 31/12/${last}`,
    periodTooLong: (max: number) => `la période de la convention dépasse ${max} ans\u00a0: une CTG dure 4 à 5 ans\u00a0; vérifiez la date de fin`,
    rubriqueTooLong: (label: string, max: number, length: number) => `la rubrique «\u00a0${label}\u00a0» dépasse ${max} caractères (${length})`,
    duplicateAction: (code: string) => `le code de fiche «\u00a0${code}\u00a0» apparaît plusieurs fois`,
    unknownField: (name: string) => `champ d'intervention «\u00a0${name}\u00a0» inconnu\u00a0: ignoré`,
    untitledAction: (code: string) => `la fiche ${code} n'a pas d'intitulé`,
    indicatorOfUnknownAction: (id: string, code: string) => `l'indicateur ${id} renvoie à la fiche «\u00a0${code}\u00a0», absente du plan d'actions`,
    duplicateIndicator: (id: string) => `l'identifiant d'indicateur «\u00a0${id}\u00a0» apparaît plusieurs fois`,
    unknownIndicatorType: (typed: string) => `type d'indicateur «\u00a0${typed}\u00a0» inconnu`,
    referenceNames: { baseline: "la valeur de référence", target: "la cible" },
    referenceNotANumber: (what: string, id: string, typed: string) =>
      `${what} de l'indicateur ${id} («\u00a0${typed}\u00a0») n'est pas un nombre valable pour ce type`,
    referenceOutOfRule: (what: string, id: string, problem: string) => `${what} de l'indicateur ${id} ${problem}`,
    mergedCells: (range: string) =>
      `cellules fusionnées ${range}\u00a0: une saisie ne peut pas couvrir plusieurs cellules\u00a0; défusionnez-les (Accueil › Fusionner et centrer) et retapez chaque valeur dans sa propre cellule`,
    formulaWithoutValue:
      "la cellule contient une formule dont le résultat n'a pas été enregistré (fichier enregistré par un outil qui ne calcule pas)\u00a0: ouvrez le fichier dans Excel ou LibreOffice et enregistrez-le, ou tapez la valeur elle-même",
    /** What a file stores in a cell that is not a value of its type (src/xlsx/xlsx-reader.ts): the value is unknown. */
    formulaError: (code: string) =>
      `la formule de la cellule donne une erreur (${stored(code)})\u00a0: corrigez la formule ou remplacez-la par la valeur elle-même`,
    storedNumberUnreadable: (written: string) =>
      written.trim() === ""
        ? "la cellule est enregistrée comme un nombre sans valeur (fichier abîmé)\u00a0: retapez la valeur"
        : `la cellule est enregistrée comme le nombre «\u00a0${stored(written)}\u00a0», qui n'est pas un nombre décimal (fichier abîmé ou fabriqué)\u00a0: retapez la valeur`,
    storedDateUnreadable: (written: string) =>
      `la cellule est enregistrée comme la date «\u00a0${stored(written)}\u00a0», qui n'existe pas ou est mal écrite\u00a0: retapez la date (jj/mm/aaaa)`,
    storedBooleanUnreadable: (written: string) =>
      `la cellule est enregistrée comme la valeur logique «\u00a0${stored(written)}\u00a0», ni VRAI ni FAUX (fichier abîmé)\u00a0: retapez la valeur`,
    sharedStringMissing: (index: string) =>
      `la cellule renvoie au texte partagé n° ${stored(index)}, absent du classeur (fichier abîmé)\u00a0: retapez le texte`,
    forbiddenCharacter: (code: number) =>
      `caractère interdit en XML (U+${code.toString(16).toUpperCase().padStart(4, "0")}) dans la cellule\u00a0: retapez le texte`,
    /** An entry sheet saved by a tool that dropped its dropdowns and checks, or its protection. */
    guardsLost: (sheet: string, validations: boolean, protection: boolean) =>
      `la feuille «\u00a0${sheet}\u00a0» a perdu ${validations && protection ? "ses listes et contrôles de saisie (validation des données) et sa protection" : validations ? "ses listes et contrôles de saisie (validation des données)" : "sa protection"}, sans doute en passant par un autre logiciel\u00a0: les saisies n'y sont plus guidées\u00a0; pour les remettre, relancez «\u00a0ctg init --update\u00a0» ou la mise en place dans le volet du complément («\u00a0Créer le tableau de suivi\u00a0»)\u00a0: les saisies sont conservées`,
    entryWithoutRow: "saisie sur une ligne sans code de fiche ni trimestre\u00a0: elle ne sera pas prise en compte",
    unknownAction: (code: string) => `la fiche «\u00a0${code}\u00a0» n'existe pas dans le plan d'actions`,
    /** `quarter` in words (« 4e trimestre 2026 »), as in the two messages below. */
    duplicateStatusRow: (code: string, quarter: string) => `la fiche ${code} a déjà une ligne pour le ${quarter}`,
    unknownIndicator: (id: string, sheet: string) => `l'indicateur «\u00a0${id}\u00a0» n'existe pas dans la feuille «\u00a0${sheet}\u00a0»`,
    annualIndicator: (id: string, quarter: string) =>
      `l'indicateur ${id} est annuel\u00a0: il se saisit au dernier trimestre de chaque année, pas au ${quarter}`,
    duplicateMeasurementRow: (id: string, quarter: string) => `l'indicateur ${id} a déjà une ligne pour le ${quarter}`,
    unknownAxis: (code: string) => `l'axe «\u00a0${code}\u00a0» n'existe pas dans le plan d'actions`,
    duplicateFicheEvaluation: (code: string, year: string) => `la fiche ${code} a déjà une ligne d'évaluation pour ${year}`,
    duplicateAxisEvaluation: (code: string, year: string) => `l'axe ${code} a déjà une ligne d'évaluation pour ${year}`,
    /** A value message prefixed with its indicator. */
    ofIndicator: (id: string, message: string) => `${id}\u00a0: ${message}`,
  },
  update: {
    errorsFirst: (count: number, listed: string, more: string) =>
      `le tableau existant contient ${count} erreur(s) à corriger avant la mise à jour, pour qu'aucune saisie ne soit perdue\u00a0:\n${listed}${more}`,
    listedIssue: (sheet: string, cell: string, message: string) => `  ${sheet}!${cell}\u00a0: ${message}`,
    moreIssues: (count: number) => `\n  … et ${count} autre(s)`,
    column: (header: string, letter: string) => (header ? `«\u00a0${header}\u00a0» (colonne ${letter})` : `colonne ${letter}`),
    handAddedCells: (sheet: string, cells: string) =>
      `la feuille «\u00a0${sheet}\u00a0» contient des cellules ajoutées à la main (${cells})\u00a0: déplacez-les dans une feuille à vous avant la mise à jour`,
    columnMoved: (column: string, sheet: string, letter: string) =>
      `${column} de la feuille «\u00a0${sheet}\u00a0»\u00a0: placée en colonne ${letter}, après les colonnes du tableau`,
    valuesOnLeavingRows: (sheet: string, cells: string) =>
      `la feuille «\u00a0${sheet}\u00a0» a des valeurs dans des colonnes ajoutées à la main sur des lignes que la mise à jour retire ou ne reconnaît pas (${cells})\u00a0: déplacez-les ailleurs avant la mise à jour`,
    cells: (shown: string, more: number) => (more > 0 ? `${shown} et ${more} autre(s)` : shown),
    refusals: (refusals: readonly string[]) => `${refusals.join("\u00a0; ")}.`,
    /** What a file update refuses to move: it would be lost or wrong at its new place. */
    anchoredOnLeavingRows: (what: string, sheet: string, cells: string) =>
      `la feuille «\u00a0${sheet}\u00a0» a ${what} sur des lignes que la mise à jour retire (${cells})\u00a0: déplacez-les ailleurs avant la mise à jour`,
    anchored: { notes: "des notes", comments: "des commentaires", links: "des liens hypertexte" },
    formulasOnMovingRows: (sheet: string, cells: string) =>
      `la feuille «\u00a0${sheet}\u00a0» a des formules dans des colonnes ajoutées à la main sur des lignes que la mise à jour déplace (${cells})\u00a0: leurs références ne suivraient pas\u00a0; remplacez-les par leurs valeurs ou placez-les dans une feuille à vous avant la mise à jour`,
  },
} as const;
