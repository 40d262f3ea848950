/**
 * Section « cli » of the French catalogue (see catalog.ts): everything the `ctg` command line prints, its usage
 * first. Messages thrown as errors are complete sentences; lines printed as progress are as they appear on screen
 * (leading spaces included).
 */

const USAGE = `CTG Suivi — tableau de suivi partagé des Conventions territoriales globales

Usage :
  ctg init --plan PLAN.json --out FICHIER.xlsx [--update]
        Crée le tableau de suivi d'un plan d'actions ; avec --update, met à jour la structure
        d'un tableau existant en gardant toutes les saisies (copie de sauvegarde à côté).
  ctg check FICHIER.xlsx [--json]
        Vérifie un tableau rempli : chaque problème avec sa feuille et sa cellule.
        Code de sortie : 0 sans erreur, 1 avec erreurs, 2 si le fichier est illisible.
  ctg bilan FICHIER.xlsx --kind annual --year 2026 | --kind midterm [--until 2028-T4] | --kind final [--cdsf] [--indicator ID] (--out DOSSIER | --json)
        Calcule le point d'étape annuel, le bilan intermédiaire ou le bilan final (--cdsf : partie petite enfance) ;
        --out écrit DOSSIER/bilan-….xlsx (tableaux) et DOSSIER/copil-….pptx (présentation COPIL, graphiques natifs) ;
        --indicator choisit l'indicateur dont la présentation montre l'évolution ; --json affiche le bilan en JSON.
  ctg consolidate FICHIER.xlsx… --out CONSOLIDATION.xlsx [--report RAPPORT.json]
        Vérifie et fusionne les tableaux de plusieurs territoires (fichiers jamais modifiés) : synthèse par territoire
        et par champ, statuts et indicateurs en tables longues, rapport d'import. Un territoire déjà consolidé est
        remplacé par son nouveau fichier. Code de sortie 0 si au moins un fichier est accepté.
  ctg collect TABLEAU.xlsx --quarter 2026-T4 --out DOSSIER [--by pilote|partenaire]
        Prépare un petit classeur par pilote (ou partenaire) avec ses seules fiches du trimestre, à lui envoyer
        par courriel ; il se remplit dans Excel sans complément ou dans LibreOffice.
  ctg merge TABLEAU.xlsx RETOUR.xlsx… [--quarter 2026-T4] [--report RAPPORT.json]
        Intègre les fichiers retournés : chaque valeur vérifiée, rien de remplacé sans vous (conflits montrés),
        journal des retours dans le tableau, copie de sauvegarde à côté. Code de sortie 1 s'il reste un fichier
        refusé, un conflit ou une saisie hors périmètre.
  ctg demo [--out DOSSIER]
        Écrit DOSSIER/suivi-ctg-demo.xlsx (par défaut demo/) à partir du plan d'exemple, avec deux trimestres saisis,
        son point d'étape 2026 et sa présentation COPIL.
  ctg import REPERTOIRE.txt --out PLAN.json [--report RAPPORT.json]
        Lit un répertoire des fiches actions (texte) et en fait un plan JSON, avec les incohérences relevées.
  ctg sample-plan [--out PLAN.json]
        Écrit le plan d'exemple (CC Monts, Rance et Rougier, 2026-2030) au format JSON.
`;

/** Each command's own usage line, printed when its arguments are missing. */
const BILAN_USAGE =
  "Usage : ctg bilan FICHIER.xlsx --kind annual --year 2026 | --kind midterm [--until 2028-T4] | --kind final [--provisoire] [--cdsf] [--indicator ID] (--out DOSSIER | --json)";
const CONSOLIDATE_USAGE = "Usage : ctg consolidate FICHIER.xlsx… --out CONSOLIDATION.xlsx [--report RAPPORT.json]";

/** An output that was not written: « modifié » when it existed before the run, « créé » otherwise. */
const untouched = (existed: boolean) => (existed ? "modifié" : "créé");

export const cliLabels = {
  usage: USAGE,
  unknownCommand: (command: string) => `Commande inconnue : « ${command} ».\n\n${USAGE}`,
  /** `detail` is Node's own message (parseArgs), in English. */
  invalidOption: (detail: string) => `Option invalide : ${detail}\n\n${USAGE}`,

  /** A located issue of a tableau, and the count of them (src/cli/format-issues.ts). */
  issues: {
    error: "erreur",
    warning: "avertissement",
    line: (sheet: string, cell: string, level: string, message: string) => `${sheet}!${cell} — ${level} : ${message}`,
    count: (errors: number, warnings: number) => `${errors} erreur${errors > 1 ? "s" : ""}, ${warnings} avertissement${warnings > 1 ? "s" : ""}`,
  },

  /** Reading and writing the user's files (src/cli/io.ts); `reason` is a file-system reason (errorLabels.fileSystem). */
  files: {
    cannotRead: (file: string, reason: string) => `Impossible de lire « ${file} » : ${reason}.`,
    notFound: "fichier introuvable",
    cannotWrite: (file: string, reason: string) => `Impossible d'écrire « ${file} » : ${reason}.`,
    /** The copy kept before an update: `suivi.sauvegarde-20261202-093015.xlsx`, beside the tableau. */
    backupStem: (stem: string, stamp: string) => `${stem}.sauvegarde-${stamp}`,
    cannotWriteBackup: (backup: string, detail: string) =>
      `Impossible d'écrire la copie de sauvegarde « ${backup} » : ${detail}. Le tableau n'a pas été modifié.`,
  },

  /** A plan JSON that does not pass its schema. */
  plan: {
    invalid: (file: string, issues: string) => `Le plan « ${file} » n'est pas valide :\n${issues}`,
    issue: (path: string, message: string) => `  ${path} : ${message}`,
    /** `reason` is the plan check's (entryLabels.plan.fileTooLarge), told before the file is read. */
    tooLarge: (file: string, reason: string) => `Le plan « ${file} » n'est pas lu : ${reason}.`,
  },

  init: {
    usage: "Usage : ctg init --plan PLAN.json --out FICHIER.xlsx [--update]",
    exists: (out: string) => `« ${out} » existe déjà. Ajoutez --update pour mettre à jour sa structure en gardant les saisies, ou choisissez un autre fichier.`,
    written: (out: string, actions: number, indicators: number) => `Tableau de suivi écrit : ${out} (${actions} fiches actions, ${indicators} indicateurs).`,
    kept: (statuses: number, measurements: number, backup: string | undefined) =>
      `Saisies conservées : ${statuses} suivis de fiche, ${measurements} valeurs d'indicateur. Copie de l'ancien fichier : ${backup}`,
    columnKept: (column: string) => `Colonne ajoutée conservée : ${column}.`,
    /** The plan is another territory's than the tableau's (a copy of a neighbour's tableau, say). */
    newIdentity: (territory: string) =>
      `Ce tableau était celui d'un autre territoire : il reçoit un identifiant de convention propre à « ${territory} », pour que la consolidation ne les confonde pas.`,
    archived: (count: number) =>
      `${count} saisie(s) d'une fiche, d'un indicateur ou d'un trimestre retirés du plan ont été déplacées dans la feuille « Archives ».`,
    /** The tableau was saved by someone else between the update's reading and its writing. */
    changedMeanwhile: (out: string) =>
      `« ${out} » a été modifié pendant la mise à jour (enregistré par quelqu'un d'autre, ou depuis Excel) : rien n'a été changé, aucune copie n'a été laissée. Relancez la mise à jour ; elle partira du fichier tel qu'il est maintenant.`,
    /** Writing the updated tableau failed after its backup was written: the backup is removed, the tableau is as it was. */
    cannotReplace: (out: string, reason: string) =>
      `Impossible d'écrire « ${out} » : ${reason}. Le tableau n'a pas été modifié et aucune copie n'a été laissée.`,
  },

  check: {
    usage: "Usage : ctg check FICHIER.xlsx [--json]",
    /** The last line: the file, its territory when the file names one, the verdict and the count of issues. */
    summary: (file: string, territory: string | undefined, ok: boolean, count: string) =>
      `${file}${territory ? ` (${territory})` : ""} : ${ok ? "tableau valide" : "tableau à corriger"} — ${count}.`,
  },

  demo: {
    tableauFile: "suivi-ctg-demo.xlsx",
    bilanFile: (year: number) => `bilan-annuel-${year}.xlsx`,
    written: (file: string) => `Démonstration écrite : ${file}`,
    plan: (territory: string, actions: number, indicators: number) => `  ${territory}, ${actions} fiches actions, ${indicators} indicateurs.`,
    entries: (statuses: number, measurements: number) =>
      `  Saisies : ${statuses} suivis de fiche et ${measurements} valeurs d'indicateur sur 2 trimestres (le premier est verrouillé).`,
    checked: (count: string) => `  Vérification : ${count}.`,
    bilanWritten: (year: number, file: string) => `Point d'étape ${year} de la démonstration écrit : ${file}`,
    deckWritten: (file: string) => `Présentation COPIL de la démonstration écrite : ${file}`,
    documentWritten: (file: string) => `Bilan écrit (Word) de la démonstration : ${file}`,
  },

  samplePlan: {
    written: (out: string) => `Plan d'exemple écrit : ${out}`,
  },

  import: {
    usage: "Usage : ctg import REPERTOIRE.(txt|docx) --out PLAN.json [--report RAPPORT.json]",
    /** `reason` is NotARepertoire's, a sentence fragment. */
    notARepertoire: (file: string, reason: string) => `« ${file} » : ${reason}.`,
    /** DocxUnreadable's message names the file already: the sentence only needs its period. */
    docxUnreadable: (message: string) => `${message}.`,
    notText: (file: string) => `« ${file} » n'est pas un fichier texte : enregistrez le répertoire au format .txt.`,
    /** `reason` is one of fileLabels.text's: a size or a line past the import's limits. */
    textRefused: (file: string, reason: string) => `« ${file} » ne peut pas être importé : ${reason}.`,
    written: (out: string, actions: number, indicators: number, territory: string, start: string, end: string) =>
      `Plan écrit : ${out} (${actions} fiches actions, ${indicators} indicateurs, territoire : ${territory}, du ${start} au ${end}).`,
    warning: (code: string, section: string, message: string) => `  ${code ? `${code} — ` : ""}${section} : ${message}`,
    reviewTypes: "Vérifiez les types d'indicateurs proposés (nombre, taux, montant, oui-non, echelle, texte) avant de créer le tableau avec « ctg init ».",
  },

  bilan: {
    usage: BILAN_USAGE,
    outOrJson: `Indiquez --out DOSSIER pour écrire le bilan (classeur, document Word et présentation), ou --json pour l'afficher.\n${BILAN_USAGE}`,
    hasErrors: (file: string, errors: number) =>
      `« ${file} » contient ${errors} erreur(s) : corrigez-les (ctg check) avant le bilan, qui sinon laisserait de côté les saisies erronées.`,
    unknownIndicator: (id: string) =>
      `Indicateur « ${id} » inconnu ou sans valeur numérique sur la période : choisissez un identifiant de la colonne « Identifiant » de la feuille « Saisies ».`,
    /** `year` is the --year option as typed. */
    fileName: (kind: string, year: string | undefined, cdsf: boolean) =>
      `bilan-${kind === "annual" ? `annuel-${year}` : kind === "midterm" ? "intermediaire" : "final"}${cdsf ? "-cdsf" : ""}.xlsx`,
    written: (file: string) => `Bilan écrit : ${file} (graphiques et tableaux).`,
    /** A bilan made before its period ends, at the user's request. */
    provisional: (asOf: string) => `Bilan provisoire : ses chiffres sont ceux du ${asOf}, avant la fin de sa période.`,
    deckWritten: (file: string) => `Présentation COPIL écrite : ${file}`,
    documentWritten: (file: string, axes: number, actions: number) =>
      `Bilan écrit (Word, à présenter au COPIL) : ${file} (${axes} axe(s), ${actions} fiche(s) action(s)).`,
    toConfirm: (count: number) =>
      `${count} valeur(s) à confirmer avant le COPIL (liste dans le bilan) : corrigez-les ou marquez-les « Vérifié » dans le tableau ; ctg check les situe.`,
  },

  consolidate: {
    usage: CONSOLIDATE_USAGE,
    outputNotXlsx: (out: string) => `Le fichier de sortie doit être un classeur .xlsx : « ${out} ».\n${CONSOLIDATE_USAGE}`,
    outputIsInput: (out: string) =>
      `« ${out} » est aussi un fichier à consolider : les fichiers des territoires ne sont jamais modifiés, choisissez une autre sortie.`,
    /** The output exists and is read back as an earlier consolidation. */
    storedUnreadable: (out: string, detail: string) => `« ${out} » existe mais ne peut pas être lu (${detail}) : choisissez un autre fichier de sortie.`,
    notAConsolidation: (out: string) =>
      `« ${out} » existe et n'est pas une consolidation CTG Suivi : il n'a pas été modifié ; choisissez un autre fichier de sortie.`,
    /** One line per file, then its reasons indented below it. */
    status: { accepted: "accepté", warnings: "accepté avec avertissements", rejected: "rejeté" },
    verdict: (rejected: boolean, file: string, territory: string | undefined, status: string) =>
      `${rejected ? "✗" : "✓"} ${file} — ${territory ?? "territoire inconnu"} : ${status}`,
    reason: (reason: string) => `    ${reason}`,
    noneAccepted: (files: number, out: string, existed: boolean) => `Aucun fichier accepté sur ${files} : « ${out} » n'a pas été ${untouched(existed)}.`,
    /** `reason` is SheetTooLong's, a sentence fragment. */
    sheetTooLong: (out: string, existed: boolean, reason: string) => `« ${out} » n'a pas été ${untouched(existed)} : ${reason}.`,
    cannotWrite: (out: string, reason: string, existed: boolean) =>
      `Impossible d'écrire « ${out} » : ${reason}. ${existed ? "Le fichier précédent est resté tel quel." : "Rien n'a été créé."}`,
    written: (out: string, territories: number, fromBatch: number, kept: number, accepted: number, rejected: number) =>
      `Consolidation écrite : ${out} (${territories} territoire(s) : ${fromBatch} de ce lot${kept > 0 ? `, ${kept} déjà consolidé(s)` : ""} ; ${accepted} fichier(s) accepté(s), ${rejected} rejeté(s)).`,
  },

  /** The output's folder, its lock and the cleanup on a signal (src/cli/output-guard.ts). */
  output: {
    /** The empty file that shows the folder takes a file, removed at once. */
    probeFile: (out: string, pid: number) => `.${out}.${pid}.essai`,
    cannotWriteFolder: (folder: string, out: string, reason: string) =>
      `Impossible d'écrire dans le dossier « ${folder} » de « ${out} » : ${reason}. Aucun fichier n'a été lu.`,
    /** The lock beside the output: `CONSO.xlsx.verrou`. */
    lockFile: (out: string) => `${out}.verrou`,
    cannotCreateLock: (lock: string, reason: string) => `Impossible de créer le verrou « ${lock} » : ${reason}.`,
    /**
     * Another run holds the lock; `host` only when it is another computer's, `since` as the lock file says it (ISO),
     * shown in Paris time.
     */
    lockTaken: (work: "consolidation" | "update", out: string, pid: number | undefined, host: string | undefined, since: string | undefined, lock: string) =>
      `${work === "update" ? "Une autre mise à jour" : "Une autre consolidation"} écrit déjà « ${out} » (processus ${pid ?? "?"}${host ? ` sur ${host}` : ""}, depuis le ${
        since === undefined ? "une date inconnue" : new Date(since).toLocaleString("fr-FR", { timeZone: "Europe/Paris" })
      }) : attendez qu'elle se termine, puis relancez. Si elle a été interrompue, supprimez « ${lock} ».`,
    lockNotTaken: (lock: string) => `Le verrou « ${lock} » n'a pas pu être pris : relancez la commande.`,
    /** What a command writes, in « n'est pas <kind> »: the kind of file it may replace. */
    kinds: {
      plan: "un plan d'actions (JSON) écrit par « ctg import » ou « ctg sample-plan »",
      importReport: "un rapport d'import (JSON) écrit par « ctg import »",
      consolidationReport: "un rapport de consolidation (JSON) écrit par « ctg consolidate »",
      demoTableau: "le tableau de la démonstration",
      bilanWorkbook: "un classeur de bilan écrit par « ctg bilan »",
      bilanDocument: "un bilan écrit (Word) par « ctg bilan »",
      bilanDeck: "une présentation COPIL écrite par « ctg bilan »",
      consolidation: "une consolidation écrite par « ctg consolidate »",
      collection: "un fichier de collecte vierge écrit par « ctg collect »",
      mergeReport: "un rapport d'intégration (JSON) écrit par « ctg merge »",
    },
    /** What an existing file is, as found by looking inside it. */
    found: {
      tableau: (territory: string) => `c'est le tableau de suivi de « ${territory} »`,
      consolidation: "c'est une consolidation de territoires",
      collection: "c'est un fichier de collecte vierge",
      filledCollection: "c'est un fichier de collecte déjà enregistré depuis sa préparation (peut-être rempli par son destinataire)",
      otherCtg: "c'est un autre fichier de CTG Suivi",
      json: "c'est un fichier JSON d'une autre sorte",
      office: "c'est un document d'une autre origine",
      other: "c'est un fichier d'une autre sorte",
      folder: "c'est un dossier",
    },
    /** Nothing is written: the output would replace a file the command did not write. */
    wouldReplace: (out: string, kind: string, found: string) =>
      `« ${out} » existe déjà et n'est pas ${kind} : ${found}. Rien n'a été écrit : choisissez un autre nom de sortie, ou déplacez ce fichier.`,
    isInput: (out: string) =>
      `« ${out} » est aussi un fichier d'entrée de la commande : il serait remplacé. Rien n'a été écrit : choisissez un autre nom de sortie.`,
    sameOutput: (out: string) => `« ${out} » est donné pour deux sorties de la commande. Rien n'a été écrit : donnez deux noms différents.`,
    /** Written straight to stderr by the signal handler, on a line of its own. */
    interrupted: (signal: string) => `\nInterrompu (${signal}) : les fichiers temporaires ont été supprimés, la sortie n'a pas été modifiée.\n`,
  },
} as const;
