/**
 * Section « files » of the French catalogue (see catalog.ts): reading and writing workbooks and archives, the
 * répertoire import, the consolidation intake.
 *
 * Most texts here are reasons, sentence fragments (lower case, no final period): the archive guard's refusals are
 * told after a file's name (« x.xlsx » ne peut pas être lu comme un tableau de suivi : <reason>), in a consolidation
 * verdict, or in the pane, each adding its own beginning and end.
 */

import { frenchCount, megabytes, megabytesOver } from "./compose";

/** Sizes in whole megabytes, as the limits are set. */
const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} Mo`;

/** The archive guard (src/xlsx/zip-archive.ts): what no workbook or Word document should be. */
const archive = {
  /** Why a file is refused before any of it is read. */
  fileTooLarge: (size: number, limit: number) => `fichier trop volumineux (${mb(size)}, limite ${mb(limit)})`,
  /** Excel 97-2003 files and password-protected workbooks are both OLE compound files. */
  passwordOrXls: "fichier protégé par un mot de passe ou au format Excel 97-2003 (.xls)\u00a0: enregistrez-le en .xlsx sans mot de passe",
  notZip: "ce n'est pas un classeur .xlsx (le fichier n'est pas une archive zip)",
  noEndOfDirectory: "archive zip corrompue ou incomplète (fin de l'archive introuvable)",
  zip64: "archive zip au format ZIP64, inattendu pour un tableau de suivi",
  tooManyEntries: (count: number, limit: number) => `archive de ${count} éléments (limite ${limit})`,
  directoryOutside: "archive zip corrompue (répertoire central hors du fichier)",
  directoryUnreadable: "archive zip corrompue (répertoire central illisible)",
  encrypted: "archive chiffrée\u00a0: enregistrez le classeur sans mot de passe",
  unknownMethod: (entry: string, method: number) => `élément «\u00a0${entry}\u00a0» compressé par une méthode inconnue (${method})`,
  entryTooLarge: (entry: string, size: number, limit: number) =>
    `élément «\u00a0${entry}\u00a0» trop volumineux une fois décompressé (${mb(size)}, limite ${mb(limit)})`,
  /** `ratio` is already rounded: uncompressed bytes per compressed byte. */
  suspiciousRatio: (entry: string, ratio: number, limit: number) =>
    `élément «\u00a0${entry}\u00a0» anormalement compressé (${ratio} pour 1, limite ${limit})\u00a0: possible bombe de décompression`,
  contentTooLarge: (limit: number) => `contenu décompressé trop volumineux (plus de ${mb(limit)})`,
  entryOutside: (entry: string) => `archive zip corrompue (élément «\u00a0${entry}\u00a0» hors du fichier)`,
  entryMissing: (entry: string) => `élément «\u00a0${entry}\u00a0» absent de l'archive`,
  headerUnreadable: (entry: string) => `archive zip corrompue (en-tête de «\u00a0${entry}\u00a0» illisible)`,
  truncated: (entry: string) => `archive zip tronquée (élément «\u00a0${entry}\u00a0» incomplet)`,
  /** An entry that inflates past the size the directory declares for it: made to fool a guard. */
  entryLies: (entry: string) => `élément «\u00a0${entry}\u00a0» plus volumineux que la taille qu'il déclare\u00a0: archive falsifiée, refusée`,
  sizesMismatch: (entry: string) => `archive zip corrompue (tailles de «\u00a0${entry}\u00a0» incohérentes)`,
  entryUnreadable: (entry: string) => `archive zip corrompue (élément «\u00a0${entry}\u00a0» illisible)`,
  entryIncomplete: (entry: string) => `archive zip corrompue (élément «\u00a0${entry}\u00a0» incomplet)`,
} as const;

/** The .xlsx reader (src/xlsx/xlsx-reader.ts), on top of the archive guard. */
const reader = {
  noWorkbookPart: "ce n'est pas un classeur Excel (partie «\u00a0workbook.xml\u00a0» absente)",
  sheetMissing: (sheet: string) => `feuille «\u00a0${sheet}\u00a0» introuvable dans l'archive`,
  tooManyCells: (limit: number) => `trop de cellules remplies (plus de ${limit})`,
  /** `detail` is the XML parser's first line. */
  partUnreadable: (part: string, detail: string) => `élément «\u00a0${part}\u00a0» illisible (${detail})`,
  /** A part whose XML declaration names an encoding the reader does not decode. */
  unsupportedEncoding: (part: string, encoding: string) =>
    `élément «\u00a0${part}\u00a0» écrit dans l'encodage «\u00a0${encoding}\u00a0», non pris en charge (UTF-8, UTF-16 ou ISO-8859-1 attendus)\u00a0: ouvrez le fichier dans Excel ou LibreOffice et enregistrez-le à nouveau en .xlsx`,
  /** Bytes that are not text in the encoding the part says it is in (`encoding` as the user knows it). */
  badBytes: (part: string, encoding: string) =>
    `élément «\u00a0${part}\u00a0» illisible (octets qui ne sont pas du texte ${encoding}\u00a0: fichier abîmé ou mal converti)`,
  openDocument:
    "c'est un classeur OpenDocument (.ods, LibreOffice ou OpenOffice), pas un classeur Excel\u00a0: enregistrez-le au format .xlsx (Fichier › Enregistrer sous)",
  /** Row and cell numbers as written in the file; Excel's grid stops at row 1 048 576 and column XFD. */
  rowBeyondGrid: (sheet: string, row: string) =>
    `la feuille «\u00a0${sheet}\u00a0» a une ligne «\u00a0${row}\u00a0» au-delà de la dernière ligne d'Excel (1 048 576)\u00a0: fichier abîmé ou fabriqué, refusé`,
  cellBeyondGrid: (sheet: string, cell: string) =>
    `la feuille «\u00a0${sheet}\u00a0» a une cellule «\u00a0${cell}\u00a0» au-delà de la grille d'Excel (ligne 1 048 576, colonne XFD)\u00a0: fichier abîmé ou fabriqué, refusé`,
  badRowNumber: (sheet: string, row: string) =>
    `la feuille «\u00a0${sheet}\u00a0» a une ligne numérotée «\u00a0${row}\u00a0», qui n'est pas un numéro de ligne\u00a0: fichier abîmé, refusé`,
  /** `budget`: places of the grids (cells, and the empty places before them) the reader allows. */
  gridTooSpread: (budget: number) =>
    `cellules trop éloignées les unes des autres (plus de ${budget.toLocaleString("fr-FR")} emplacements de grille à réserver)\u00a0: fichier abîmé ou fabriqué, refusé`,
  tooManyNotes: (sheet: string, limit: number) =>
    `la feuille «\u00a0${sheet}\u00a0» a plus de ${limit.toLocaleString("fr-FR")} cellules fusionnées, en erreur ou illisibles\u00a0: fichier abîmé ou fabriqué, refusé`,
  badCellReference: (sheet: string, cell: string) =>
    `la feuille «\u00a0${sheet}\u00a0» a une cellule nommée «\u00a0${cell}\u00a0», qui n'est pas une adresse de cellule\u00a0: fichier abîmé, refusé`,
} as const;

/** The XML scanner of a workbook's parts (src/xlsx/xml-scanner.ts): the detail of « élément … illisible ». */
const xml = {
  badEntity: (entity: string) => `entité XML inconnue ou mal formée «\u00a0${entity}\u00a0»`,
  truncated: "XML interrompu au milieu d'une balise",
  unclosed: (name: string) => `élément XML «\u00a0${name}\u00a0» jamais fermé`,
  empty: "aucun élément XML",
  mismatched: (name: string, expected: string | undefined) =>
    expected ? `balise fermante «\u00a0${name}\u00a0» au lieu de «\u00a0${expected}\u00a0»` : `balise fermante «\u00a0${name}\u00a0» sans balise ouvrante`,
  doctype: "déclaration DOCTYPE avec définitions internes, refusée",
  unexpected: (text: string) => `balise XML inattendue «\u00a0${text}\u00a0»`,
  secondRoot: (name: string) => `second élément racine «\u00a0${name}\u00a0»`,
  badAttribute: (text: string) => `attribut XML mal formé «\u00a0${text}\u00a0»`,
  /** A character XML 1.0 does not allow, outside any cell (in an attribute); `code` is its UTF-16 code unit. */
  forbiddenCharacter: (code: number) => `caractère interdit en XML (U+${code.toString(16).toUpperCase().padStart(4, "0")})`,
  /** Limits in characters; no Office writer comes near them. */
  tagTooLong: (limit: number) => `balise XML de plus de ${limit.toLocaleString("fr-FR")} caractères`,
  markupTooLong: (limit: number) => `commentaire ou instruction XML de plus de ${limit.toLocaleString("fr-FR")} caractères`,
} as const;

/** A file that cannot be read or written as a workbook: complete messages that name the file (no final period). */
const workbook = {
  notXlsx: (file: string) => `«\u00a0${file}\u00a0» n'est pas un classeur Excel .xlsx (ce n'est pas une archive zip)`,
  cannotUpdate: (file: string, reason: string) => `«\u00a0${file}\u00a0» ne peut pas être mis à jour\u00a0: ${reason}`,
  notATableau: (file: string, reason: string) => `«\u00a0${file}\u00a0» ne peut pas être lu comme un tableau de suivi\u00a0: ${reason}`,
  /** The application named in a written file's document properties. */
  creator: "CTG Suivi",
  /** Printed footer of a planned sheet, in Excel's codes: sheet name on the left (&L&A), « Page n / N » on the right. */
  pageFooter: "&L&A&RPage &P / &N",
} as const;

/** Writing a workbook as a stream (src/xlsx/stream-workbook.ts, zip-file-writer.ts). */
const writing = {
  sheetTooLong: (sheet: string, maxRows: number) =>
    `la feuille «\u00a0${sheet}\u00a0» dépasserait ${maxRows.toLocaleString("fr-FR")} lignes, le maximum d'Excel\u00a0: consolidez moins de territoires à la fois`,
  /** A zip without ZIP64 records stops at 65 535 entries and 4 GiB. */
  tooManyEntries: "trop d'éléments dans l'archive",
  entryOver4GB: (entry: string) => `«\u00a0${entry}\u00a0» dépasse 4 Go une fois décompressé`,
  archiveOver4GB: "l'archive dépasserait 4 Go",
  /** An update whose table would take the name of a table people made elsewhere in the workbook. */
  tableNameTaken: (name: string) =>
    `un tableau Excel nommé «\u00a0${name}\u00a0» existe déjà dans une autre feuille du classeur\u00a0: renommez-le avant la mise à jour`,
} as const;

/** A Word répertoire (src/import/docx.ts): complete messages that name the file (no final period). */
const docx = {
  notDocx: (file: string) => `«\u00a0${file}\u00a0» n'est pas un document Word .docx`,
  tooManyParagraphs: (file: string, limit: number) =>
    `«\u00a0${file}\u00a0» contient plus de ${limit} paragraphes\u00a0: ce n'est pas un répertoire des fiches actions, ou il est anormalement construit`,
  tooManyElements: (file: string, limit: number) =>
    `«\u00a0${file}\u00a0» contient plus de ${frenchCount(limit)} éléments XML\u00a0: ce n'est pas un répertoire des fiches actions, ou il est anormalement construit`,
  /** `reason` is the archive guard's, or one of the reasons below. */
  refused: (file: string, reason: string) => `«\u00a0${file}\u00a0» ne peut pas être lu comme un document Word\u00a0: ${reason}`,
  partTooLarge: (part: string, limit: number) =>
    `la partie «\u00a0${part}\u00a0» dépasse ${megabytes(limit)} une fois décompressée, quand un répertoire de 60 fiches en fait moins de 5`,
  /** A document damaged or made by a tool Word would not follow; `reason` is one of the reasons below. */
  unreadable: (file: string, reason: string) =>
    `«\u00a0${file}\u00a0» n'est pas un document Word lisible\u00a0: ${reason}\u00a0; enregistrez-le à nouveau depuis Word ou LibreOffice (Enregistrer sous › Document Word .docx)`,
  documentPartMissing: (part: string) => `sa partie principale «\u00a0${part}\u00a0» est absente (est-ce un autre type de fichier renommé en .docx\u00a0?)`,
  /** `detail` is one of the XML scanner's details (`xml` above). */
  partMalformed: (part: string, detail: string) => `la partie «\u00a0${part}\u00a0» n'est pas du XML bien formé (${detail})`,
  /** What mammoth could not read, whatever its own (English) reason. */
  contentUnreadable: "son contenu n'a pas pu être lu",
} as const;

/** Limits of a répertoire's text (src/import/text-encoding.ts): reasons, told after the file's name or in the pane's sentence. */
const text = {
  notText: "ce n'est pas un fichier texte\u00a0: enregistrez le répertoire au format .txt",
  fileTooLarge: (size: number, limit: number) =>
    `le fichier pèse ${megabytesOver(size, limit)} pour une limite de ${megabytes(limit)}\u00a0: un répertoire des fiches actions en texte en pèse quelques centaines de ko`,
  textTooLong: (length: number, limit: number) =>
    `le texte compte ${frenchCount(length)} caractères pour une limite de ${frenchCount(limit)}\u00a0: un répertoire des fiches actions en compte quelques centaines de milliers`,
  lineTooLong: (line: number, length: number, limit: number) =>
    `la ligne ${line} compte ${frenchCount(length)} caractères pour une limite de ${frenchCount(limit)}\u00a0: un répertoire n'a pas de ligne aussi longue\u00a0; vérifiez que c'est bien son texte`,
  /** Lines of a UTF-8 text that were not UTF-8; `shown` are the first of them, `total` how many there are. */
  mixedEncoding: (shown: readonly number[], total: number) => {
    const more = total > shown.length ? ` et ${total - shown.length} autre(s)` : "";
    return total === 1
      ? `la ligne ${shown[0]} n'est pas en UTF-8 comme le reste du texte\u00a0: elle a été lue en Windows-1252 (Latin-1)\u00a0; vérifiez ses accents`
      : `les lignes ${shown.join(", ")}${more} ne sont pas en UTF-8 comme le reste du texte\u00a0: elles ont été lues en Windows-1252 (Latin-1)\u00a0; vérifiez leurs accents`;
  },
} as const;

/** The encodings a text répertoire may come in, as a user knows them (src/import/text-encoding.ts). */
const encodings = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16",
  "utf-16be": "UTF-16 (gros-boutiste)",
  "windows-1252": "Windows-1252 (Latin-1)",
} as const;

/** Reading a répertoire des fiches actions (src/import/parse-repertoire.ts): its refusal and its warnings. */
const repertoire = {
  /** Reason the text is refused; the command line puts the file's name before it, the pane its own sentence. */
  notARepertoire:
    "aucune fiche action trouvée\u00a0: le texte ne ressemble pas à un répertoire des fiches actions (codes «\u00a01.A.1\u00a0» suivis de rubriques «\u00a0Résultats attendus\u00a0», «\u00a0Pilote\u00a0», «\u00a0Indicateurs\u00a0»)",
  /** The part of the document a warning is about, shown before it (« 2.A.1 — indicateurs : … »). */
  sections: {
    fiche: "fiche",
    summary: "sommaire",
    title: "intitulé",
    deadline: "échéance",
    indicators: "indicateurs",
    links: "liens",
    convention: "convention",
    encoding: "encodage",
  },
  /** The headings of a fiche in the Caf template, as the plan keeps the free-text ones. */
  sectionTitles: {
    contexte: "Éléments de contexte",
    objectifs: "Résultats attendus / objectifs",
    pilotes: "Pilote de l'action / référents",
    descriptif: "Descriptif / méthode / calendrier",
    partenaires: "Partenaires à mobiliser",
    habitants: "Place des habitants",
    ressources: "Ressources mobilisables",
    indicateurs: "Indicateurs d'évaluation",
    liens: "Liens avec d'autres actions",
    echeance: "Échéance",
    public: "Public cible",
  },
  duplicateCode: (code: string) => `le code ${code} est utilisé par plusieurs fiches\u00a0: seule la première est gardée`,
  notInSummary: (code: string, title: string) => `la fiche ${code} «\u00a0${title}\u00a0» n'apparaît pas dans le sommaire`,
  titleDiffers: (summaryTitle: string, ficheTitle: string) =>
    `intitulé différent entre le sommaire («\u00a0${summaryTitle}\u00a0») et la fiche («\u00a0${ficheTitle}\u00a0»)\u00a0: celui de la fiche est gardé`,
  deadlineDiffers: (summaryYear: string, ficheDeadline: string) =>
    `échéance différente entre le sommaire (${summaryYear}) et la fiche («\u00a0${ficheDeadline}\u00a0»)\u00a0: celle du sommaire est gardée`,
  noIndicator: (code: string) => `la fiche ${code} n'a aucun indicateur d'évaluation`,
  missingContent: (code: string, title: string) => `la fiche ${code} «\u00a0${title}\u00a0» figure au sommaire mais son contenu est absent`,
  brokenLink: (link: string) => `lien vers la fiche ${link}, qui n'existe pas dans le répertoire`,
  noSummary: "sommaire absent\u00a0: les axes et sous-axes sont déduits des codes des fiches, et leurs intitulés sont à compléter",
  listedUnder: (code: string, listedUnder: string, subAxis: string) =>
    `la fiche ${code} est listée sous le sous-axe ${listedUnder}\u00a0: son code indique le sous-axe ${subAxis}, où elle est placée`,
  noTerritory: "territoire introuvable dans le document\u00a0: indiquez-le dans le plan (convention.territory)",
  /** The plan's territory when the document names none. */
  territoryPlaceholder: "Territoire à préciser",
  /** Titles of an axe or a sous-axe the summary does not give. */
  axisTitle: (code: string) => `Axe ${code}`,
  subAxisTitle: (code: string) => `Sous-axe ${code}`,
  /** The period read from a « CTG 2026-2030 » line; `line` counts from 1, `shown` is that line, maybe shortened. */
  periodGuessed: (firstYear: string, lastYear: string, line: number, shown: string) =>
    `période de la convention devinée (du 01/01/${firstYear} au 31/12/${lastYear}) d'après la ligne ${line} «\u00a0${shown}\u00a0»\u00a0: le texte de la convention («\u00a0du … au …\u00a0») est absent\u00a0; vérifiez les dates du plan`,
  /** `problem` is the plan check's own message on the period (entryLabels.plan). */
  periodOutOfBounds: (problem: string) => `${problem}\u00a0: corrigez les dates de la convention dans le plan, sans quoi «\u00a0ctg init\u00a0» le refusera`,
  noPeriod: (firstYear: number, lastYear: number) =>
    `aucune période trouvée dans le document\u00a0: ${firstYear}-${lastYear} par défaut\u00a0; indiquez les dates de la convention dans le plan`,
} as const;

/** Receiving a territory's tableau for the consolidation (src/xlsx/tableau-intake.ts): verdict reasons. */
const intake = {
  /** A located problem of the file, and the line that counts those not listed. */
  error: { label: "erreur", more: (count: number) => `… et ${count} autre(s) erreur(s)` },
  warning: { label: "avertissement", more: (count: number) => `… et ${count} autre(s) avertissement(s)` },
  /** `place` in words (placeLabels: « feuille « Saisies », ligne 12 »). */
  located: (label: string, place: string, message: string) => `${label} — ${place}\u00a0: ${message}`,
  notATableau: "ce classeur n'est pas un tableau de suivi CTG",
  olderTemplate: (version: string, current: string) => `modèle ${version}, plus ancien que le modèle actuel ${current}\u00a0: lu selon son format`,
} as const;

/** The consolidation batch shared by the command line and the pane (src/services/consolidate-batch.ts). */
const batch = {
  /** Complete message: the pane shows it when the user stops a consolidation. */
  cancelled: "Consolidation annulée\u00a0: le classeur n'a pas été modifié.",
  /** Dates and times as the user reads them (« 2 décembre 2026 09:30 »). */
  olderThanStored: (savedAt: string, storedAt: string) =>
    `fichier plus ancien (enregistré le ${savedAt}) que celui déjà consolidé pour ce territoire (${storedAt})\u00a0: gardé tel quel`,
  unreadable: (detail: string) => `lecture impossible\u00a0: ${detail}`,
  givenTwice: "fichier donné plusieurs fois dans ce lot\u00a0: donnez-le une seule fois et relancez",
  /** The file's convention identifier is another territory's: the tableau was started from a copy of it. */
  identityConflict: (id: string, theirs: string, theirCode: string | undefined, ours: string, ourCode: string | undefined, where: "stored" | "batch") =>
    `conflit d'identité\u00a0: l'identifiant de convention ${id} est celui de «\u00a0${theirs}\u00a0»${theirCode ? ` (${theirCode})` : ""} ${
      where === "stored" ? "déjà dans la consolidation" : "dans un autre fichier de ce lot"
    }, alors que ce fichier est celui de «\u00a0${ours}\u00a0»${ourCode ? ` (${ourCode})` : ""}\u00a0: le tableau a sans doute été commencé à partir d'une copie. Rien n'a été remplacé. Dans ce tableau, lancez «\u00a0ctg init --plan PLAN.json --out TABLEAU.xlsx --update\u00a0» avec le plan de ce territoire (ou la mise en place du volet)\u00a0: il recevra un identifiant propre\u00a0; puis relancez la consolidation`,
  sameTerritory: (others: readonly string[]) =>
    `même territoire et même période que ${others.map((other) => `«\u00a0${other}\u00a0»`).join(", ")} dans ce lot\u00a0: gardez le bon fichier et relancez`,
} as const;

export const fileLabels = {
  archive,
  reader,
  xml,
  workbook,
  writing,
  docx,
  text,
  encodings,
  repertoire,
  intake,
  batch,
} as const;
