/**
 * Section « rules » of the French catalogue: what each kind of entry accepts, as the cell's prompt and refusal
 * show it and as the domain's checks explain a refusal. The bounds themselves live in src/domain/entry-rules.ts;
 * these texts quote them through their parameters, so that a bound changed there is changed here.
 */

/** How a bound reads in French: a number with a decimal comma. */
const n = (value: number) => String(value).replace(".", ",");
/** `4 000`: a count with the French thousands separator (a plain space, as Excel's messages show it). */
const count = (value: number) => new Intl.NumberFormat("fr-FR").format(value).replace(/\u202f/g, " ");

export const ruleLabels = {
  /** Title of the refusal box of a value cell (Excel caps it at 32 characters). */
  refusedTitle: "Valeur refusée",
  tooLongTitle: "Texte trop long",
  indicator: {
    nombre: {
      expectation: "un nombre entier positif ou nul",
      outOfBounds: "doit être un nombre entier positif ou nul",
      tooManyDecimals: "doit être un nombre entier positif ou nul",
      prompt: (unit: string) => `Nombre entier positif ou nul${unit ? ` (${unit})` : ""}.`,
      refusal: "Saisissez un nombre entier positif ou nul, sans décimale.",
      referenceExpectation: "un nombre entier positif ou nul",
      referenceRefusal: "Saisissez un nombre entier positif ou nul, sans décimale.",
    },
    taux: {
      expectation: "un pourcentage entre 0 et 100",
      outOfBounds: "doit être un pourcentage entre 0 et 100",
      tooManyDecimals: "doit être un pourcentage entre 0 et 100",
      prompt: () => "Pourcentage de 0\u00a0% à 100\u00a0% (tapez 45 pour 45\u00a0%).",
      refusal: "Le taux doit être compris entre 0\u00a0% et 100\u00a0%.",
      referenceExpectation: "un pourcentage entre 0 et 100",
      referenceRefusal: "Le taux doit être compris entre 0\u00a0% et 100\u00a0%.",
    },
    montant: {
      expectation: "un montant en euros, positif, à 2 décimales au plus",
      outOfBounds: "doit être un montant positif ou nul",
      tooManyDecimals: "doit avoir au plus 2 décimales",
      prompt: () => "Montant en euros, positif, 2 décimales au plus.",
      refusal: "Saisissez un montant positif ou nul en euros, à 2 décimales au plus.",
      referenceExpectation: "un montant en euros, positif, à 2 décimales au plus",
      referenceRefusal: "Saisissez un montant positif ou nul en euros, à 2 décimales au plus.",
    },
    echelle: {
      expectation: "une note entière de 1 à 5",
      outOfBounds: "doit être un entier de 1 à 5",
      tooManyDecimals: "doit être un entier de 1 à 5",
      prompt: () => "Note entière de 1 (faible) à 5 (forte).",
      refusal: "Saisissez une note entière de 1 à 5.",
      referenceExpectation: "une note entière de 1 à 5",
      referenceRefusal: "Saisissez une note entière de 1 à 5.",
    },
    "oui-non": {
      expectation: "Oui ou Non",
      /** A référence or a cible of a oui / non indicator is a number: 1 for oui, 0 for non. */
      outOfBounds: "doit valoir 1 (oui) ou 0 (non)",
      tooManyDecimals: "doit valoir 1 (oui) ou 0 (non)",
      prompt: () => "Choisissez Oui ou Non.",
      refusal: "Choisissez Oui ou Non dans la liste.",
      referenceExpectation: "1 (oui) ou 0 (non)",
      referenceRefusal: "Saisissez 1 (oui) ou 0 (non).",
    },
    texte: {
      expectation: "une valeur",
      outOfBounds: "n'a pas de sens pour un indicateur de type texte",
      tooManyDecimals: "n'a pas de sens pour un indicateur de type texte",
      prompt: () => "Réponse en texte libre.",
      refusal: (max: number) => `${count(max)} caractères au plus.`,
      referenceExpectation: "aucune valeur",
      referenceRefusal: "Un indicateur de type texte n'a ni valeur de référence ni cible.",
    },
  },
  /** A référence or a cible typed in the « Indicateurs » sheet, by the rule of its indicator's type. */
  reference: {
    baselineTitle: "Valeur de référence",
    targetTitle: "Cible",
    baselinePrompt: (expectation: string) => `Valeur de l'indicateur au début de la convention\u00a0: ${expectation}.`,
    targetPrompt: (expectation: string) => `Valeur visée à la fin de la convention\u00a0: ${expectation}.`,
    /** A texte indicator has no référence nor cible. */
    none: "Pas de valeur de référence ni de cible pour un indicateur de type texte\u00a0: laissez la cellule vide.",
    noneRefusal: "Un indicateur de type texte n'a ni valeur de référence ni cible.",
  },
  progress: {
    title: "Avancement",
    prompt: "Part de la fiche réalisée, de 0\u00a0% à 100\u00a0%. Une fiche «\u00a0Réalisée\u00a0» est à 100\u00a0%.",
    refusedTitle: "Avancement refusé",
    refusal: "L'avancement est un pourcentage entier, de 0\u00a0% à 100\u00a0%.",
  },
  text: {
    refusal: (max: number) => `${count(max)} caractères au plus.`,
  },
  /** The bounds of a rule, for the docs and for messages that list them. */
  bounds: (min: number, max: number | undefined) => (max === undefined ? `${n(min)} ou plus` : `de ${n(min)} à ${n(max)}`),
} as const;
