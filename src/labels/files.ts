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
  passwordOrXls: "fichier protégé par un mot de passe ou au format Excel 97-2003 (.xls) : enregistrez-le en .xlsx sans mot de passe",
  notZip: "ce n'est pas un classeur .xlsx (le fichier n'est pas une archive zip)",
  noEndOfDirectory: "archive zip corrompue ou incomplète (fin de l'archive introuvable)",
  zip64: "archive zip au format ZIP64, inattendu pour un tableau de suivi",
  tooManyEntries: (count: number, limit: number) => `archive de ${count} éléments (limite ${limit})`,
  directoryOutside: "archive zip corrompue (répertoire central hors du fichier)",
  directoryUnreadable: "archive zip corrompue (répertoire central illisible)",
  encrypted: "archive chiffrée : enregistrez le classeur sans mot de passe",
  unknownMethod: (entry: string, method: number) => `élément « ${entry} » compressé par une méthode inconnue (${method})`,
  entryTooLarge: (entry: string, size: number, limit: number) => `élément « ${entry} » trop volumineux une fois décompressé (${mb(size)}, limite ${mb(limit)})`,
  /** `ratio` is already rounded: uncompressed bytes per compressed byte. */
  suspiciousRatio: (entry: string, ratio: number, limit: number) =>
    `élément « ${entry} » anormalement compressé (${ratio} pour 1, limite ${limit}) : possible bombe de décompression`,
  contentTooLarge: (limit: number) => `contenu décompressé trop volumineux (plus de ${mb(limit)})`,
  entryOutside: (entry: string) => `archive zip corrompue (élément « ${entry} » hors du fichier)`,
  entryMissing: (entry: string) => `élément « ${entry} » absent de l'archive`,
  headerUnreadable: (entry: string) => `archive zip corrompue (en-tête de « ${entry} » illisible)`,
  truncated: (entry: string) => `archive zip tronquée (élément « ${entry} » incomplet)`,
  /** An entry that inflates past the size the directory declares for it: made to fool a guard. */
  entryLies: (entry: string) => `élément « ${entry} » plus volumineux que la taille qu'il déclare : archive falsifiée, refusée`,
  sizesMismatch: (entry: string) => `archive zip corrompue (tailles de « ${entry} » incohérentes)`,
  entryUnreadable: (entry: string) => `archive zip corrompue (élément « ${entry} » illisible)`,
  entryIncomplete: (entry: string) => `archive zip corrompue (élément « ${entry} » incomplet)`,
} as const;

/** The .xlsx reader (src/xlsx/xlsx-reader.ts), on top of the archive guard. */
const reader = {
  noWorkbookPart: "ce n'est pas un classeur Excel (partie « workbook.xml » absente)",
  sheetMissing: (sheet: string) => `feuille « ${sheet} » introuvable dans l'archive`,
  tooManyCells: (limit: number) => `trop de cellules remplies (plus de ${limit})`,
  /** `detail` is the XML parser's first line. */
  partUnreadable: (part: string, detail: string) => `élément « ${part} » illisible (${detail})`,
  /** A part whose XML declaration names an encoding the reader does not decode. */
  unsupportedEncoding: (part: string, encoding: string) =>
    `élément « ${part} » écrit dans l'encodage « ${encoding} », non pris en charge (UTF-8, UTF-16 ou ISO-8859-1 attendus) : ouvrez le fichier dans Excel ou LibreOffice et enregistrez-le à nouveau en .xlsx`,
  /** Bytes that are not text in the encoding the part says it is in (`encoding` as the user knows it). */
  badBytes: (part: string, encoding: string) => `élément « ${part} » illisible (octets qui ne sont pas du texte ${encoding} : fichier abîmé ou mal converti)`,
  openDocument:
    "c'est un classeur OpenDocument (.ods, LibreOffice ou OpenOffice), pas un classeur Excel : enregistrez-le au format .xlsx (Fichier › Enregistrer sous)",
  /** Row and cell numbers as written in the file; Excel's grid stops at row 1 048 576 and column XFD. */
  rowBeyondGrid: (sheet: string, row: string) =>
    `la feuille « ${sheet} » a une ligne « ${row} » au-delà de la dernière ligne d'Excel (1 048 576) : fichier abîmé ou fabriqué, refusé`,
  cellBeyondGrid: (sheet: string, cell: string) =>
    `la feuille « ${sheet} » a une cellule « ${cell} » au-delà de la grille d'Excel (ligne 1 048 576, colonne XFD) : fichier abîmé ou fabriqué, refusé`,
  badRowNumber: (sheet: string, row: string) =>
    `la feuille « ${sheet} » a une ligne numérotée « ${row} », qui n'est pas un numéro de ligne : fichier abîmé, refusé`,
  /** `budget`: places of the grids (cells, and the empty places before them) the reader allows. */
  gridTooSpread: (budget: number) =>
    `cellules trop éloignées les unes des autres (plus de ${budget.toLocaleString("fr-FR")} emplacements de grille à réserver) : fichier abîmé ou fabriqué, refusé`,
  tooManyNotes: (sheet: string, limit: number) =>
    `la feuille « ${sheet} » a plus de ${limit.toLocaleString("fr-FR")} cellules fusionnées, en erreur ou illisibles : fichier abîmé ou fabriqué, refusé`,
  badCellReference: (sheet: string, cell: string) =>
    `la feuille « ${sheet} » a une cellule nommée « ${cell} », qui n'est pas une adresse de cellule : fichier abîmé, refusé`,
} as const;

/** The XML scanner of a workbook's parts (src/xlsx/xml-scanner.ts): the detail of « élément … illisible ». */
const xml = {
  badEntity: (entity: string) => `entité XML inconnue ou mal formée « ${entity} »`,
  truncated: "XML interrompu au milieu d'une balise",
  unclosed: (name: string) => `élément XML « ${name} » jamais fermé`,
  empty: "aucun élément XML",
  mismatched: (name: string, expected: string | undefined) =>
    expected ? `balise fermante « ${name} » au lieu de « ${expected} »` : `balise fermante « ${name} » sans balise ouvrante`,
  doctype: "déclaration DOCTYPE avec définitions internes, refusée",
  unexpected: (text: string) => `balise XML inattendue « ${text} »`,
  secondRoot: (name: string) => `second élément racine « ${name} »`,
  badAttribute: (text: string) => `attribut XML mal formé « ${text} »`,
  /** A character XML 1.0 does not allow, outside any cell (in an attribute); `code` is its UTF-16 code unit. */
  forbiddenCharacter: (code: number) => `caractère interdit en XML (U+${code.toString(16).toUpperCase().padStart(4, "0")})`,
  /** Limits in characters; no Office writer comes near them. */
  tagTooLong: (limit: number) => `balise XML de plus de ${limit.toLocaleString("fr-FR")} caractères`,
  markupTooLong: (limit: number) => `commentaire ou instruction XML de plus de ${limit.toLocaleString("fr-FR")} caractères`,
} as const;

/** A file that cannot be read or written as a workbook: complete messages that name the file (no final period). */
const workbook = {
  notXlsx: (file: string) => `« ${file} » n'est pas un classeur Excel .xlsx (ce n'est pas une archive zip)`,
  cannotUpdate: (file: string, reason: string) => `« ${file} » ne peut pas être mis à jour : ${reason}`,
  notATableau: (file: string, reason: string) => `« ${file} » ne peut pas être lu comme un tableau de suivi : ${reason}`,
  /** The application named in a written file's document properties. */
  creator: "CTG Suivi",
  /** Printed footer of a planned sheet, in Excel's codes: sheet name on the left (&L&A), « Page n / N » on the right. */
  pageFooter: "&L&A&RPage &P / &N",
} as const;

/** Writing a workbook as a stream (src/xlsx/stream-workbook.ts, zip-file-writer.ts). */
const writing = {
  sheetTooLong: (sheet: string, maxRows: number) =>
    `la feuille « ${sheet} » dépasserait ${maxRows.toLocaleString("fr-FR")} lignes, le maximum d'Excel : consolidez moins de territoires à la fois`,
  /** A zip without ZIP64 records stops at 65 535 entries and 4 GiB. */
  tooManyEntries: "trop d'éléments dans l'archive",
  entryOver4GB: (entry: string) => `« ${entry} » dépasse 4 Go une fois décompressé`,
  archiveOver4GB: "l'archive dépasserait 4 Go",
  /** An update whose table would take the name of a table people made elsewhere in the workbook. */
  tableNameTaken: (name: string) => `un tableau Excel nommé « ${name} » existe déjà dans une autre feuille du classeur : renommez-le avant la mise à jour`,
} as const;

/** A Word répertoire (src/import/docx.ts): complete messages that name the file (no final period). */
const docx = {
  notDocx: (file: string) => `« ${file} » n'est pas un document Word .docx`,
  tooManyParagraphs: (file: string, limit: number) =>
    `« ${file} » contient plus de ${limit} paragraphes : ce n'est pas un répertoire des fiches actions, ou il est anormalement construit`,
  tooManyElements: (file: string, limit: number) =>
    `« ${file} » contient plus de ${frenchCount(limit)} éléments XML : ce n'est pas un répertoire des fiches actions, ou il est anormalement construit`,
  /** `reason` is the archive guard's, or one of the reasons below. */
  refused: (file: string, reason: string) => `« ${file} » ne peut pas être lu comme un document Word : ${reason}`,
  partTooLarge: (part: string, limit: number) =>
    `la partie « ${part} » dépasse ${megabytes(limit)} une fois décompressée, quand un répertoire de 60 fiches en fait moins de 5`,
  /** A document damaged or made by a tool Word would not follow; `reason` is one of the reasons below. */
  unreadable: (file: string, reason: string) =>
    `« ${file} » n'est pas un document Word lisible : ${reason} ; enregistrez-le à nouveau depuis Word ou LibreOffice (Enregistrer sous › Document Word .docx)`,
  documentPartMissing: (part: string) => `sa partie principale « ${part} » est absente (est-ce un autre type de fichier renommé en .docx ?)`,
  /** `detail` is one of the XML scanner's details (`xml` above). */
  partMalformed: (part: string, detail: string) => `la partie « ${part} » n'est pas du XML bien formé (${detail})`,
  /** What mammoth could not read, whatever its own (English) reason. */
  contentUnreadable: "son contenu n'a pas pu être lu",
} as const;

/** Limits of a répertoire's text (src/import/text-encoding.ts): reasons, told after the file's name or in the pane's sentence. */
const text = {
  notText: "ce n'est pas un fichier texte : enregistrez le répertoire au format .txt",
  fileTooLarge: (size: number, limit: number) =>
    `le fichier pèse ${megabytesOver(size, limit)} pour une limite de ${megabytes(limit)} : un répertoire des fiches actions en texte en pèse quelques centaines de ko`,
  textTooLong: (length: number, limit: number) =>
    `le texte compte ${frenchCount(length)} caractères pour une limite de ${frenchCount(limit)} : un répertoire des fiches actions en compte quelques centaines de milliers`,
  lineTooLong: (line: number, length: number, limit: number) =>
    `la ligne ${line} compte ${frenchCount(length)} caractères pour une limite de ${frenchCount(limit)} : un répertoire n'a pas de ligne aussi longue ; vérifiez que c'est bien son texte`,
  /** Lines of a UTF-8 text that were not UTF-8; `shown` are the first of them, `total` how many there are. */
  mixedEncoding: (shown: readonly number[], total: number) => {
    const more = total > shown.length ? ` et ${total - shown.length} autre(s)` : "";
    return total === 1
      ? `la ligne ${shown[0]} n'est pas en UTF-8 comme le reste du texte : elle a été lue en Windows-1252 (Latin-1) ; vérifiez ses accents`
      : `les lignes ${shown.join(", ")}${more} ne sont pas en UTF-8 comme le reste du texte : elles ont été lues en Windows-1252 (Latin-1) ; vérifiez leurs accents`;
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
    "aucune fiche action trouvée : le texte ne ressemble pas à un répertoire des fiches actions (codes « 1.A.1 » suivis de rubriques « Résultats attendus », « Pilote », « Indicateurs »)",
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
  duplicateCode: (code: string) => `le code ${code} est utilisé par plusieurs fiches : seule la première est gardée`,
  notInSummary: (code: string, title: string) => `la fiche ${code} « ${title} » n'apparaît pas dans le sommaire`,
  titleDiffers: (summaryTitle: string, ficheTitle: string) =>
    `intitulé différent entre le sommaire (« ${summaryTitle} ») et la fiche (« ${ficheTitle} ») : celui de la fiche est gardé`,
  deadlineDiffers: (summaryYear: string, ficheDeadline: string) =>
    `échéance différente entre le sommaire (${summaryYear}) et la fiche (« ${ficheDeadline} ») : celle du sommaire est gardée`,
  noIndicator: (code: string) => `la fiche ${code} n'a aucun indicateur d'évaluation`,
  missingContent: (code: string, title: string) => `la fiche ${code} « ${title} » figure au sommaire mais son contenu est absent`,
  brokenLink: (link: string) => `lien vers la fiche ${link}, qui n'existe pas dans le répertoire`,
  noSummary: "sommaire absent : les axes et sous-axes sont déduits des codes des fiches, et leurs intitulés sont à compléter",
  listedUnder: (code: string, listedUnder: string, subAxis: string) =>
    `la fiche ${code} est listée sous le sous-axe ${listedUnder} : son code indique le sous-axe ${subAxis}, où elle est placée`,
  noTerritory: "territoire introuvable dans le document : indiquez-le dans le plan (convention.territory)",
  /** The plan's territory when the document names none. */
  territoryPlaceholder: "Territoire à préciser",
  /** Titles of an axe or a sous-axe the summary does not give. */
  axisTitle: (code: string) => `Axe ${code}`,
  subAxisTitle: (code: string) => `Sous-axe ${code}`,
  /** The period read from a « CTG 2026-2030 » line; `line` counts from 1, `shown` is that line, maybe shortened. */
  periodGuessed: (firstYear: string, lastYear: string, line: number, shown: string) =>
    `période de la convention devinée (du 01/01/${firstYear} au 31/12/${lastYear}) d'après la ligne ${line} « ${shown} » : le texte de la convention (« du … au … ») est absent ; vérifiez les dates du plan`,
  /** `problem` is the plan check's own message on the period (entryLabels.plan). */
  periodOutOfBounds: (problem: string) => `${problem} : corrigez les dates de la convention dans le plan, sans quoi « ctg init » le refusera`,
  noPeriod: (firstYear: number, lastYear: number) =>
    `aucune période trouvée dans le document : ${firstYear}-${lastYear} par défaut ; indiquez les dates de la convention dans le plan`,
} as const;

/** Receiving a territory's tableau for the consolidation (src/xlsx/tableau-intake.ts): verdict reasons. */
const intake = {
  /** A located problem of the file, and the line that counts those not listed. */
  error: { label: "erreur", more: (count: number) => `… et ${count} autre(s) erreur(s)` },
  warning: { label: "avertissement", more: (count: number) => `… et ${count} autre(s) avertissement(s)` },
  located: (label: string, sheet: string, cell: string, message: string) => `${label} — ${sheet}!${cell} : ${message}`,
  notATableau: "ce classeur n'est pas un tableau de suivi CTG",
  olderTemplate: (version: string, current: string) => `modèle ${version}, plus ancien que le modèle actuel ${current} : lu selon son format`,
} as const;

/** The consolidation batch shared by the command line and the pane (src/services/consolidate-batch.ts). */
const batch = {
  /** Complete message: the pane shows it when the user stops a consolidation. */
  cancelled: "Consolidation annulée : le classeur n'a pas été modifié.",
  /** Dates and times as the user reads them (« 2 décembre 2026 09:30 »). */
  olderThanStored: (savedAt: string, storedAt: string) =>
    `fichier plus ancien (enregistré le ${savedAt}) que celui déjà consolidé pour ce territoire (${storedAt}) : gardé tel quel`,
  unreadable: (detail: string) => `lecture impossible : ${detail}`,
  givenTwice: "fichier donné plusieurs fois dans ce lot : donnez-le une seule fois et relancez",
  /** The file's convention identifier is another territory's: the tableau was started from a copy of it. */
  identityConflict: (id: string, theirs: string, theirCode: string | undefined, ours: string, ourCode: string | undefined, where: "stored" | "batch") =>
    `conflit d'identité : l'identifiant de convention ${id} est celui de « ${theirs} »${theirCode ? ` (${theirCode})` : ""} ${
      where === "stored" ? "déjà dans la consolidation" : "dans un autre fichier de ce lot"
    }, alors que ce fichier est celui de « ${ours} »${ourCode ? ` (${ourCode})` : ""} : le tableau a sans doute été commencé à partir d'une copie. Rien n'a été remplacé. Dans ce tableau, lancez « ctg init --plan PLAN.json --out TABLEAU.xlsx --update » avec le plan de ce territoire (ou la mise en place du volet) : il recevra un identifiant propre ; puis relancez la consolidation`,
  sameTerritory: (others: readonly string[]) =>
    `même territoire et même période que ${others.map((other) => `« ${other} »`).join(", ")} dans ce lot : gardez le bon fichier et relancez`,
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
