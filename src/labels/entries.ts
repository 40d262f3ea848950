/** Section « entries » of the French catalogue: the domain's checks of entries, quarters and plans. */
import { megabytes, megabytesOver } from "./compose";

/** `12,5 %`: a percentage as French readers write it. */
const percent = (value: number) => `${String(value).replace(".", ",")}\u00a0%`;

export const entryLabels = {
  /** A tableau update refused so that no entry is lost; `reason` is a sentence fragment. */
  updateRefused: (reason: string) => `Mise à jour refusée\u00a0: ${reason}`,
  quarter: {
    invalid: (typed: string) => `trimestre «\u00a0${typed}\u00a0» invalide\u00a0: attendu sous la forme 2026-T1`,
    outsideConvention: (quarter: string, start: string, end: string) => `le ${quarter} est hors de la période de la convention (${start} – ${end})`,
    notStarted: (quarter: string) => `le ${quarter} n'a pas encore commencé\u00a0: saisie impossible`,
    /** What an empty quarter cell is called in a message. */
    empty: "(vide)",
  },
  year: {
    invalid: (typed: string) => `année «\u00a0${typed}\u00a0» invalide\u00a0: attendu une année sur quatre chiffres, par exemple 2026`,
    outsideConvention: (year: string, start: string, end: string) => `l'année ${year} est hors de la période de la convention (${start} – ${end})`,
    notStarted: (year: string) => `l'année ${year} n'a pas encore commencé\u00a0: évaluation impossible`,
  },
  appreciation: {
    unknown: (typed: string, values: readonly string[]) => `appréciation «\u00a0${typed}\u00a0» inconnue\u00a0: choisissez ${values.join(", ")}`,
  },
  value: {
    textTooLong: (max: number, length: number) => `le texte dépasse ${max} caractères (${length})`,
    notYesNo: (typed: string) => `«\u00a0${typed}\u00a0» n'est pas une réponse valide\u00a0: choisissez Oui ou Non`,
    notInList: (typed: string, values: readonly string[]) => `«\u00a0${typed}\u00a0» n'est pas une réponse valide\u00a0: choisissez ${values.join(" ou ")}`,
    notConfirmation: (typed: string, yes: string) =>
      `«\u00a0${typed}\u00a0» n'est pas une marque de vérification\u00a0: choisissez ${yes} ou laissez la cellule vide`,
    outOfRule: (typed: string, problem: string) => `la valeur ${typed} ${problem}`,
    notANumber: (typed: string, expectation: string) => `«\u00a0${typed}\u00a0» n'est pas un nombre (${expectation})`,
    unexpectedPercent: (typed: string, expectation: string) => `«\u00a0${typed}\u00a0» est un pourcentage, alors que l'indicateur attend ${expectation}`,
    ambiguousRate: (typed: string, asFraction: number, asTyped: number) =>
      `«\u00a0${typed}\u00a0» est ambigu\u00a0: ${percent(asFraction)} (si c'est une fraction) ou ${percent(asTyped)}\u00a0? Tapez la valeur avec le signe\u00a0%, par exemple «\u00a0${percent(asFraction)}\u00a0» ou «\u00a0${percent(asTyped)}\u00a0»`,
    /** How TRUE and FALSE of a cell are quoted back to a French user. */
    true: "VRAI",
    false: "FAUX",
  },
  text: {
    tooLong: (label: string, max: number, length: number) => `${label} dépasse ${max} caractères (${length})`,
    comment: "le commentaire",
    achievements: "le texte «\u00a0Réalisations\u00a0»",
    difficulties: "le texte «\u00a0Difficultés\u00a0»",
    adjustments: "le texte «\u00a0Ajustements\u00a0»",
    effects: "le texte «\u00a0Effets pour les habitants\u00a0»",
    evidence: "le texte «\u00a0Sources et preuves\u00a0»",
    proposedAdjustments: "le texte «\u00a0Ajustements proposés\u00a0»",
    synthesis: "le texte «\u00a0Synthèse de l'axe\u00a0»",
    decisions: "le texte «\u00a0Décisions du COPIL\u00a0»",
  },
  status: {
    unknown: (typed: string, statuses: readonly string[]) => `statut «\u00a0${typed}\u00a0» inconnu\u00a0: choisissez ${statuses.join(", ")}`,
    missing: "indiquez le statut de la fiche pour ce trimestre",
    doneBelowFull: (progress: number) => `une fiche «\u00a0Réalisée\u00a0» doit avoir un avancement de 100\u00a0% (indiqué\u00a0: ${percent(progress)})`,
    notStartedWithProgress: (progress: number) =>
      `une fiche «\u00a0À lancer\u00a0» ne peut pas avoir d'avancement (indiqué\u00a0: ${percent(progress)})\u00a0: choisissez «\u00a0En cours\u00a0»`,
    fullButOngoing: "avancement de 100\u00a0%\u00a0: la fiche est-elle «\u00a0Réalisée\u00a0»\u00a0?",
    explainWhy: (status: string) => `fiche «\u00a0${status}\u00a0»\u00a0: expliquez pourquoi dans «\u00a0Difficultés\u00a0»`,
  },
  progress: {
    invalid: (typed: string) => `avancement «\u00a0${typed}\u00a0» invalide\u00a0: un pourcentage entre 0 et 100 est attendu`,
    ambiguous: (ambiguity: string) => `avancement ${ambiguity}`,
    outOfBounds: (progress: number) => `avancement ${percent(progress)} hors limites\u00a0: il doit être compris entre 0\u00a0% et 100\u00a0%`,
    notWhole: (progress: number) => `avancement ${percent(progress)}\u00a0: indiquez un pourcentage entier`,
  },
  plan: {
    required: (what: string) => `${what} est obligatoire`,
    notText: (what: string) => `${what} doit être un texte`,
    empty: (what: string) => `${what} ne doit pas être vide`,
    itemNotText: (what: string) => `chaque élément de ${what} doit être un texte`,
    notTextList: (what: string) => `${what} doit être une liste de textes`,
    notDate: (what: string) => `${what} doit être une date AAAA-MM-JJ`,
    invalidDate: (what: string) => `${what} doit être une date valide au format AAAA-MM-JJ (par exemple 2026-01-01)`,
    /** A date written as one, but that the calendar does not have (2026-02-31). */
    impossibleDate: (what: string, typed: string) => `${what} «\u00a0${typed}\u00a0» n'existe pas dans le calendrier\u00a0: vérifiez le jour et le mois`,
    notInList: (what: string, allowed: string) => `${what} doit être un texte parmi\u00a0: ${allowed}`,
    unknownValue: (what: string, value: string, allowed: string) => `${what} «\u00a0${value}\u00a0» inconnu\u00a0; valeurs possibles\u00a0: ${allowed}`,
    notNumber: (what: string) => `${what} doit être un nombre`,
    notFinite: (what: string) => `${what} doit être un nombre fini`,
    deadline: "l'échéance doit être une année (2027) ou un texte («\u00a0Dès 2026\u00a0»)",
    notList: (key: string, of: string) => `${key} doit être une liste ${of}`,
    sections: "sections doit associer des titres à des textes",
    noAxis: "le plan doit contenir au moins un axe",
    notPlan: "le plan doit être un objet JSON avec les clés «\u00a0convention\u00a0» et «\u00a0axes\u00a0»",
    notJson: (detail: string) => `le fichier n'est pas un JSON valide (${detail})`,
    /** Where a problem sits when it concerns the whole file. */
    wholeFile: "(fichier)",
    /** Where a problem sits when it concerns the whole plan object. */
    root: "(racine)",
    /** What the schema library reports, told in French: a value missing, or of another JSON type. */
    missingValue: "valeur obligatoire manquante",
    invalidType: (expected: string) => `type invalide\u00a0: ${expected} attendu`,
    jsonTypes: { string: "un texte", number: "un nombre", array: "une liste", object: "un objet", boolean: "vrai ou faux" } as Record<string, string>,
    endBeforeStart: (end: string, start: string) => `la date de fin (${end}) doit être postérieure à la date de début (${start})`,
    /** A convention date outside the years CTGs run in (a typo such as 9999); `what` names the field. */
    yearOutOfRange: (what: string, date: string, first: number, last: number) => `${what} (${date}) doit tomber entre le 01/01/${first} et le 31/12/${last}`,
    periodTooLong: (end: string, start: string, max: number) =>
      `la date de fin (${end}) donne une convention de plus de ${max} ans depuis le ${start}\u00a0: une CTG dure 4 à 5 ans\u00a0; vérifiez l'année`,
    /** A plan file larger than any plan d'actions. */
    fileTooLarge: (size: number, limit: number) =>
      `le fichier pèse ${megabytesOver(size, limit)} pour une limite de ${megabytes(limit)}\u00a0: un plan d'actions en pèse quelques dizaines de ko\u00a0; vérifiez que c'est le bon fichier`,
    brokenLink: (code: string, link: string) => `la fiche ${code} renvoie à la fiche «\u00a0${link}\u00a0», qui n'existe pas dans le plan`,
    duplicate: (what: string, key: string, first: string) => `${what} «\u00a0${key}\u00a0» en double (déjà utilisé en ${first})`,
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
