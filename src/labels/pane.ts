/**
 * Section « pane » of the French catalogue (see catalog.ts): every text of the task pane, by component — headings,
 * buttons, field labels, hints, placeholders, aria-labels, message bars, progress texts and summaries.
 */

import { bilanLabels } from "./bilans";
import { entryLabels } from "./entries";
import { fileLabels } from "./files";

/** « Synthèse territoires », « Synthèse champs », … et « Rapport d'import »: the consolidation's sheets, named. */
const sheetList = (() => {
  const names = Object.values(bilanLabels.consolidation.sheets).map((name) => `« ${name} »`);
  return `${names.slice(0, -1).join(", ")} et ${names[names.length - 1]}`;
})();

export const paneLabels = {
  app: {
    title: "CTG Suivi",
    subtitle: "Tableau de suivi partagé de la Convention territoriale globale",
    connecting: "Connexion à Excel…",
    outsideExcel: "Ce volet s'ouvre depuis Excel : onglet « CTG Suivi » du ruban, bouton « Tableau de suivi ».",
    readingWorkbook: "Lecture du classeur…",
    /** Offered beside the consolidation opened in an empty workbook. */
    preparingTerritory: "Vous préparez le tableau de suivi d'un territoire ?",
    createTableau: "Créer un tableau de suivi",
    /** Offered beside the set-up wizard of an empty workbook. */
    gatheringTerritories: "Agent de la Caf, vous rassemblez les tableaux de plusieurs territoires ?",
    consolidateTerritories: "Consolider des tableaux de territoires",
    /** The consolidation asked for in a territory's tableau (from the ribbon): it never writes there. */
    territoryWorkbook:
      "Ce classeur est le tableau de suivi d'un territoire : la consolidation n'écrit jamais dans le fichier d'un territoire. Ouvrez un nouveau classeur vide (Fichier > Nouveau) et relancez « Consolider » depuis l'onglet CTG Suivi du ruban.",
    views: "Vues du tableau de suivi",
    tabs: { tableau: "Tableau de bord", saisie: "Saisie", evaluation: "Évaluation", verifier: "Vérifier", bilan: "Bilans", collecte: "Collecte" },
  },

  quarterPicker: {
    label: "Trimestre",
    option: (quarter: string, locked: boolean) => `${quarter}${locked ? " (verrouillé)" : ""}`,
  },

  dashboard: {
    locked: (quarter: string) => `Le trimestre ${quarter} est verrouillé : ses saisies ne peuvent plus être modifiées.`,
    unlocked: (quarter: string) => `Le trimestre ${quarter} est déverrouillé.`,
    statusesHeading: (actions: number) => `Statuts des ${actions} fiches actions`,
    statusCount: (status: string, count: number) => `${status} : ${count}`,
    byAxis: "Statuts par axe",
    /** Column titles of the table by axis. */
    columns: { axis: "Axe", inProgress: "En cours", done: "Réalisées", others: "Autres" },
    /** The date the board's figures are true at (today, or the end of a past quarter), jj/mm/aaaa. */
    asOf: (date: string) => `Chiffres au ${date}.`,
    completenessHeading: "Complétude du trimestre",
    completeness: (withStatus: number, actions: number, indicatorsFilled: number, indicatorsExpected: number) =>
      `${withStatus} fiche(s) sur ${actions} ont un statut ; ${indicatorsFilled} indicateur(s) renseigné(s) sur ${indicatorsExpected} attendus.`,
    /** A quarter not over yet: what is blank is still to come, not missing. */
    completenessOpen: (withStatus: number, actions: number, indicatorsFilled: number, indicatorsExpected: number) =>
      `Trimestre en cours : ${withStatus} fiche(s) sur ${actions} ont déjà un statut ; ${indicatorsFilled} indicateur(s) sur ${indicatorsExpected} déjà renseigné(s).`,
    lateHeading: (count: number) => `Fiches en retard (${count})`,
    noneLate: "Aucune fiche en retard pour ce trimestre.",
    lateFiche: (code: string, title: string, deadline: string, status: string) => `${code} ${title} — échéance ${deadline}, ${status.toLowerCase()}`,
    quarterHeading: "Fiches du trimestre",
    fiche: (code: string, title: string, status: string, progress: number | undefined) =>
      `${code} ${title} — ${status}${progress !== undefined ? `, ${progress} %` : ""}`,
    /** No status this quarter: the last one known, with the quarter it was given in (« au 2e trimestre 2026 »). */
    ficheNotEntered: (code: string, title: string, notEntered: string, last: { status: string; progress?: number; quarter: string } | undefined) =>
      `${code} ${title} — ${notEntered.toLowerCase()}${
        last ? ` (dernier statut : ${last.status}${last.progress !== undefined ? `, ${last.progress} %` : ""}, au ${last.quarter})` : ""
      }`,
    unlock: "Déverrouiller le trimestre",
    lock: "Verrouiller le trimestre après le COPIL",
    unlockTitle: (quarter: string) => `Déverrouiller ${quarter} ?`,
    unlockWarning: "Les saisies de ce trimestre, validées en COPIL, redeviendront modifiables par tous les co-auteurs du classeur.",
    cancel: "Annuler",
    confirmUnlock: "Déverrouiller",
    /** The collection's reporting rate when the returns were prepared by partner (the pilote's wording is in collectionLabels.dashboard). */
    partnersRate: (returned: number, expected: number) => `${returned} sur ${expected} partenaires ont renvoyé leur fichier`,
  },

  entryForm: {
    form: "Saisie trimestrielle",
    /** `cells` are the addresses written; the first three are shown. */
    saved: (cells: readonly string[], code: string, quarter: string) =>
      `Enregistré : ${cells.length} cellule(s) de la fiche ${code} pour ${quarter} (${cells.slice(0, 3).join(", ")}${cells.length > 3 ? "…" : ""}).`,
    fiche: "Fiche action",
    ficheHint: "Tapez un code ou un mot du titre",
    lockedQuarter: (quarter: string) =>
      `Le trimestre ${quarter} est verrouillé depuis son COPIL : ses saisies ne peuvent plus être modifiées. Déverrouillez-le dans le tableau de bord si nécessaire.`,
    statusPlaceholder: "Choisir un statut",
    /** The fields take the headers of the tableau's columns (tableau-columns.ts). */
    progress: (header: string) => `${header} (%)`,
    indicatorsHeading: "Indicateurs du trimestre",
    /** Parts of an indicator's hint, joined with « · » after its type. */
    unit: (unit: string) => `unité : ${unit}`,
    baseline: (value: string) => `référence : ${value}`,
    target: (value: string) => `cible : ${value}`,
    previousQuarter: (value: string) => `trimestre précédent : ${value}`,
    comment: (header: string, indicatorId: string) => `${header} (${indicatorId})`,
    /** How the domain's text check names the comment in its message ("le commentaire dépasse …"). */
    commentInMessage: entryLabels.text.comment,
    fixFields: "Corrigez les champs signalés pour pouvoir enregistrer.",
    /** Under a value or a status that a plausibility check flags: what it was compared with, and the mark. */
    previousValues: (items: readonly string[]) => `Valeurs précédentes : ${items.join(" ; ")}.`,
    previousValue: (quarter: string, value: string) => `${quarter} : ${value}`,
    confirmValue: "J'ai vérifié cette valeur : elle est juste",
    confirmStatus: "J'ai vérifié ce statut : il est juste",
    warningsDoNotBlock: (count: number) =>
      `${count} valeur(s) à confirmer : vérifiez-les, corrigez-les ou cochez « J'ai vérifié ». L'enregistrement reste possible.`,
    save: "Enregistrer",
  },

  check: {
    region: "Vérification du tableau",
    run: "Vérifier le tableau",
    running: "Vérification en cours…",
    /** The rules about time (a quarter not yet begun) are checked as of this day, jj/mm/aaaa. */
    asOf: (date: string) => `Vérifié au ${date} : un trimestre qui n'a pas encore commencé ne peut pas être saisi.`,
    noProblem: "Aucun problème : toutes les saisies respectent les règles du tableau.",
    summary: (errors: number, warnings: number) => `${errors} erreur(s) et ${warnings} avertissement(s). Cliquez sur un problème pour aller à la cellule.`,
    issue: (severity: "error" | "warning", sheet: string, cell: string, message: string) =>
      `${severity === "error" ? "Erreur" : "Avertissement"} — ${sheet}!${cell} : ${message}`,
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
      `Le ${title.charAt(0).toLowerCase()}${title.slice(1)} couvre la période jusqu'au ${end} : il ne pourra être arrêté qu'après cette date. Vous pouvez le produire dès maintenant comme bilan provisoire, avec les chiffres du ${today} ; « provisoire » et la date figureront sur chaque page et chaque diapositive.`,
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
      `Bilan écrit « ${fileName} » prêt (${axes} axe(s), ${actions} fiche(s) action(s)) : retrouvez-le dans vos téléchargements.`,
    writingSheet: "Écriture de la feuille du bilan et de ses graphiques…",
    preparingDeck: "Préparation de la présentation…",
    /** Followed by the executor's notes (print settings skipped), each after a space. */
    sheetWritten: (sheetName: string, charts: number) =>
      `Feuille « ${sheetName} » écrite avec ${charts} graphiques. Les feuilles de saisie n'ont pas été modifiées.`,
    deckReady: (fileName: string, slides: number) => `Présentation « ${fileName} » prête (${slides} diapositives) : retrouvez-la dans vos téléchargements.`,
    regenerating: "Générer à nouveau remplace seulement la feuille de ce bilan ; vos graphiques et feuilles personnels sont conservés.",
  },

  consolidation: {
    region: "Consolidation des territoires",
    heading: "Consolider les tableaux de suivi des territoires",
    intro:
      "Choisissez ou déposez les tableaux de suivi (.xlsx) reçus des territoires. Ils sont lus dans ce volet et jamais modifiés ; la synthèse, les statuts, les indicateurs et le rapport d'import s'écrivent dans ce classeur. Un territoire déjà consolidé est remplacé par son fichier plus récent.",
    dropHere: "Déposez les fichiers ici, ou :",
    pick: "Choisir des fichiers…",
    input: "Tableaux de suivi des territoires (.xlsx)",
    /** A file's state before its verdict (the verdicts' own labels come from the consolidation's import report). */
    states: { waiting: "En attente", reading: "Lecture…", cancelled: "Non lu" },
    /** A file's size, the amount already written the French way. */
    kilobytes: (amount: string) => `${amount} Ko`,
    megabytes: (amount: string) => `${amount} Mo`,
    progress: "Progression",
    /** `number` counts from 1. */
    readingFile: (number: number, total: number, file: string) => `Fichier ${number} sur ${total} : ${file}`,
    writing: "Écriture de la consolidation dans le classeur…",
    consolidate: (files: number) => (files > 1 ? `Consolider ${files} fichiers` : "Consolider"),
    cancel: "Annuler",
    clear: "Vider la liste",
    files: "Fichiers à consolider",
    reasonsFor: (fileName: string) => `Raisons pour ${fileName}`,
    noneAccepted: (files: number) => `Aucun fichier accepté sur ${files} : le classeur n'a pas été modifié. Les raisons sont données pour chaque fichier.`,
    /** `territories` in the workbook now, `fromBatch` of them from this batch and `kept` from earlier ones. */
    written: (counts: { territories: number; fromBatch: number; kept: number; accepted: number; rejected: number; charts: number }) =>
      `Consolidation écrite : ${counts.territories} territoire(s) dans le classeur (${counts.fromBatch} de ce lot${counts.kept > 0 ? `, ${counts.kept} déjà consolidé(s)` : ""}), ` +
      `${counts.accepted} fichier(s) accepté(s)${counts.rejected > 0 ? `, ${counts.rejected} rejeté(s)` : ""}. Feuilles ${sheetList}, ${counts.charts} graphiques.`,
    cancelled: "Consolidation annulée : le classeur n'a pas été modifié. Les fichiers déjà lus gardent leur verdict ci-dessous.",
  },

  repertoire: {
    /** Wraps the reason NotARepertoire gives (src/import), which is a sentence fragment without its full stop. */
    notARepertoire: (reason: string) => `Ce texte n'est pas un répertoire des fiches actions : ${reason}.`,
    unreadable: (detail: string) => `Lecture impossible : ${detail}`,
    /** `reason` is one of fileLabels.text's (a size or a line past the import's limits). */
    pastedRefused: (reason: string) => `Ce texte n'est pas analysé : ${reason}.`,
    fileRefused: (fileName: string, reason: string) => `« ${fileName} » n'est pas analysé : ${reason}.`,
    /** The file input's field label and its aria-label. */
    file: "Répertoire des fiches actions (.docx ou .txt)",
    paste: "Ou collez le texte du répertoire",
    analyse: "Analyser le texte collé",
    readingDocument: "Lecture du document…",
    found: (fiches: number) => `${fiches} fiches actions trouvées — vérifiez les types d'indicateurs`,
    warning: (code: string | undefined, section: string, message: string) => `${code ? `${code} — ` : ""}${section} : ${message}`,
    noIndicator: "Aucun indicateur.",
  },

  evaluation: {
    form: "Évaluation de l'année",
    intro:
      "Ce que l'article 9 demande au-delà des réalisations : ce qui a changé pour les habitants, sur quelles sources, et l'appréciation de chaque objectif. Les bilans reprennent ce texte.",
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
      `Suivi de l'année : au ${quarter}, ${status.toLowerCase()}${progress !== undefined ? `, ${progress} %` : ""}.`,
    noStatus: "Suivi de l'année : aucun statut saisi pour l'instant.",
    lastAchievements: (text: string) => `Dernières réalisations : ${text}`,
    saved: (cells: readonly string[], what: string, year: number) =>
      `Enregistré : ${cells.length} cellule(s) de l'évaluation ${year} ${what} (${cells.slice(0, 2).join(", ")}${cells.length > 2 ? "…" : ""}).`,
    ofFiche: (code: string) => `de la fiche ${code}`,
    ofAxis: (code: string) => `de l'axe ${code}`,
    /** A tableau of a template before 1.4: its structure is updated with the plan it already has. */
    missingSheets: "Ce tableau date d'un modèle sans feuilles d'évaluation. Ajoutez-les : toutes les saisies sont conservées.",
    addSheets: "Ajouter les feuilles d'évaluation",
    addingSheets: "Ajout des feuilles…",
    fixFields: "Corrigez les champs signalés pour pouvoir enregistrer.",
    save: "Enregistrer l'évaluation",
  },

  collection: {
    region: "Collecte auprès des pilotes et partenaires",
    intro:
      "Sans compte partagé : chaque pilote (ou partenaire) reçoit par courriel un petit classeur avec ses seules fiches du trimestre, le remplit dans Excel ou LibreOffice et vous le renvoie ; ses valeurs s'intègrent ici, et rien de ce que contient déjà le tableau n'est remplacé sans votre décision.",
    quarterHint: "Trimestre des fichiers à préparer et à intégrer.",
    /** The zip the pane hands over: every prepared workbook of the quarter. */
    packageName: (quarter: string) => `Collecte ${quarter}.zip`,
    prepareHeading: "Préparer la collecte",
    byField: "Un fichier par",
    by: { pilote: "pilote", partenaire: "partenaire" },
    prepare: "Préparer les fichiers (.zip)",
    preparing: "Préparation des fichiers…",
    prepared: (zip: string, files: number, quarter: string) =>
      `« ${zip} » est dans vos téléchargements : ${files === 1 ? "1 fichier de collecte" : `${files} fichiers de collecte`} pour le ${quarter}. Décompressez-le, puis envoyez à chaque personne son fichier par courriel.`,
    preparedFiles: "Fichiers préparés",
    preparedFile: (fileName: string, person: string, fiches: readonly string[]) =>
      `${fileName} — ${person} : ${fiches.length === 1 ? "fiche" : "fiches"} ${fiches.join(", ")}`,
    mergeHeading: "Intégrer les retours",
    mergeIntro:
      "Choisissez les fichiers de collecte revenus (.xlsx). Seules les cellules vides du tableau reçoivent une valeur ; une cellule déjà remplie d'une autre valeur est un conflit, montré et jamais remplacé. Intégrer deux fois le même fichier ne change rien.",
    input: "Fichiers de collecte retournés (.xlsx)",
    pick: "Choisir les fichiers…",
    picked: (files: number) => (files === 0 ? "Aucun fichier choisi." : files === 1 ? "1 fichier choisi." : `${files} fichiers choisis.`),
    merge: (files: number) => (files > 1 ? `Intégrer ${files} fichiers` : "Intégrer le fichier"),
    progress: "Progression",
    /** `number` counts from 1. */
    readingFile: (number: number, total: number, file: string) => `Lecture du fichier ${number} sur ${total} : ${file}`,
    writing: "Vérification et écriture dans le tableau de suivi…",
    /** The merge's outcome in a sentence: `values` written, `journal` lines added to the journal sheet. */
    written: (values: number, sheet: string) =>
      `${values === 1 ? "1 valeur intégrée" : `${values} valeurs intégrées`} dans le tableau ; leur origine est notée dans la feuille « ${sheet} ».`,
    returnNoted: (sheet: string) => `Aucune valeur nouvelle pour le tableau ; le retour est noté dans la feuille « ${sheet} ».`,
    nothingWritten: "Aucune valeur nouvelle : le tableau n'a pas été modifié.",
    /** Said before anything is read: a collection starts from, and merges into, a tableau without errors. */
    tableauHasErrors: (count: number) =>
      `Le tableau de suivi contient ${count === 1 ? "1 erreur" : `${count} erreurs`} : corrigez-${count === 1 ? "la" : "les"} dans l'onglet Vérifier avant de préparer ou d'intégrer une collecte.`,
    results: "Résultat par fichier",
    states: { accepted: "Accepté", warnings: "Accepté avec avertissements", rejected: "Refusé" },
    fileOf: (file: string, person: string | undefined) => (person ? `${file} (${person})` : file),
    reasons: "Raisons du refus",
    changes: (count: number) => (count === 0 ? "Aucune valeur nouvelle pour le tableau." : count === 1 ? "1 valeur intégrée" : `${count} valeurs intégrées`),
    change: (where: string, field: string, before: string, after: string) => `${where}, ${field} : ${before} → ${after}`,
    conflicts: (count: number) => (count === 1 ? "1 conflit à trancher" : `${count} conflits à trancher`),
    conflict: (where: string, field: string, inTableau: string, returned: string) =>
      `${where}, ${field} : le tableau contient « ${inTableau} », le fichier « ${returned} ».`,
    conflictAdvice:
      "Rien n'est remplacé. Pour garder la valeur du fichier, videz la cellule du tableau puis intégrez ce fichier de nouveau ; pour garder celle du tableau, il n'y a rien à faire.",
    outOfScope: (count: number) => (count === 1 ? "1 saisie hors périmètre, non intégrée" : `${count} saisies hors périmètre, non intégrées`),
    outOfScopeEntry: (where: string) => `${where} : ce fichier n'a pas été préparé pour cette saisie.`,
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
    endHint: "jj/mm/aaaa ; par défaut, 5 ans après le début",
    dateInvalid: "Date attendue au format jj/mm/aaaa",
    unreadableTableau: (problem: string) => `Ce classeur contient un tableau illisible : ${problem}`,
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
    chooseRepertoire: "Choisissez ou collez un répertoire des fiches actions, puis vérifiez les types d'indicateurs.",
    choosePlanFile: "Choisissez un fichier de plan d'actions (.json).",
    /** A problem of the plan file, or of a field: where it is, then what. */
    problemAt: (where: string, message: string) => `${where} : ${message}`,
    fileProblemAt: (fileName: string, path: string, message: string) => `${fileName} — ${path} : ${message}`,
    create: "Créer le tableau de suivi",
    creating: "Création des feuilles…",
  },
} as const;
