/**
 * The French catalogue: every text a user sees — sheet names and headers, cell prompts, pane texts, command-line
 * messages, errors — lives under src/labels and is reached through this module. Texts that take values are
 * functions. The catalogue depends on nothing (ESLint enforces it), so that every layer may use it.
 *
 * Sections live in files of their own so that each stays readable; a section is named after who reads it:
 *   vocabulary  closed lists of the CTG domain (statuses, fields, indicator types…)
 *   rules       what each indicator type accepts, told to the user (prompts, refusals)
 *   entries     the domain's checks of entries, quarters and plans
 *   plausibility  values that are valid but probably wrong, and their mark of verification
 *   sheets      the tableau's sheet names, headers, guide and cell prompts
 *   places      where something is in a workbook, in words (sheet, row, column header)
 *   bilans      bilans, their sheets, and the consolidation sheets
 *   deck        the COPIL slide deck
 *   document    the written bilan (Word) and its petite-enfance extract
 *   collection  collecting entries from the partners: their files, the merge report, the journal
 *   files       reading and writing workbooks and archives, the répertoire import, the consolidation intake
 *   cli         the `ctg` command line
 *   office      what the Office.js executor tells (requirement sets, protection, refusals in the live workbook)
 *   pane        the task pane
 *   handover    a file the pane produced: where it went, or why it could not go and what to do instead
 *   errors      Office.js error codes, file-system errors and unexpected errors
 */
export { vocabularyLabels } from "./vocabulary";
export { ruleLabels } from "./rules";
export { entryLabels } from "./entries";
export { plausibilityLabels } from "./plausibility";
export { sheetLabels } from "./sheets";
export { placeLabels } from "./places";
export { bilanLabels } from "./bilans";
export { deckLabels } from "./deck";
export { documentLabels } from "./document";
export { collectionLabels } from "./collection";
export { fileLabels } from "./files";
export { cliLabels } from "./cli";
export { officeLabels } from "./office";
export { paneLabels } from "./pane";
export { handoverLabels } from "./handover";
export { errorLabels } from "./errors";
export { frenchTypography, frenchCount, frenchNumber, frenchPercent, megabytes, quoted, sentence } from "./compose";
