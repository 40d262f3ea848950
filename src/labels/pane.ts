/**
 * Section « pane » of the French catalogue (see catalog.ts): every text of the task pane, by component — headings,
 * buttons, field labels, hints, placeholders, aria-labels, message bars, progress texts and summaries.
 */

import { bilanLabels } from "./bilans";
import { entryLabels } from "./entries";
import { fileLabels } from "./files";

/** « Synthèse territoires », « Synthèse champs », … et « Rapport d'import »: the consolidation's sheets, named. */
const sheetList = (() => {
  const names = Object.values(bilanLabels.consolidation.sheets).map((name) => `«\u00a0${name}\u00a0»`);
  return `${names.slice(0, -1).join(", ")} et ${names[names.length - 1]}`;
})();

export const paneLabels = {
  app: {
    title: "CTG Suivi",
    subtitle: "Tableau de suivi partagé de la Convention territoriale globale",
    connecting: "Connexion à Excel…",
    outsideExcel: "Ce volet s'ouvre depuis Excel\u00a0: onglet «\u00a0CTG Suivi\u00a0» du ruban, bouton «\u00a0Tableau de suivi\u00a0».",
    readingWorkbook: "Lecture du classeur…",
    /** Offered beside the consolidation opened in an empty workbook. */
    preparingTerritory: "Vous préparez le tableau de suivi d'un territoire\u00a0?",
    createTableau: "Créer un tableau de suivi",
    /** Offered beside the set-up wizard of an empty workbook. */
    gatheringTerritories: "Agent de la Caf, vous rassemblez les tableaux de plusieurs territoires\u00a0?",
    consolidateTerritories: "Consolider des tableaux de territoires",
    /** The consolidation asked for in a territory's tableau (from the ribbon): it never writes there. */
    territoryWorkbook:
      "Ce classeur est le tableau de suivi d'un territoire\u00a0: la consolidation n'écrit jamais dans le fichier d'un territoire. Ouvrez un nouveau classeur vide (Fichier > Nouveau) et relancez «\u00a0Consolider\u00a0» depuis l'onglet CTG Suivi du ruban.",
    views: "Vues du tableau de suivi",
    tabs: { tableau: "Tableau de bord", saisie: "Saisie", evaluation: "Évaluation", verifier: "Vérifier", bilan: "Bilans", collecte: "Collecte" },
  },

  /**
   * The accessible names of the parts Fluent UI adds to a list field (its arrow, its clear button), which it names in
   * English by default; `field` is the field's label.
   */
  controls: {
    openList: (field: string) => `Ouvrir la liste «\u00a0${field}\u00a0»`,
    clearChoice: "Effacer le choix",
  },

  quarterPicker: {
    label: "Trimestre",
    /** `quarter` in words (« 4e trimestre 2026 »). */
    option: (quarter: string, locked: boolean) => `${quarter}${locked ? " (verrouillé)" : ""}`,
  },

  dashboard: {
    /** `quarter` in words (« 4e trimestre 2026 »), as in every message below. */
    locked: (quarter: string) => `Le ${quarter} est verrouillé\u00a0: ses saisies ne peuvent plus être modifiées.`,
    unlocked: (quarter: string) => `Le ${quarter} est déverrouillé.`,
    statusesHeading: (actions: number) => `Statuts des ${actions} fiches actions`,
    statusCount: (status: string, count: number) => `${status}\u00a0: ${count}`,
    byAxis: "Statuts par axe",
    /** Column titles of the table by axis. */
    columns: { axis: "Axe", inProgress: "En cours", done: "Réalisées", others: "Autres" },
    /** The date the board's figures are true at (today, or the end of a past quarter), jj/mm/aaaa. */
    asOf: (date: string) => `Chiffres au ${date}.`,
    completenessHeading: "Complétude du trimestre",
    completeness: (withStatus: number, actions: number, indicatorsFilled: number, indicatorsExpected: number) =>
      `${withStatus} fiche(s) sur ${actions} ont un statut\u00a0; ${indicatorsFilled} indicateur(s) renseigné(s) sur ${indicatorsExpected} attendus.`,
    /** A quarter not over yet: what is blank is still to come, not missing. */
    completenessOpen: (withStatus: number, actions: number, indicatorsFilled: number, indicatorsExpected: number) =>
      `Trimestre en cours\u00a0: ${withStatus} fiche(s) sur ${actions} ont déjà un statut\u00a0; ${indicatorsFilled} indicateur(s) sur ${indicatorsExpected} déjà renseigné(s).`,
    lateHeading: (count: number) => `Fiches en retard (${count})`,
    noneLate: "Aucune fiche en retard pour ce trimestre.",
    lateFiche: (code: string, title: string, deadline: string, status: string) => `${code} ${title} — échéance ${deadline}, ${status.toLowerCase()}`,
    quarterHeading: "Fiches du trimestre",
    fiche: (code: string, title: string, status: string, progress: number | undefined) =>
      `${code} ${title} — ${status}${progress !== undefined ? `, ${progress}\u00a0%` : ""}`,
    /** No status this quarter: the last one known, with the quarter it was given in (« au 2e trimestre 2026 »). */
    ficheNotEntered: (code: string, title: string, notEntered: string, last: { status: string; progress?: number; quarter: string } | undefined) =>
      `${code} ${title} — ${notEntered.toLowerCase()}${
        last ? ` (dernier statut\u00a0: ${last.status}${last.progress !== undefined ? `, ${last.progress}\u00a0%` : ""}, au ${last.quarter})` : ""
      }`,
    unlock: "Déverrouiller le trimestre",
    lock: "Verrouiller le trimestre après le COPIL",
    /** Asked before locking a quarter that is not over or whose fiches lack a status; `end` is jj/mm/aaaa. */
    lockTitle: (quarter: string) => `Verrouiller le ${quarter}\u00a0?`,
    lockNotEnded: (end: string) => `Ce trimestre n'est pas terminé\u00a0: il se termine le ${end}.`,
    lockMissing: (missing: number, actions: number) =>
      missing === 1 ? `1 fiche sur ${actions} n'a pas de statut pour ce trimestre.` : `${missing} fiches sur ${actions} n'ont pas de statut pour ce trimestre.`,
    lockWarning: "Une fois le trimestre verrouillé, ses saisies ne peuvent plus être modifiées, sauf en le déverrouillant.",
    confirmLock: "Verrouiller quand même",
    unlockTitle: (quarter: string) => `Déverrouiller le ${quarter}\u00a0?`,
    unlockWarning: "Les saisies de ce trimestre, validées en COPIL, redeviendront modifiables par tous les co-auteurs du classeur.",
    cancel: "Annuler",
    confirmUnlock: "Déverrouiller",
    /** The collection's reporting rate when the returns were prepared by partner (the pilote's wording is in collectionLabels.dashboard). */
    partnersRate: (returned: number, expected: number) => `${returned} sur ${expected} partenaires ont renvoyé leur fichier`,
  },

  entryForm: {
    form: "Saisie trimestrielle",
    /** `quarter` in words; `places` the rows written, in words (paneLabels.places). */
    saved: (cells: number, code: string, quarter: string, places: string) =>
      `Enregistré\u00a0: ${cells === 1 ? "1 cellule" : `${cells} cellules`} de la fiche ${code} pour le ${quarter} (${places}).`,
    fiche: "Fiche action",
    ficheHint: "Tapez un code ou un mot du titre",
    /** Shown in the fiche list when nothing matches what was typed. */
    noFiche: (typed: string) => `Aucune fiche ne correspond à «\u00a0${typed}\u00a0»`,
    lockedQuarter: (quarter: string) =>
      `Le ${quarter} est verrouillé depuis son COPIL\u00a0: ses saisies ne peuvent plus être modifiées. Déverrouillez-le dans le tableau de bord si nécessaire.`,
    statusPlaceholder: "Choisir un statut",
    /** The fields take the headers of the tableau's columns (tableau-columns.ts). */
    progress: (header: string) => `${header} (%)`,
    indicatorsHeading: "Indicateurs du trimestre",
    /** Parts of an indicator's hint, joined with « · » after its type. */
    unit: (unit: string) => `unité\u00a0: ${unit}`,
    baseline: (value: string) => `référence\u00a0: ${value}`,
    target: (value: string) => `cible\u00a0: ${value}`,
    previousQuarter: (value: string) => `trimestre précédent\u00a0: ${value}`,
    comment: (header: string, indicatorId: string) => `${header} (${indicatorId})`,
    /** How the domain's text check names the comment in its message ("le commentaire dépasse …"). */
    commentInMessage: entryLabels.text.comment,
    fixFields: "Corrigez les champs signalés pour pouvoir enregistrer.",
    /** Under a value or a status that a plausibility check flags: what it was compared with, and the mark. */
    previousValues: (items: readonly string[]) => `Valeurs précédentes\u00a0: ${items.join("\u00a0; ")}.`,
    previousValue: (quarter: string, value: string) => `${quarter}\u00a0: ${value}`,
    confirmValue: "J'ai vérifié cette valeur\u00a0: elle est juste",
    confirmStatus: "J'ai vérifié ce statut\u00a0: il est juste",
    warningsDoNotBlock: (count: number) =>
      `${count} valeur(s) à confirmer\u00a0: vérifiez-les, corrigez-les ou cochez «\u00a0J'ai vérifié\u00a0». L'enregistrement reste possible.`,
    save: "Enregistrer",
  },

  check: {
    region: "Vérification du tableau",
    run: "Vérifier le tableau",
    running: "Vérification en cours…",
    /** The rules about time (a quarter not yet begun) are checked as of this day, jj/mm/aaaa. */
    asOf: (date: string) => `Vérifié au ${date}\u00a0: un trimestre qui n'a pas encore commencé ne peut pas être saisi.`,
    noProblem: "Aucun problème\u00a0: toutes les saisies respectent les règles du tableau.",
    summary: (errors: number, warnings: number) =>
      `${errors === 1 ? "1 erreur" : `${errors} erreurs`} et ${warnings === 1 ? "1 avertissement" : `${warnings} avertissements`}. Choisissez un problème pour aller à sa cellule.`,
    /** The two groups, errors first: an error keeps a value out of the bilans, a warning does not. */
    errors: (count: number) => `Erreurs (${count})`,
    warnings: (count: number) => `Avertissements (${count})`,
    severity: { error: "Erreur", warning: "Avertissement" },
    /** `place` in words (paneLabels.places). */
    issue: (severity: string, place: string, message: string) => `${severity} — ${place}\u00a0: ${message}`,
    goTo: "Aller à la cellule",
  },

  bilan: {
    region: "Bilans",
    kindField: "Bilan",
    kinds: { annual: "Point d'étape annuel", midterm: "Bilan intermédiaire", final: "Bilan final" },
    year: "Année du point d'étape",
    until: "Dernier trimestre couvert",
    untilHint: "Par défaut, la fin de l'année qui contient le milieu de la convention, ou le dernier trimestre terminé si elle n'est pas encore atteinte.",
    /** A bilan intermédiaire or final whose period is not over: the choice to make it provisoire. `end`, `today`: jj/mm/aaaa. */
    notOver: (title: string, end: string, today: string) =>
      `Le ${title.charAt(0).toLowerCase()}${title.slice(1)} couvre la période jusqu'au ${end}\u00a0: il ne pourra être arrêté qu'après cette date. Vous pouvez le produire dès maintenant comme bilan provisoire, avec les chiffres du ${today}\u00a0; «\u00a0provisoire\u00a0» et la date figureront sur chaque page et chaque diapositive.`,
    provisional: "Bilan provisoire",
    seriesIndicator: "Indicateur du graphique d'évolution",
    automatic: "Automatique (l'indicateur le plus renseigné)",
    cdsf: "Extrait petite enfance pour la CDSF",
    cdsfUnavailable: "Extrait petite enfance pour la CDSF (aucune fiche du champ petite enfance)",
    generate: "Générer le bilan",
    downloadDeck: "Télécharger la présentation COPIL (.pptx)",
    downloadDocument: "Télécharger le bilan écrit (Word, .docx)",
    preparingDocument: "Rédaction du bilan écrit…",
    documentReady: (fileName: string, axes: number, actions: number) =>
      `Bilan écrit «\u00a0${fileName}\u00a0» prêt (${axes} axe(s), ${actions} fiche(s) action(s))\u00a0: retrouvez-le dans vos téléchargements.`,
    writingSheet: "Écriture de la feuille du bilan et de ses graphiques…",
    preparingDeck: "Préparation de la présentation…",
    /** Followed by the executor's notes (print settings skipped), each after a space. */
    sheetWritten: (sheetName: string, charts: number) =>
      `Feuille «\u00a0${sheetName}\u00a0» écrite avec ${charts} graphiques. Les feuilles de saisie n'ont pas été modifiées.`,
    deckReady: (fileName: string, slides: number) =>
      `Présentation «\u00a0${fileName}\u00a0» prête (${slides} diapositives)\u00a0: retrouvez-la dans vos téléchargements.`,
    regenerating: "Générer à nouveau remplace seulement la feuille de ce bilan\u00a0; vos graphiques et feuilles personnels sont conservés.",
  },

  consolidation: {
    region: "Consolidation des territoires",
    heading: "Consolider les tableaux de suivi des territoires",
    intro:
      "Choisissez ou déposez les tableaux de suivi (.xlsx) reçus des territoires. Ils sont lus dans ce volet et jamais modifiés\u00a0; la synthèse, les statuts, les indicateurs et le rapport d'import s'écrivent dans ce classeur. Un territoire déjà consolidé est remplacé par son fichier plus récent.",
    dropHere: "Déposez les fichiers ici, ou\u00a0:",
    pick: "Choisir des fichiers…",
    input: "Tableaux de suivi des territoires (.xlsx)",
    /** A file's state before its verdict (the verdicts' own labels come from the consolidation's import report). */
    states: { waiting: "En attente", reading: "Lecture…", cancelled: "Non lu" },
    /** A file's size, the amount already written the French way. */
    kilobytes: (amount: string) => `${amount} Ko`,
    megabytes: (amount: string) => `${amount} Mo`,
    progress: "Progression",
    /** `number` counts from 1. */
    readingFile: (number: number, total: number, file: string) => `Fichier ${number} sur ${total}\u00a0: ${file}`,
    writing: "Écriture de la consolidation dans le classeur…",
    consolidate: (files: number) => (files > 1 ? `Consolider ${files} fichiers` : "Consolider"),
    cancel: "Annuler",
    clear: "Vider la liste",
    files: "Fichiers à consolider",
    reasonsFor: (fileName: string) => `Raisons pour ${fileName}`,
    noneAccepted: (files: number) => `Aucun fichier accepté sur ${files}\u00a0: le classeur n'a pas été modifié. Les raisons sont données pour chaque fichier.`,
    /** `territories` in the workbook now, `fromBatch` of them from this batch and `kept` from earlier ones. */
    written: (counts: { territories: number; fromBatch: number; kept: number; accepted: number; rejected: number; charts: number }) =>
      `Consolidation écrite\u00a0: ${counts.territories} territoire(s) dans le classeur (${counts.fromBatch} de ce lot${counts.kept > 0 ? `, ${counts.kept} déjà consolidé(s)` : ""}), ` +
      `${counts.accepted} fichier(s) accepté(s)${counts.rejected > 0 ? `, ${counts.rejected} rejeté(s)` : ""}. Feuilles ${sheetList}, ${counts.charts} graphiques.`,
    cancelled: "Consolidation annulée\u00a0: le classeur n'a pas été modifié. Les fichiers déjà lus gardent leur verdict ci-dessous.",
  },

  repertoire: {
    /** Wraps the reason NotARepertoire gives (src/import), which is a sentence fragment without its full stop. */
    notARepertoire: (reason: string) => `Ce texte n'est pas un répertoire des fiches actions\u00a0: ${reason}.`,
    unreadable: (detail: string) => `Lecture impossible\u00a0: ${detail}`,
    /** `reason` is one of fileLabels.text's (a size or a line past the import's limits). */
    pastedRefused: (reason: string) => `Ce texte n'est pas analysé\u00a0: ${reason}.`,
    fileRefused: (fileName: string, reason: string) => `«\u00a0${fileName}\u00a0» n'est pas analysé\u00a0: ${reason}.`,
    /** The file input's field label and its aria-label. */
    file: "Répertoire des fiches actions (.docx ou .txt)",
    /** The button that opens the system's file dialog, and what it picked. */
    pickFile: "Choisir le fichier Word ou texte…",
    noFile: "Aucun fichier choisi.",
    fileChosen: (fileName: string) => `Fichier choisi\u00a0: «\u00a0${fileName}\u00a0»`,
    paste: "Ou collez le texte du répertoire",
    analyse: "Analyser le texte collé",
    readingDocument: "Lecture du document…",
    found: (fiches: number) => `${fiches} fiches actions trouvées — vérifiez les types d'indicateurs`,
    warning: (code: string | undefined, section: string, message: string) => `${code ? `${code} — ` : ""}${section}\u00a0: ${message}`,
    noIndicator: "Aucun indicateur.",
  },

  evaluation: {
    form: "Évaluation de l'année",
    intro:
      "Ce que l'article 9 demande au-delà des réalisations\u00a0: ce qui a changé pour les habitants, sur quelles sources, et l'appréciation de chaque objectif. Les bilans reprennent ce texte.",
    year: "Année",
    subject: "Évaluer",
    subjects: { fiche: "Une fiche action", axe: "Un axe (synthèse et décisions du COPIL)" },
    fiche: "Fiche action",
    axis: "Axe",
    axisOption: (code: string, title: string) => `Axe ${code} — ${title}`,
    appreciationPlaceholder: "Choisir une appréciation",
    noAppreciation: "(aucune)",
    /** What the fiche's follow-up says of the year, beside the evaluation being written. */
    lastStatus: (quarter: string, status: string, progress: number | undefined) =>
      `Suivi de l'année\u00a0: au ${quarter}, ${status.toLowerCase()}${progress !== undefined ? `, ${progress}\u00a0%` : ""}.`,
    noStatus: "Suivi de l'année\u00a0: aucun statut saisi pour l'instant.",
    lastAchievements: (text: string) => `Dernières réalisations\u00a0: ${text}`,
    /** `places` the rows written, in words (paneLabels.places). */
    saved: (cells: number, what: string, year: number, places: string) =>
      `Enregistré\u00a0: ${cells === 1 ? "1 cellule" : `${cells} cellules`} de l'évaluation ${year} ${what} (${places}).`,
    ofFiche: (code: string) => `de la fiche ${code}`,
    ofAxis: (code: string) => `de l'axe ${code}`,
    /** A tableau of a template before 1.4: its structure is updated with the plan it already has. */
    missingSheets: "Ce tableau date d'un modèle sans feuilles d'évaluation. Ajoutez-les\u00a0: toutes les saisies sont conservées.",
    addSheets: "Ajouter les feuilles d'évaluation",
    addingSheets: "Ajout des feuilles…",
    fixFields: "Corrigez les champs signalés pour pouvoir enregistrer.",
    save: "Enregistrer l'évaluation",
  },

  collection: {
    region: "Collecte auprès des pilotes et partenaires",
    intro:
      "Sans compte partagé\u00a0: chaque pilote (ou partenaire) reçoit par courriel un petit classeur avec ses seules fiches du trimestre, le remplit dans Excel ou LibreOffice et vous le renvoie\u00a0; ses valeurs s'intègrent ici, et rien de ce que contient déjà le tableau n'est remplacé sans votre décision.",
    quarterHint: "Trimestre des fichiers à préparer et à intégrer.",
    /** The zip the pane hands over: every prepared workbook of the quarter. */
    packageName: (quarter: string) => `Collecte ${quarter}.zip`,
    prepareHeading: "Préparer la collecte",
    byField: "Un fichier par",
    by: { pilote: "pilote", partenaire: "partenaire" },
    prepare: "Préparer les fichiers (.zip)",
    preparing: "Préparation des fichiers…",
    prepared: (zip: string, files: number, quarter: string) =>
      `«\u00a0${zip}\u00a0» est dans vos téléchargements\u00a0: ${files === 1 ? "1 fichier de collecte" : `${files} fichiers de collecte`} pour le ${quarter}. Décompressez-le, puis envoyez à chaque personne son fichier par courriel.`,
    preparedFiles: "Fichiers préparés",
    preparedFile: (fileName: string, person: string, fiches: readonly string[]) =>
      `${fileName} — ${person}\u00a0: ${fiches.length === 1 ? "fiche" : "fiches"} ${fiches.join(", ")}`,
    mergeHeading: "Intégrer les retours",
    mergeIntro:
      "Choisissez les fichiers de collecte revenus (.xlsx). Seules les cellules vides du tableau reçoivent une valeur\u00a0; une cellule déjà remplie d'une autre valeur est un conflit, montré et jamais remplacé. Intégrer deux fois le même fichier ne change rien.",
    input: "Fichiers de collecte retournés (.xlsx)",
    pick: "Choisir les fichiers…",
    picked: (files: number) => (files === 0 ? "Aucun fichier choisi." : files === 1 ? "1 fichier choisi." : `${files} fichiers choisis.`),
    merge: (files: number) => (files > 1 ? `Intégrer ${files} fichiers` : "Intégrer le fichier"),
    progress: "Progression",
    /** `number` counts from 1. */
    readingFile: (number: number, total: number, file: string) => `Lecture du fichier ${number} sur ${total}\u00a0: ${file}`,
    writing: "Vérification et écriture dans le tableau de suivi…",
    /** The merge's outcome in a sentence: `values` written, `journal` lines added to the journal sheet. */
    written: (values: number, sheet: string) =>
      `${values === 1 ? "1 valeur intégrée" : `${values} valeurs intégrées`} dans le tableau\u00a0; leur origine est notée dans la feuille «\u00a0${sheet}\u00a0».`,
    returnNoted: (sheet: string) => `Aucune valeur nouvelle pour le tableau\u00a0; le retour est noté dans la feuille «\u00a0${sheet}\u00a0».`,
    nothingWritten: "Aucune valeur nouvelle\u00a0: le tableau n'a pas été modifié.",
    /** Said before anything is read: a collection starts from, and merges into, a tableau without errors. */
    tableauHasErrors: (count: number) =>
      `Le tableau de suivi contient ${count === 1 ? "1 erreur" : `${count} erreurs`}\u00a0: corrigez-${count === 1 ? "la" : "les"} dans l'onglet Vérifier avant de préparer ou d'intégrer une collecte.`,
    results: "Résultat par fichier",
    states: { accepted: "Accepté", warnings: "Accepté avec avertissements", rejected: "Refusé" },
    fileOf: (file: string, person: string | undefined) => (person ? `${file} (${person})` : file),
    reasons: "Raisons du refus",
    changes: (count: number) => (count === 0 ? "Aucune valeur nouvelle pour le tableau." : count === 1 ? "1 valeur intégrée" : `${count} valeurs intégrées`),
    change: (where: string, field: string, before: string, after: string) => `${where}, ${field}\u00a0: ${before} → ${after}`,
    conflicts: (count: number) => (count === 1 ? "1 conflit à trancher" : `${count} conflits à trancher`),
    conflict: (where: string, field: string, inTableau: string, returned: string) =>
      `${where}, ${field}\u00a0: le tableau contient «\u00a0${inTableau}\u00a0», le fichier «\u00a0${returned}\u00a0».`,
    conflictAdvice:
      "Rien n'est remplacé. Pour garder la valeur du fichier, videz la cellule du tableau puis intégrez ce fichier de nouveau\u00a0; pour garder celle du tableau, il n'y a rien à faire.",
    outOfScope: (count: number) => (count === 1 ? "1 saisie hors périmètre, non intégrée" : `${count} saisies hors périmètre, non intégrées`),
    outOfScopeEntry: (where: string) => `${where}\u00a0: ce fichier n'a pas été préparé pour cette saisie.`,
    warnings: (count: number) => (count === 1 ? "1 avertissement" : `${count} avertissements`),
    /** The reporting rate of a quarter after the merge, as aggregate reporting systems show it. */
    reportingHeading: (quarter: string) => `Retours du ${quarter}`,
    reportingRate: (returned: number, expected: number) => `${returned} sur ${expected} ont renvoyé leur fichier.`,
  },

  setup: {
    form: "Création du tableau de suivi",
    heading: "Créer le tableau de suivi",
    /** The convention's fields, also naming the domain's problems with them. */
    fields: { territory: "Territoire", caf: "Caf", signatories: "Signataires", start: "Début de la convention", end: "Fin de la convention" },
    territoryHint: "Commune ou communauté de communes signataire",
    signatoriesHint: "Un par ligne",
    dateHint: "jj/mm/aaaa",
    endHint: "jj/mm/aaaa\u00a0; par défaut, 5 ans après le début",
    /** Under a date field, and after its name in the list of problems: sentence fragments. */
    dateInvalid: "date attendue au format jj/mm/aaaa",
    /** A date written as one, but that the calendar does not have (31/02/2026). */
    dateImpossible: (typed: string) => `le ${typed} n'existe pas\u00a0: vérifiez le jour et le mois`,
    unreadableTableau: (problem: string) => `Ce classeur contient un tableau illisible\u00a0: ${problem}`,
    plan: "Plan d'actions",
    sources: {
      exemple: "Plan d'exemple (CC Monts, Rance et Rougier, 15 fiches)",
      repertoire: "Importer un répertoire des fiches actions (Word ou texte)",
      fichier: "Fichier de plan (.json)",
      vide: "Plan vide, à compléter",
    },
    /** The one axis and sub-axis of the empty plan, written into the tableau for the user to rename. */
    emptyPlan: { axis: "Axe 1", subAxis: "Sous-axe 1.A" },
    /**
     * The territory the répertoire import (src/import/parse-repertoire.ts) gives a document that names none: it is
     * not offered as the territory typed. The two must stay equal.
     */
    unnamedTerritory: fileLabels.repertoire.territoryPlaceholder,
    planFile: "Fichier du plan d'actions",
    planFileInput: "Fichier du plan d'actions (.json)",
    pickPlanFile: "Choisir le fichier de plan (.json)…",
    chooseRepertoire: "Choisissez ou collez un répertoire des fiches actions, puis vérifiez les types d'indicateurs.",
    choosePlanFile: "Choisissez un fichier de plan d'actions (.json).",
    /** A problem of the plan file, or of a field: where it is, then what. */
    problemAt: (where: string, message: string) => `${where}\u00a0: ${message}`,
    fileProblemAt: (fileName: string, path: string, message: string) => `${fileName} — ${path}\u00a0: ${message}`,
    create: "Créer le tableau de suivi",
    creating: "Création des feuilles…",
  },
} as const;
