/**
 * Section « plausibility » of the French catalogue: values that are valid but probably wrong. Each message says
 * what was compared and what to do; none refuses anything — the person confirms the value or corrects it.
 */

const list = (values: readonly string[]) => values.join(", ");

export const plausibilityLabels = {
  outlier: (value: string, id: string, median: string, count: number, recent: readonly string[]) =>
    `valeur ${value} inhabituelle pour ${id}\u00a0: les ${count} trimestres précédents sont autour de ${median} (derniers\u00a0: ${list(recent)})\u00a0; une erreur de frappe (un zéro de trop ou de moins)\u00a0?`,
  farFromHistory: (value: string, id: string, direction: "above" | "below", median: string, count: number, recent: readonly string[]) =>
    `valeur ${value} de ${id} ${direction === "above" ? "au moins 5 fois" : "moins d'un cinquième de"} la médiane (${median}) des ${count} trimestres précédents (${count > recent.length ? "derniers\u00a0: " : ""}${list(recent)})\u00a0; une erreur de frappe (un zéro de trop ou de moins)\u00a0?`,
  farFromReference: (value: string, id: string, baseline: string) =>
    `valeur ${value} de ${id} au moins 10 fois sa valeur de référence (${baseline}), sans trimestre précédent pour comparer\u00a0: l'unité ou la valeur est-elle la bonne\u00a0?`,
  runningTotal: (id: string, series: readonly string[]) =>
    `les valeurs de ${id} augmentent à chaque trimestre (${list(series)}) comme un total cumulé, alors que l'indicateur additionne les trimestres (agrégation «\u00a0Somme\u00a0»)\u00a0: saisissez la part de chaque trimestre, pas le cumul`,
  sharpDrop: (id: string, before: string, now: string) =>
    `la valeur de ${id} tombe de ${before} à ${now} en un trimestre, alors que l'indicateur retient la dernière valeur (un total cumulé ne baisse pas)\u00a0: est-ce bien la valeur du trimestre\u00a0?`,
  aboveTarget: (value: string, id: string, target: string) =>
    `valeur ${value} de ${id} supérieure à 3 fois sa cible (${target})\u00a0: l'unité ou la cible est-elle la bonne\u00a0?`,
  totalAboveTarget: (total: string, id: string, target: string) =>
    `le total des trimestres de ${id} atteint ${total}, plus de 3 fois sa cible (${target})\u00a0: une valeur saisie en cumul ou dans une autre unité\u00a0?`,
  belowBaseline: (value: string, id: string, baseline: string) =>
    `valeur ${value} de ${id} très en dessous de sa valeur de référence (${baseline}), plus bas qu'aucun trimestre précédent\u00a0: est-ce la bonne valeur\u00a0?`,
  stuckRate: (id: string, value: string, count: number) =>
    `le taux ${id} vaut exactement ${value} depuis ${count} trimestres alors que la fiche est «\u00a0En cours\u00a0»\u00a0: est-il vraiment mesuré\u00a0?`,
  doneWithoutValue: (code: string, quarter: string, id: string) =>
    `la fiche ${code} est «\u00a0Réalisée\u00a0» au ${quarter}, mais l'indicateur ${id} n'a pas de valeur pour ce trimestre\u00a0: saisissez son résultat final`,
  statusBack: (code: string, before: string, now: string) =>
    `la fiche ${code} repasse de «\u00a0${before}\u00a0» à «\u00a0${now}\u00a0»\u00a0: expliquez ce retour dans «\u00a0Ajustements\u00a0»`,
  /** How a flagged value's mark of verification reads in a sheet, and in the form. */
  confirmedHeader: "Vérifié",
  confirmedValue: "Oui",
  confirmedContent: "`Oui`\u00a0: la saisie de la ligne, signalée comme improbable, a été vérifiée\u00a0; elle n'est plus signalée (vide sinon)",
  confirmedPrompt: {
    title: "Valeur vérifiée",
    message: "Choisissez Oui quand une valeur signalée comme improbable est juste\u00a0: elle ne sera plus signalée. Videz la cellule si la valeur change.",
  },
  confirmedRefusal: { title: "Valeur refusée", message: "Choisissez Oui, ou laissez la cellule vide." },
} as const;
