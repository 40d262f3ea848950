/**
 * Section « collection » of the French catalogue: collecting a quarter's entries from the partners without shared
 * accounts — the small workbook each pilote (or partner) fills, the journal of what was merged back, the merge
 * report and the commands `ctg collect` and `ctg merge`.
 */
import { sheetLabels } from "./sheets";

const names = {
  context: "Trimestres précédents",
  journal: sheetLabels.names.journal,
  meta: "_ctg_collecte",
} as const;

const byWords = { pilote: "pilote", partenaire: "partenaire" } as const;

export const collectionLabels = {
  names,
  tables: { context: "TrimestresPrecedents", journal: "JournalRetours" },
  format: "ctg-suivi/collecte",
  guide: {
    title: (territory: string, quarter: string) => `Collecte du ${quarter} – Convention territoriale globale – ${territory}`,
    person: (by: "pilote" | "partenaire", person: string, count: number) =>
      `Fichier préparé pour ${person} (${byWords[by]})\u00a0: ${count === 1 ? "1 fiche action" : `${count} fiches actions`}.`,
    prepared: (date: string, tableau: string) => `Préparé le ${date} à partir du tableau de suivi «\u00a0${tableau}\u00a0».`,
    lines: (tracking: string, measurements: string, evaluation: string | undefined, context: string) => [
      "Ce que vous avez à faire\u00a0:",
      `1. Feuille «\u00a0${tracking}\u00a0»\u00a0: pour chacune de vos fiches, choisissez le statut du trimestre, indiquez l'avancement (en\u00a0%), les réalisations, les difficultés et les ajustements.`,
      `2. Feuille «\u00a0${measurements}\u00a0»\u00a0: saisissez la valeur de chaque indicateur pour le trimestre, avec un commentaire si besoin.`,
      ...(evaluation
        ? [
            `3. Feuille «\u00a0${evaluation}\u00a0» (facultatif)\u00a0: ce qui a changé pour les habitants cette année, sur quelles sources, et votre appréciation de l'objectif.`,
          ]
        : []),
      `La feuille «\u00a0${context}\u00a0» rappelle vos saisies des trimestres précédents\u00a0; elle ne se modifie pas.`,
      "Les cellules à saisir sont sur fond crème\u00a0; les autres sont protégées. Une cellule laissée vide ne change rien au tableau de suivi.",
      "Enregistrez le fichier au format Excel (.xlsx), sans le renommer si possible, puis renvoyez-le par courriel à la personne qui vous l'a adressé.",
      "Ce fichier s'ouvre avec Excel (sans complément) ou LibreOffice Calc.",
    ],
  },
  columns: {
    context: {
      quarter: { header: "Trimestre", content: "trimestre de la saisie" },
      code: { header: "Code fiche", content: "code de la fiche action" },
      label: { header: "Fiche ou indicateur", content: "intitulé de la fiche ou libellé de l'indicateur" },
      value: { header: "Statut ou valeur", content: "statut de la fiche ou valeur de l'indicateur" },
      detail: { header: "Avancement ou commentaire", content: "avancement de la fiche ou commentaire de la valeur" },
    },
    journal: {
      mergedAt: { header: "Intégré le", content: "date et heure de l'intégration (ISO 8601)" },
      person: { header: "Pilote ou partenaire", content: "personne pour qui le fichier a été préparé" },
      file: { header: "Fichier", content: "nom du fichier retourné" },
      kind: { header: "Nature", content: "`Retour`, `Suivi de fiche`, `Saisie d'indicateur` ou `Évaluation de fiche`" },
      code: { header: "Code", content: "code de la fiche ou identifiant de l'indicateur" },
      period: { header: "Trimestre ou année", content: "trimestre de la saisie (année, pour une évaluation)" },
      field: { header: "Champ", content: "champ écrit (statut, avancement, valeur…)" },
      before: { header: "Avant", content: "ce que le tableau contenait (vide en général)" },
      after: { header: "Valeur intégrée", content: "valeur écrite\u00a0; pour un retour, le nombre de valeurs intégrées" },
    },
  },
  kinds: { retour: "Retour", statut: "Suivi de fiche", saisie: "Saisie d'indicateur", evaluation: "Évaluation de fiche" },
  fields: {
    status: "statut",
    progress: "avancement",
    achievements: "réalisations",
    difficulties: "difficultés",
    adjustments: "ajustements",
    value: "valeur",
    comment: "commentaire",
    effects: "effets observés",
    evidence: "sources et preuves",
    appreciation: "appréciation",
    confirmed: "vérifié",
  } as Record<string, string>,
  /** File names: one per person, from their name made safe for every file system. */
  fileName: (quarter: string, person: string) => `Collecte ${quarter} - ${person}.xlsx`,
  reading: {
    notACollection: (file: string) =>
      `«\u00a0${file}\u00a0» n'est pas un fichier de collecte préparé par CTG Suivi (feuille cachée d'identification absente)\u00a0: seuls les fichiers écrits par «\u00a0ctg collect\u00a0» ou «\u00a0Préparer la collecte\u00a0» s'intègrent.`,
    metaMissing: (file: string, key: string) =>
      `«\u00a0${file}\u00a0»\u00a0: l'identification du fichier de collecte est incomplète («\u00a0${key}\u00a0» manquant).`,
    otherFormat: (file: string, version: string) =>
      `«\u00a0${file}\u00a0» a été préparé par une version de CTG Suivi que celle-ci ne lit pas (format ${version}).`,
    otherTableau: (file: string, territory: string) =>
      `«\u00a0${file}\u00a0» a été préparé pour un autre tableau de suivi (${territory})\u00a0: il n'est pas intégré.`,
    otherQuarter: (file: string, quarter: string, expected: string) =>
      `«\u00a0${file}\u00a0» a été préparé pour le ${quarter}, pas pour le ${expected} demandé\u00a0: il n'est pas intégré.`,
    lockedQuarter: (file: string, quarter: string) =>
      `«\u00a0${file}\u00a0» porte sur le ${quarter}, verrouillé après le COPIL\u00a0: rien n'y est écrit. Déverrouillez le trimestre dans le tableau pour l'intégrer.`,
    structureChanged: (file: string) =>
      `«\u00a0${file}\u00a0» a été préparé avant une modification du plan d'actions (fiches ou indicateurs)\u00a0: préparez un nouveau fichier pour cette personne.`,
    unknownFiche: (file: string, code: string) => `«\u00a0${file}\u00a0» a été préparé pour la fiche ${code}, que le tableau n'a plus.`,
    hasErrors: (count: number) => (count === 1 ? "1 erreur dans le fichier" : `${count} erreurs dans le fichier`),
    unreadable: (file: string, reason: string) => `«\u00a0${file}\u00a0» ne peut pas être lu comme un classeur Excel\u00a0: ${reason}.`,
    sameFileTwice: (file: string, other: string) => `«\u00a0${file}\u00a0» est le même fichier que «\u00a0${other}\u00a0»\u00a0: il n'est intégré qu'une fois.`,
  },
  report: {
    title: (tableau: string, date: string) => `Intégration des retours dans «\u00a0${tableau}\u00a0» le ${date}`,
    accepted: (file: string, person: string, changes: number) =>
      `✔ «\u00a0${file}\u00a0» (${person})\u00a0: accepté, ${changes === 0 ? "aucune valeur nouvelle pour le tableau" : changes === 1 ? "1 valeur intégrée" : `${changes} valeurs intégrées`}.`,
    acceptedWithWarnings: (file: string, person: string, changes: number, warnings: number) =>
      `⚠ «\u00a0${file}\u00a0» (${person})\u00a0: accepté avec ${warnings === 1 ? "1 avertissement" : `${warnings} avertissements`}, ${changes === 1 ? "1 valeur intégrée" : `${changes} valeurs intégrées`}.`,
    rejected: (file: string) => `✘ «\u00a0${file}\u00a0»\u00a0: refusé.`,
    reason: (text: string) => `    – ${text}`,
    change: (where: string, field: string, before: string, after: string) => `    ${where}, ${field}\u00a0: ${before} → ${after}`,
    conflict: (where: string, field: string, inTableau: string, returned: string) =>
      `    CONFLIT ${where}, ${field}\u00a0: le tableau contient «\u00a0${inTableau}\u00a0», le fichier «\u00a0${returned}\u00a0». Rien n'est remplacé\u00a0: pour garder la valeur du fichier, videz la cellule du tableau et intégrez le fichier de nouveau.`,
    outOfScope: (where: string) => `    HORS PÉRIMÈTRE ${where}\u00a0: ce fichier n'a pas été préparé pour cette saisie, elle n'est pas intégrée.`,
    warning: (where: string, message: string) => `    Avertissement ${where}\u00a0: ${message}`,
    issue: (where: string, message: string) => `    ${where}\u00a0: ${message}`,
    whereStatus: (code: string, quarter: string) => `fiche ${code}, ${quarter}`,
    whereMeasurement: (id: string, quarter: string) => `indicateur ${id}, ${quarter}`,
    whereEvaluation: (code: string, year: string) => `évaluation de la fiche ${code}, ${year}`,
    empty: "(vide)",
    missing: (quarter: string, people: string[]) =>
      people.length === 0 ? `Tous les fichiers du ${quarter} sont revenus.` : `Pas encore de retour pour le ${quarter}\u00a0: ${people.join(", ")}.`,
    rate: (returned: number, expected: number) => `Taux de retour\u00a0: ${returned} sur ${expected}.`,
    written: (tableau: string, changes: number, backup: string) =>
      `Tableau «\u00a0${tableau}\u00a0» mis à jour\u00a0: ${changes === 0 ? "aucune valeur nouvelle, retour noté" : changes === 1 ? "1 valeur intégrée" : `${changes} valeurs intégrées`} (journal dans la feuille «\u00a0${names.journal}\u00a0»). Copie de la version précédente\u00a0: ${backup}`,
    nothingWritten: (tableau: string) => `Aucune nouvelle valeur\u00a0: «\u00a0${tableau}\u00a0» n'est pas modifié.`,
    reportWritten: (file: string) => `Rapport JSON écrit\u00a0: ${file}`,
    conflictsLeft: (count: number) => (count === 1 ? "1 conflit à trancher\u00a0: voir ci-dessus." : `${count} conflits à trancher\u00a0: voir ci-dessus.`),
  },
  cli: {
    collectUsage:
      "Usage\u00a0: ctg collect TABLEAU.xlsx --quarter 2026-T4 --out DOSSIER [--by pilote|partenaire]\nÉcrit un fichier par pilote (ou partenaire) avec ses seules fiches du trimestre, à lui envoyer par courriel.",
    mergeUsage:
      "Usage\u00a0: ctg merge TABLEAU.xlsx RETOUR.xlsx… [--quarter 2026-T4 [--by pilote|partenaire]] [--report RAPPORT.json]\nIntègre les fichiers de collecte retournés\u00a0: rien n'est remplacé sans que vous le décidiez.",
    badBy: (value: string) => `--by «\u00a0${value}\u00a0»\u00a0: indiquez «\u00a0pilote\u00a0» ou «\u00a0partenaire\u00a0».`,
    badQuarter: (value: string) => `--quarter «\u00a0${value}\u00a0»\u00a0: indiquez un trimestre comme 2026-T4.`,
    tableauHasErrors: (file: string, count: number) =>
      `«\u00a0${file}\u00a0» contient ${count === 1 ? "1 erreur" : `${count} erreurs`}\u00a0: corrigez-${count === 1 ? "la" : "les"} (ctg check) avant de préparer ou d'intégrer une collecte.`,
    quarterLocked: (quarter: string) => `Le ${quarter} est verrouillé après le COPIL\u00a0: il n'y a plus rien à collecter.`,
    quarterOutside: (quarter: string) => `Le ${quarter} n'est pas un trimestre de la convention.`,
    quarterNotStarted: (quarter: string) => `Le ${quarter} n'a pas commencé\u00a0: sa collecte se prépare à partir de son premier jour.`,
    nobody: (by: "pilote" | "partenaire") => `Aucune fiche du plan ne nomme de ${byWords[by]}\u00a0: il n'y a personne à qui préparer un fichier.`,
    written: (count: number, dir: string, quarter: string) =>
      `${count === 1 ? "1 fichier de collecte écrit" : `${count} fichiers de collecte écrits`} dans ${dir} pour le ${quarter}\u00a0:`,
    fileLine: (file: string, person: string, fiches: number) => `  ${file} – ${person}, ${fiches === 1 ? "1 fiche" : `${fiches} fiches`}`,
    next: "Envoyez à chacun son fichier\u00a0; quand ils reviennent\u00a0: ctg merge TABLEAU.xlsx RETOURS/*.xlsx",
    noFiles: "Indiquez au moins un fichier retourné à intégrer.",
  },
  dashboard: {
    title: (quarter: string) => `Retours de la collecte du ${quarter}`,
    rate: (returned: number, expected: number) => `${returned} sur ${expected} pilotes ont renvoyé leur fichier`,
    waiting: (people: string) => `En attente\u00a0: ${people}`,
    none: "Aucun fichier de collecte intégré pour ce trimestre.",
  },
  annex: {
    title: "Origine des saisies intégrées",
    intro: "Valeurs saisies par les pilotes et partenaires dans leur fichier de collecte, puis intégrées au tableau de suivi.",
    headers: ["Intégré le", "Pilote ou partenaire", "Fichier", "Trimestre", "Valeurs intégrées"],
  },
} as const;
