/** Section « entries » of the French catalogue: the domain's checks of entries, quarters and plans. */
import { megabytes, megabytesOver } from "./compose";

/** `12,5 %`: a percentage as French readers write it. */
const percent = (value: number) => `${String(value).replace(".", ",")} %`;

export const entryLabels = {
  /** A tableau update refused so that no entry is lost; `reason` is a sentence fragment. */
  updateRefused: (reason: string) => `Mise à jour refusée : ${reason}`,
  quarter: {
    invalid: (typed: string) => `trimestre « ${typed} » invalide : attendu sous la forme 2026-T1`,
    outsideConvention: (quarter: string, start: string, end: string) => `le ${quarter} est hors de la période de la convention (${start} – ${end})`,
    notStarted: (quarter: string) => `le ${quarter} n'a pas encore commencé : saisie impossible`,
    /** What an empty quarter cell is called in a message. */
    empty: "(vide)",
  },
  year: {
    invalid: (typed: string) => `année « ${typed} » invalide : attendu une année sur quatre chiffres, par exemple 2026`,
    outsideConvention: (year: string, start: string, end: string) => `l'année ${year} est hors de la période de la convention (${start} – ${end})`,
    notStarted: (year: string) => `l'année ${year} n'a pas encore commencé : évaluation impossible`,
  },
  appreciation: {
    unknown: (typed: string, values: readonly string[]) => `appréciation « ${typed} » inconnue : choisissez ${values.join(", ")}`,
  },
  value: {
    textTooLong: (max: number, length: number) => `le texte dépasse ${max} caractères (${length})`,
    notYesNo: (typed: string) => `« ${typed} » n'est pas une réponse valide : choisissez Oui ou Non`,
    notInList: (typed: string, values: readonly string[]) => `« ${typed} » n'est pas une réponse valide : choisissez ${values.join(" ou ")}`,
    notConfirmation: (typed: string, yes: string) => `« ${typed} » n'est pas une marque de vérification : choisissez ${yes} ou laissez la cellule vide`,
    outOfRule: (typed: string, problem: string) => `la valeur ${typed} ${problem}`,
    notANumber: (typed: string, expectation: string) => `« ${typed} » n'est pas un nombre (${expectation})`,
    unexpectedPercent: (typed: string, expectation: string) => `« ${typed} » est un pourcentage, alors que l'indicateur attend ${expectation}`,
    ambiguousRate: (typed: string, asFraction: number, asTyped: number) =>
      `« ${typed} » est ambigu : ${percent(asFraction)} (si c'est une fraction) ou ${percent(asTyped)} ? Tapez la valeur avec le signe %, par exemple « ${percent(asFraction)} » ou « ${percent(asTyped)} »`,
    /** How TRUE and FALSE of a cell are quoted back to a French user. */
    true: "VRAI",
    false: "FAUX",
  },
  text: {
    tooLong: (label: string, max: number, length: number) => `${label} dépasse ${max} caractères (${length})`,
    comment: "le commentaire",
    achievements: "le texte « Réalisations »",
    difficulties: "le texte « Difficultés »",
    adjustments: "le texte « Ajustements »",
    effects: "le texte « Effets pour les habitants »",
    evidence: "le texte « Sources et preuves »",
    proposedAdjustments: "le texte « Ajustements proposés »",
    synthesis: "le texte « Synthèse de l'axe »",
    decisions: "le texte « Décisions du COPIL »",
  },
  status: {
    unknown: (typed: string, statuses: readonly string[]) => `statut « ${typed} » inconnu : choisissez ${statuses.join(", ")}`,
    missing: "indiquez le statut de la fiche pour ce trimestre",
    doneBelowFull: (progress: number) => `une fiche « Réalisée » doit avoir un avancement de 100 % (indiqué : ${percent(progress)})`,
    notStartedWithProgress: (progress: number) =>
      `une fiche « À lancer » ne peut pas avoir d'avancement (indiqué : ${percent(progress)}) : choisissez « En cours »`,
    fullButOngoing: "avancement de 100 % : la fiche est-elle « Réalisée » ?",
    explainWhy: (status: string) => `fiche « ${status} » : expliquez pourquoi dans « Difficultés »`,
  },
  progress: {
    invalid: (typed: string) => `avancement « ${typed} » invalide : un pourcentage entre 0 et 100 est attendu`,
    ambiguous: (ambiguity: string) => `avancement ${ambiguity}`,
    outOfBounds: (progress: number) => `avancement ${percent(progress)} hors limites : il doit être compris entre 0 % et 100 %`,
    notWhole: (progress: number) => `avancement ${percent(progress)} : indiquez un pourcentage entier`,
  },
  plan: {
    required: (what: string) => `${what} est obligatoire`,
    notText: (what: string) => `${what} doit être un texte`,
    empty: (what: string) => `${what} ne doit pas être vide`,
    itemNotText: (what: string) => `chaque élément de ${what} doit être un texte`,
    notTextList: (what: string) => `${what} doit être une liste de textes`,
    notDate: (what: string) => `${what} doit être une date AAAA-MM-JJ`,
    invalidDate: (what: string) => `${what} doit être une date valide au format AAAA-MM-JJ (par exemple 2026-01-01)`,
    notInList: (what: string, allowed: string) => `${what} doit être un texte parmi : ${allowed}`,
    unknownValue: (what: string, value: string, allowed: string) => `${what} « ${value} » inconnu ; valeurs possibles : ${allowed}`,
    notNumber: (what: string) => `${what} doit être un nombre`,
    notFinite: (what: string) => `${what} doit être un nombre fini`,
    deadline: "l'échéance doit être une année (2027) ou un texte (« Dès 2026 »)",
    notList: (key: string, of: string) => `${key} doit être une liste ${of}`,
    sections: "sections doit associer des titres à des textes",
    noAxis: "le plan doit contenir au moins un axe",
    notPlan: "le plan doit être un objet JSON avec les clés « convention » et « axes »",
    notJson: (detail: string) => `le fichier n'est pas un JSON valide (${detail})`,
    /** Where a problem sits when it concerns the whole file. */
    wholeFile: "(fichier)",
    endBeforeStart: (end: string, start: string) => `la date de fin (${end}) doit être postérieure à la date de début (${start})`,
    /** A convention date outside the years CTGs run in (a typo such as 9999); `what` names the field. */
    yearOutOfRange: (what: string, date: string, first: number, last: number) => `${what} (${date}) doit tomber entre le 01/01/${first} et le 31/12/${last}`,
    periodTooLong: (end: string, start: string, max: number) =>
      `la date de fin (${end}) donne une convention de plus de ${max} ans depuis le ${start} : une CTG dure 4 à 5 ans ; vérifiez l'année`,
    /** A plan file larger than any plan d'actions. */
    fileTooLarge: (size: number, limit: number) =>
      `le fichier pèse ${megabytesOver(size, limit)} pour une limite de ${megabytes(limit)} : un plan d'actions en pèse quelques dizaines de ko ; vérifiez que c'est le bon fichier`,
    brokenLink: (code: string, link: string) => `la fiche ${code} renvoie à la fiche « ${link} », qui n'existe pas dans le plan`,
    duplicate: (what: string, key: string, first: string) => `${what} « ${key} » en double (déjà utilisé en ${first})`,
    boundsOf: (what: string, problem: string) => `${what} ${problem}`,
    /** Names of the plan's parts in the messages above. */
    fields: {
      indicatorId: "l'identifiant de l'indicateur",
      indicatorLabel: "le libellé de l'indicateur",
      indicatorType: "le type d'indicateur",
      unit: "l'unité",
      baseline: "la valeur de référence",
      target: "la cible",
      aggregation: "l'agrégation",
      periodicity: "la périodicité",
      actionCode: "le code de la fiche action",
      actionTitle: "l'intitulé de la fiche action",
      field: "le champ d'intervention",
      subAxisCode: "le code du sous-axe",
      subAxisTitle: "l'intitulé du sous-axe",
      axisCode: "le code de l'axe",
      axisTitle: "l'intitulé de l'axe",
      territory: "le territoire",
      inseeOrSiren: "le code INSEE ou SIREN",
      department: "le département",
      caf: "la Caf",
      start: "la date de début",
      end: "la date de fin",
      axisCodeKind: "code d'axe",
      subAxisCodeKind: "code de sous-axe",
      actionCodeKind: "code de fiche action",
      indicatorIdKind: "identifiant d'indicateur",
    },
    /** « de fiches actions », for `actions doit être une liste de fiches actions`. */
    listsOf: { fields: "de champs", indicators: "d'indicateurs", actions: "de fiches actions", subAxes: "de sous-axes", axes: "d'axes" },
  },
} as const;
