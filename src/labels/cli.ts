/**
 * Section « cli » of the French catalogue (see catalog.ts): everything the `ctg` command line prints, its usage
 * first. Messages thrown as errors are complete sentences; lines printed as progress are as they appear on screen
 * (leading spaces included).
 */

const USAGE = `CTG Suivi — tableau de suivi partagé des Conventions territoriales globales

Usage\u00a0:
  ctg init --plan PLAN.json --out FICHIER.xlsx [--update]
        Crée le tableau de suivi d'un plan d'actions\u00a0; avec --update, met à jour la structure
        d'un tableau existant en gardant toutes les saisies (copie de sauvegarde à côté).
  ctg check FICHIER.xlsx [--json]
        Vérifie un tableau rempli\u00a0: chaque problème avec sa feuille et sa cellule.
        Code de sortie\u00a0: 0 sans erreur, 1 avec erreurs, 2 si le fichier est illisible.
  ctg bilan FICHIER.xlsx --kind annual --year 2026 | --kind midterm [--until 2028-T4] | --kind final [--cdsf] [--indicator ID] (--out DOSSIER | --json)
        Calcule le point d'étape annuel, le bilan intermédiaire ou le bilan final (--cdsf\u00a0: partie petite enfance)\u00a0;
        --out écrit DOSSIER/bilan-….xlsx (tableaux) et DOSSIER/copil-….pptx (présentation COPIL, graphiques natifs)\u00a0;
        --indicator choisit l'indicateur dont la présentation montre l'évolution\u00a0; --json affiche le bilan en JSON.
  ctg consolidate FICHIER.xlsx… --out CONSOLIDATION.xlsx [--report RAPPORT.json]
        Vérifie et fusionne les tableaux de plusieurs territoires (fichiers jamais modifiés)\u00a0: synthèse par territoire
        et par champ, statuts et indicateurs en tables longues, rapport d'import. Un territoire déjà consolidé est
        remplacé par son nouveau fichier. Code de sortie 0 si au moins un fichier est accepté.
  ctg collect TABLEAU.xlsx --quarter 2026-T4 --out DOSSIER [--by pilote|partenaire]
        Prépare un petit classeur par pilote (ou partenaire) avec ses seules fiches du trimestre, à lui envoyer
        par courriel\u00a0; il se remplit dans Excel sans complément ou dans LibreOffice.
  ctg merge TABLEAU.xlsx RETOUR.xlsx… [--quarter 2026-T4] [--report RAPPORT.json]
        Intègre les fichiers retournés\u00a0: chaque valeur vérifiée, rien de remplacé sans vous (conflits montrés),
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
  "Usage\u00a0: ctg bilan FICHIER.xlsx --kind annual --year 2026 | --kind midterm [--until 2028-T4] | --kind final [--provisoire] [--cdsf] [--indicator ID] (--out DOSSIER | --json)";
const CONSOLIDATE_USAGE = "Usage\u00a0: ctg consolidate FICHIER.xlsx… --out CONSOLIDATION.xlsx [--report RAPPORT.json]";

/** An output that was not written: « modifié » when it existed before the run, « créé » otherwise. */
const untouched = (existed: boolean) => (existed ? "modifié" : "créé");

export const cliLabels = {
  usage: USAGE,
  unknownCommand: (command: string) => `Commande inconnue\u00a0: «\u00a0${command}\u00a0».\n\n${USAGE}`,
  /** `detail` is Node's own message (parseArgs), in English. */
  invalidOption: (detail: string) => `Option invalide\u00a0: ${detail}\n\n${USAGE}`,

  /** A located issue of a tableau, and the count of them (src/cli/format-issues.ts). */
  issues: {
    error: "erreur",
    warning: "avertissement",
    line: (sheet: string, cell: string, level: string, message: string) => `${sheet}!${cell} — ${level}\u00a0: ${message}`,
    count: (errors: number, warnings: number) => `${errors} erreur${errors > 1 ? "s" : ""}, ${warnings} avertissement${warnings > 1 ? "s" : ""}`,
  },

  /** Reading and writing the user's files (src/cli/io.ts); `reason` is a file-system reason (errorLabels.fileSystem). */
  files: {
    cannotRead: (file: string, reason: string) => `Impossible de lire «\u00a0${file}\u00a0»\u00a0: ${reason}.`,
    notFound: "fichier introuvable",
    cannotWrite: (file: string, reason: string) => `Impossible d'écrire «\u00a0${file}\u00a0»\u00a0: ${reason}.`,
    /** The copy kept before an update: `suivi.sauvegarde-20261202-093015.xlsx`, beside the tableau. */
    backupStem: (stem: string, stamp: string) => `${stem}.sauvegarde-${stamp}`,
    cannotWriteBackup: (backup: string, detail: string) =>
      `Impossible d'écrire la copie de sauvegarde «\u00a0${backup}\u00a0»\u00a0: ${detail}. Le tableau n'a pas été modifié.`,
  },

  /** A plan JSON that does not pass its schema. */
  plan: {
    invalid: (file: string, issues: string) => `Le plan «\u00a0${file}\u00a0» n'est pas valide\u00a0:\n${issues}`,
    issue: (path: string, message: string) => `  ${path}\u00a0: ${message}`,
    /** `reason` is the plan check's (entryLabels.plan.fileTooLarge), told before the file is read. */
    tooLarge: (file: string, reason: string) => `Le plan «\u00a0${file}\u00a0» n'est pas lu\u00a0: ${reason}.`,
  },

  init: {
    usage: "Usage\u00a0: ctg init --plan PLAN.json --out FICHIER.xlsx [--update]",
    exists: (out: string) =>
      `«\u00a0${out}\u00a0» existe déjà. Ajoutez --update pour mettre à jour sa structure en gardant les saisies, ou choisissez un autre fichier.`,
    written: (out: string, actions: number, indicators: number) =>
      `Tableau de suivi écrit\u00a0: ${out} (${actions} fiches actions, ${indicators} indicateurs).`,
    kept: (statuses: number, measurements: number, backup: string | undefined) =>
      `Saisies conservées\u00a0: ${statuses} suivis de fiche, ${measurements} valeurs d'indicateur. Copie de l'ancien fichier\u00a0: ${backup}`,
    columnKept: (column: string) => `Colonne ajoutée conservée\u00a0: ${column}.`,
    /** The plan is another territory's than the tableau's (a copy of a neighbour's tableau, say). */
    newIdentity: (territory: string) =>
      `Ce tableau était celui d'un autre territoire\u00a0: il reçoit un identifiant de convention propre à «\u00a0${territory}\u00a0», pour que la consolidation ne les confonde pas.`,
    archived: (count: number) =>
      `${count} saisie(s) d'une fiche, d'un indicateur ou d'un trimestre retirés du plan ont été déplacées dans la feuille «\u00a0Archives\u00a0».`,
    /** The tableau was saved by someone else between the update's reading and its writing. */
    changedMeanwhile: (out: string) =>
      `«\u00a0${out}\u00a0» a été modifié pendant la mise à jour (enregistré par quelqu'un d'autre, ou depuis Excel)\u00a0: rien n'a été changé, aucune copie n'a été laissée. Relancez la mise à jour\u00a0; elle partira du fichier tel qu'il est maintenant.`,
    /** Writing the updated tableau failed after its backup was written: the backup is removed, the tableau is as it was. */
    cannotReplace: (out: string, reason: string) =>
      `Impossible d'écrire «\u00a0${out}\u00a0»\u00a0: ${reason}. Le tableau n'a pas été modifié et aucune copie n'a été laissée.`,
  },

  check: {
    usage: "Usage\u00a0: ctg check FICHIER.xlsx [--json]",
    /** The last line: the file, its territory when the file names one, the verdict and the count of issues. */
    summary: (file: string, territory: string | undefined, ok: boolean, count: string) =>
      `${file}${territory ? ` (${territory})` : ""}\u00a0: ${ok ? "tableau valide" : "tableau à corriger"} — ${count}.`,
  },

  demo: {
    tableauFile: "suivi-ctg-demo.xlsx",
    bilanFile: (year: number) => `bilan-annuel-${year}.xlsx`,
    written: (file: string) => `Démonstration écrite\u00a0: ${file}`,
    plan: (territory: string, actions: number, indicators: number) => `  ${territory}, ${actions} fiches actions, ${indicators} indicateurs.`,
    entries: (statuses: number, measurements: number) =>
      `  Saisies\u00a0: ${statuses} suivis de fiche et ${measurements} valeurs d'indicateur sur 2 trimestres (le premier est verrouillé).`,
    checked: (count: string) => `  Vérification\u00a0: ${count}.`,
    bilanWritten: (year: number, file: string) => `Point d'étape ${year} de la démonstration écrit\u00a0: ${file}`,
    deckWritten: (file: string) => `Présentation COPIL de la démonstration écrite\u00a0: ${file}`,
    documentWritten: (file: string) => `Bilan écrit (Word) de la démonstration\u00a0: ${file}`,
  },

  samplePlan: {
    written: (out: string) => `Plan d'exemple écrit\u00a0: ${out}`,
  },

  import: {
    usage: "Usage\u00a0: ctg import REPERTOIRE.(txt|docx) --out PLAN.json [--report RAPPORT.json]",
    /** `reason` is NotARepertoire's, a sentence fragment. */
    notARepertoire: (file: string, reason: string) => `«\u00a0${file}\u00a0»\u00a0: ${reason}.`,
    /** DocxUnreadable's message names the file already: the sentence only needs its period. */
    docxUnreadable: (message: string) => `${message}.`,
    notText: (file: string) => `«\u00a0${file}\u00a0» n'est pas un fichier texte\u00a0: enregistrez le répertoire au format .txt.`,
    /** `reason` is one of fileLabels.text's: a size or a line past the import's limits. */
    textRefused: (file: string, reason: string) => `«\u00a0${file}\u00a0» ne peut pas être importé\u00a0: ${reason}.`,
    written: (out: string, actions: number, indicators: number, territory: string, start: string, end: string) =>
      `Plan écrit\u00a0: ${out} (${actions} fiches actions, ${indicators} indicateurs, territoire\u00a0: ${territory}, du ${start} au ${end}).`,
    warning: (code: string, section: string, message: string) => `  ${code ? `${code} — ` : ""}${section}\u00a0: ${message}`,
    reviewTypes:
      "Vérifiez les types d'indicateurs proposés (nombre, taux, montant, oui-non, echelle, texte) avant de créer le tableau avec «\u00a0ctg init\u00a0».",
  },

  bilan: {
    usage: BILAN_USAGE,
    outOrJson: `Indiquez --out DOSSIER pour écrire le bilan (classeur, document Word et présentation), ou --json pour l'afficher.\n${BILAN_USAGE}`,
    hasErrors: (file: string, errors: number) =>
      `«\u00a0${file}\u00a0» contient ${errors} erreur(s)\u00a0: corrigez-les (ctg check) avant le bilan, qui sinon laisserait de côté les saisies erronées.`,
    unknownIndicator: (id: string) =>
      `Indicateur «\u00a0${id}\u00a0» inconnu ou sans valeur numérique sur la période\u00a0: choisissez un identifiant de la colonne «\u00a0Identifiant\u00a0» de la feuille «\u00a0Saisies\u00a0».`,
    /** `year` is the --year option as typed. */
    fileName: (kind: string, year: string | undefined, cdsf: boolean) =>
      `bilan-${kind === "annual" ? `annuel-${year}` : kind === "midterm" ? "intermediaire" : "final"}${cdsf ? "-cdsf" : ""}.xlsx`,
    written: (file: string) => `Bilan écrit\u00a0: ${file} (graphiques et tableaux).`,
    /** A bilan made before its period ends, at the user's request. */
    provisional: (asOf: string) => `Bilan provisoire\u00a0: ses chiffres sont ceux du ${asOf}, avant la fin de sa période.`,
    deckWritten: (file: string) => `Présentation COPIL écrite\u00a0: ${file}`,
    documentWritten: (file: string, axes: number, actions: number) =>
      `Bilan écrit (Word, à présenter au COPIL)\u00a0: ${file} (${axes} axe(s), ${actions} fiche(s) action(s)).`,
    toConfirm: (count: number) =>
      `${count} valeur(s) à confirmer avant le COPIL (liste dans le bilan)\u00a0: corrigez-les ou marquez-les «\u00a0Vérifié\u00a0» dans le tableau\u00a0; ctg check les situe.`,
  },

  consolidate: {
    usage: CONSOLIDATE_USAGE,
    outputNotXlsx: (out: string) => `Le fichier de sortie doit être un classeur .xlsx\u00a0: «\u00a0${out}\u00a0».\n${CONSOLIDATE_USAGE}`,
    outputIsInput: (out: string) =>
      `«\u00a0${out}\u00a0» est aussi un fichier à consolider\u00a0: les fichiers des territoires ne sont jamais modifiés, choisissez une autre sortie.`,
    /** The output exists and is read back as an earlier consolidation. */
    storedUnreadable: (out: string, detail: string) =>
      `«\u00a0${out}\u00a0» existe mais ne peut pas être lu (${detail})\u00a0: choisissez un autre fichier de sortie.`,
    notAConsolidation: (out: string) =>
      `«\u00a0${out}\u00a0» existe et n'est pas une consolidation CTG Suivi\u00a0: il n'a pas été modifié\u00a0; choisissez un autre fichier de sortie.`,
    /** One line per file, then its reasons indented below it. */
    status: { accepted: "accepté", warnings: "accepté avec avertissements", rejected: "rejeté" },
    verdict: (rejected: boolean, file: string, territory: string | undefined, status: string) =>
      `${rejected ? "✗" : "✓"} ${file} — ${territory ?? "territoire inconnu"}\u00a0: ${status}`,
    reason: (reason: string) => `    ${reason}`,
    noneAccepted: (files: number, out: string, existed: boolean) =>
      `Aucun fichier accepté sur ${files}\u00a0: «\u00a0${out}\u00a0» n'a pas été ${untouched(existed)}.`,
    /** `reason` is SheetTooLong's, a sentence fragment. */
    sheetTooLong: (out: string, existed: boolean, reason: string) => `«\u00a0${out}\u00a0» n'a pas été ${untouched(existed)}\u00a0: ${reason}.`,
    cannotWrite: (out: string, reason: string, existed: boolean) =>
      `Impossible d'écrire «\u00a0${out}\u00a0»\u00a0: ${reason}. ${existed ? "Le fichier précédent est resté tel quel." : "Rien n'a été créé."}`,
    written: (out: string, territories: number, fromBatch: number, kept: number, accepted: number, rejected: number) =>
      `Consolidation écrite\u00a0: ${out} (${territories} territoire(s)\u00a0: ${fromBatch} de ce lot${kept > 0 ? `, ${kept} déjà consolidé(s)` : ""}\u00a0; ${accepted} fichier(s) accepté(s), ${rejected} rejeté(s)).`,
  },

  /** The output's folder, its lock and the cleanup on a signal (src/cli/output-guard.ts). */
  output: {
    /** The empty file that shows the folder takes a file, removed at once. */
    probeFile: (out: string, pid: number) => `.${out}.${pid}.essai`,
    cannotWriteFolder: (folder: string, out: string, reason: string) =>
      `Impossible d'écrire dans le dossier «\u00a0${folder}\u00a0» de «\u00a0${out}\u00a0»\u00a0: ${reason}. Aucun fichier n'a été lu.`,
    /** The lock beside the output: `CONSO.xlsx.verrou`. */
    lockFile: (out: string) => `${out}.verrou`,
    cannotCreateLock: (lock: string, reason: string) => `Impossible de créer le verrou «\u00a0${lock}\u00a0»\u00a0: ${reason}.`,
    /**
     * Another run holds the lock; `host` only when it is another computer's, `since` as the lock file says it (ISO),
     * shown in Paris time.
     */
    lockTaken: (work: "consolidation" | "update", out: string, pid: number | undefined, host: string | undefined, since: string | undefined, lock: string) =>
      `${work === "update" ? "Une autre mise à jour" : "Une autre consolidation"} écrit déjà «\u00a0${out}\u00a0» (processus ${pid ?? "inconnu"}${host ? ` sur ${host}` : ""}, ${
        since === undefined ? "depuis une date inconnue" : "depuis le " + new Date(since).toLocaleString("fr-FR", { timeZone: "Europe/Paris" })
      })\u00a0: attendez qu'elle se termine, puis relancez. Si elle a été interrompue, supprimez «\u00a0${lock}\u00a0».`,
    lockNotTaken: (lock: string) => `Le verrou «\u00a0${lock}\u00a0» n'a pas pu être pris\u00a0: relancez la commande.`,
    /** What a command writes, in « n'est pas <kind> »: the kind of file it may replace. */
    kinds: {
      plan: "un plan d'actions (JSON) écrit par «\u00a0ctg import\u00a0» ou «\u00a0ctg sample-plan\u00a0»",
      importReport: "un rapport d'import (JSON) écrit par «\u00a0ctg import\u00a0»",
      consolidationReport: "un rapport de consolidation (JSON) écrit par «\u00a0ctg consolidate\u00a0»",
      demoTableau: "le tableau de la démonstration",
      bilanWorkbook: "un classeur de bilan écrit par «\u00a0ctg bilan\u00a0»",
      bilanDocument: "un bilan écrit (Word) par «\u00a0ctg bilan\u00a0»",
      bilanDeck: "une présentation COPIL écrite par «\u00a0ctg bilan\u00a0»",
      consolidation: "une consolidation écrite par «\u00a0ctg consolidate\u00a0»",
      collection: "un fichier de collecte vierge écrit par «\u00a0ctg collect\u00a0»",
      mergeReport: "un rapport d'intégration (JSON) écrit par «\u00a0ctg merge\u00a0»",
    },
    /** What an existing file is, as found by looking inside it. */
    found: {
      tableau: (territory: string) => `c'est le tableau de suivi de «\u00a0${territory}\u00a0»`,
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
      `«\u00a0${out}\u00a0» existe déjà et n'est pas ${kind}\u00a0: ${found}. Rien n'a été écrit\u00a0: choisissez un autre nom de sortie, ou déplacez ce fichier.`,
    isInput: (out: string) =>
      `«\u00a0${out}\u00a0» est aussi un fichier d'entrée de la commande\u00a0: il serait remplacé. Rien n'a été écrit\u00a0: choisissez un autre nom de sortie.`,
    sameOutput: (out: string) => `«\u00a0${out}\u00a0» est donné pour deux sorties de la commande. Rien n'a été écrit\u00a0: donnez deux noms différents.`,
    /** Written straight to stderr by the signal handler, on a line of its own. */
    interrupted: (signal: string) => `\nInterrompu (${signal})\u00a0: les fichiers temporaires ont été supprimés, la sortie n'a pas été modifiée.\n`,
  },
} as const;
