/**
 * Section « office » of the French catalogue (see catalog.ts): what the Office.js executor (src/excel) tells the
 * user — a feature the host's Excel lacks, a sheet protected by a password, a tableau or a consolidation it must
 * not or cannot write into, and the notes it hands back to the pane.
 */

import { quoted } from "./compose";

/** Which Excel has which requirement set, for the message (learn.microsoft.com, Excel JavaScript API requirement sets). */
const hostsBySet: Record<string, string> = {
  "1.7": "Excel 2019, Excel 2021 ou plus récent, Microsoft 365 ou Excel sur le web",
  "1.8": "Excel 2021 ou plus récent, Microsoft 365 ou Excel sur le web",
  "1.9": "Excel 2021 ou plus récent, Microsoft 365 ou Excel sur le web",
};

/** What every refusal of the consolidation ends with: the Caf consolidates in a workbook of its own. */
const newWorkbook = "Ouvrez un nouveau classeur vide (Fichier > Nouveau) et relancez la consolidation depuis l'onglet CTG Suivi du ruban.";

export const officeLabels = {
  requirements: {
    /** Each feature of the add-in in a French sentence: "… nécessite …". */
    features: {
      pane: "Le complément CTG Suivi",
      check: "La lecture et la vérification du tableau",
      entry: "La saisie trimestrielle",
      lock: "Le verrouillage d'un trimestre",
      bilan: "La génération d'un bilan",
      consolidation: "La consolidation des territoires",
      setup: "La mise en place ou la mise à jour du tableau (listes déroulantes et contrôles de saisie)",
      dataValidation: "Les contrôles de saisie des cellules (listes déroulantes, bornes)",
      pageLayout: "La mise en page pour l'impression (paysage, ajustement à la largeur)",
    },
    /** The host lacks the requirement set of a feature; `feature` is one of `features`. */
    unavailable: (feature: string, excelApi: string) =>
      `${feature} nécessite ExcelApi ${excelApi}, que cette version d'Excel ne propose pas. Utilisez ${hostsBySet[excelApi] ?? "une version plus récente d'Excel"}.`,
  },
  /** Told after a set-up whose plan is another territory's than the tableau's. */
  newIdentity: (territory: string) =>
    `Ce classeur était le tableau d'un autre territoire\u00a0: il reçoit un identifiant de convention propre à «\u00a0${territory}\u00a0», pour que la consolidation ne les confonde pas.`,
  /** Told after a set-up or a bilan on a host below ExcelApi 1.9: the print settings were skipped. */
  pageLayoutNote:
    "Cette version d'Excel ne permet pas au complément de régler la mise en page (ExcelApi 1.9)\u00a0: réglez l'orientation paysage et l'ajustement à la largeur de la page dans Mise en page avant d'imprimer.",
  protection: {
    /** Sheets a person protected with a password of their own: the add-in cannot and must not lift it. */
    byPassword: (sheets: readonly string[]) => {
      const names = sheets.map((name) => quoted(name)).join(", ");
      return sheets.length > 1
        ? `Les feuilles ${names} sont protégées par un mot de passe\u00a0: le complément ne peut pas les modifier. Ôtez leur protection dans Excel (Révision › Ôter la protection de la feuille), puis recommencez\u00a0; le complément les protégera de nouveau, sans mot de passe.`
        : `La feuille ${names} est protégée par un mot de passe\u00a0: le complément ne peut pas la modifier. Ôtez sa protection dans Excel (Révision › Ôter la protection de la feuille), puis recommencez\u00a0; le complément la protégera de nouveau, sans mot de passe.`;
    },
  },
  tableau: {
    notFound: "Ce classeur ne contient pas de tableau de suivi CTG\u00a0: créez-le d'abord.",
    columnMissing: (header: string, sheet: string) =>
      `La colonne «\u00a0${header}\u00a0» est introuvable dans la feuille «\u00a0${sheet}\u00a0»\u00a0: le tableau a été modifié à la main.`,
  },
  evaluation: {
    /** A tableau of a template before 1.4: the sheet is added by an update of its structure. */
    noSheet: (sheet: string) =>
      `Ce tableau n'a pas encore de feuille «\u00a0${sheet}\u00a0» (modèle antérieur à 1.4)\u00a0: ajoutez les feuilles d'évaluation depuis l'onglet Évaluation, puis recommencez.`,
    columnMissing: (header: string, sheet: string) =>
      `La colonne «\u00a0${header}\u00a0» est absente de la feuille «\u00a0${sheet}\u00a0»\u00a0: mettez à jour la structure du tableau.`,
    noRow: (what: string, year: number, sheet: string) =>
      `${what} n'a pas de ligne pour ${year} dans «\u00a0${sheet}\u00a0»\u00a0: mettez à jour la structure du tableau.`,
    fiche: (code: string) => `La fiche ${code}`,
    axis: (code: string) => `L'axe ${code}`,
  },
  entry: {
    /** `quarter` in words (« 4e trimestre 2026 »), as in the two messages below. */
    quarterLocked: (quarter: string) => `Le ${quarter} est verrouillé depuis son COPIL\u00a0: déverrouillez-le avant de modifier ses saisies.`,
    noRow: (actionCode: string, quarter: string, sheet: string) =>
      `La fiche ${actionCode} n'a pas de ligne pour le ${quarter} dans la feuille «\u00a0${sheet}\u00a0»\u00a0: mettez à jour le tableau.`,
    notMeasured: (indicatorId: string, quarter: string) => `L'indicateur ${indicatorId} ne se saisit pas au ${quarter}.`,
    marksNotKept: (header: string) =>
      `La saisie est enregistrée, mais pas la marque «\u00a0${header}\u00a0»\u00a0: ce tableau date d'un modèle sans cette colonne. Mettez sa structure à jour au modèle actuel pour pouvoir marquer les valeurs vérifiées.`,
  },
  bilan: {
    /** Told after the bilan is written: plausibility warnings nobody marked « Vérifié », listed in the sheet. */
    toConfirm: (count: number) =>
      `${count} valeur(s) à confirmer avant le COPIL, listées dans la feuille du bilan\u00a0: vérifiez-les dans l'onglet Vérifier, puis corrigez-les ou marquez-les «\u00a0Vérifié\u00a0».`,
    /**
     * A bilan is refused while the tableau holds errors: the first one is named with its place, and how many others
     * there are (`count` is the number of errors in all).
     */
    tableauHasErrors: (first: { sheet: string; cell?: string; message: string } | undefined, count: number) => {
      const more = count > 1 ? ` et ${count - 1} autre${count > 2 ? "s" : ""} erreur${count > 2 ? "s" : ""}` : "";
      return `Le tableau de suivi contient des erreurs${first ? ` (feuille «\u00a0${first.sheet}\u00a0»${first.cell ? `, cellule ${first.cell}` : ""}\u00a0: ${first.message}${more})` : ""}. Corrigez-les dans l'onglet Vérifier avant de générer le bilan.`;
    },
    noPetiteEnfance: "Aucune fiche action n'a le champ «\u00a0petite enfance\u00a0»\u00a0: l'extrait CDSF serait vide.",
  },
  consolidation: {
    territoryTableau: `Ce classeur est le tableau de suivi d'un territoire\u00a0: la consolidation n'écrit jamais dans le fichier d'un territoire. ${newWorkbook}`,
    /** Sheets named like the consolidation's, that no consolidation wrote: writing would replace them. */
    /** The command line split a national consolidation's long tables over several sheets: the pane does not add to those. */
    continued: (sheet: string) =>
      `Cette consolidation continue sur la feuille «\u00a0${sheet}\u00a0»\u00a0: elle dépasse la taille d'une feuille Excel et se complète avec la ligne de commande (ctg consolidate), qui lit et réécrit toutes ses feuilles. Le classeur n'a pas été modifié.`,
    foreignSheets: (sheets: readonly string[]) =>
      `Ce classeur a déjà ${sheets.length > 1 ? "des feuilles" : "une feuille"} ${sheets.map((name) => quoted(name)).join(", ")} qui ne ${sheets.length > 1 ? "viennent" : "vient"} pas d'une consolidation CTG Suivi\u00a0: elles seraient remplacées. ${newWorkbook}`,
    notAConsolidation: (metaSheet: string) =>
      `La feuille cachée «\u00a0${metaSheet}\u00a0» ne décrit pas une consolidation CTG Suivi\u00a0: le classeur n'a pas été modifié. ${newWorkbook}`,
    /** `column` counts from 1. */
    headerChanged: (sheet: string, column: number, found: string, expected: string) =>
      `La feuille «\u00a0${sheet}\u00a0» de la consolidation a été modifiée (colonne ${column}\u00a0: «\u00a0${found}\u00a0» au lieu de «\u00a0${expected}\u00a0»)\u00a0: elle ne peut pas être complétée sans risque de perdre des lignes. Rétablissez l'en-tête, ou ${newWorkbook.charAt(0).toLowerCase()}${newWorkbook.slice(1)}`,
  },
  collection: {
    /**
     * Cells a co-author filled between the pane's read and its write (`cells` are `Feuille!F14` addresses): the
     * merge planned them as empty, so writing would replace a value in silence.
     */
    changedMeanwhile: (cells: readonly string[]) =>
      `Le tableau a été modifié pendant l'intégration (${cells.slice(0, 3).join(", ")}${cells.length > 3 ? "…" : ""})\u00a0: rien n'a été écrit. Relancez l'intégration\u00a0: les cellules remplies entre-temps seront montrées en conflit.`,
    /** A quarter locked by a co-author after the merge was planned (the merge itself refuses files of a locked quarter). */
    quarterLocked: (quarter: string) =>
      `Le ${quarter} vient d'être verrouillé après son COPIL\u00a0: rien n'a été écrit, et ses saisies ne seront plus intégrées.`,
    /** The journal sheet's header no longer is the tableau's: appending would put values under the wrong headings. */
    journalChanged: (sheet: string, column: number, found: string, expected: string) =>
      `La feuille «\u00a0${sheet}\u00a0» a été modifiée (colonne ${column}\u00a0: «\u00a0${found}\u00a0» au lieu de «\u00a0${expected}\u00a0»)\u00a0: rétablissez son en-tête pour que les retours y soient notés, puis relancez l'intégration. Rien n'a été écrit.`,
  },
} as const;
