/**
 * Section « handover » of the French catalogue: a file the pane produced (the COPIL deck, the written bilan, the
 * collection's archive), what it is, where it went, or — where Excel lets no add-in save a file — that nothing was
 * saved and how to get it all the same.
 */

const collectionFiles = (files: number) => (files === 1 ? "1 fichier de collecte" : `${files} fichiers de collecte`);

export const handoverLabels = {
  /** What the pane made, said before where it went. */
  made: {
    deck: (fileName: string, slides: number) => `Présentation «\u00a0${fileName}\u00a0» prête (${slides} diapositives).`,
    document: (fileName: string, axes: number, actions: number) =>
      `Bilan écrit «\u00a0${fileName}\u00a0» prêt (${axes} axe(s), ${actions} fiche(s) action(s)).`,
    /** `quarter` in words (« 4e trimestre 2026 »). */
    collection: (fileName: string, files: number, quarter: string) => `«\u00a0${fileName}\u00a0» prêt\u00a0: ${collectionFiles(files)} pour le ${quarter}.`,
  },

  /** Where the file went, once the download was handed to the browser. */
  delivered: {
    /** Excel on the web: a real browser, which saves downloads where its settings say. */
    browser:
      "Le fichier est dans votre dossier Téléchargements (ou à l'endroit que votre navigateur vous a demandé de choisir)\u00a0: ouvrez-le depuis la liste des téléchargements du navigateur.",
    /** Excel for Windows: the pane's web view saves to the user's Downloads folder and shows a small download box in the pane. */
    windows:
      "Le fichier est dans votre dossier Téléchargements\u00a0: ouvrez-le depuis le petit encadré de téléchargement affiché dans le volet, ou depuis l'Explorateur de fichiers.",
  },
  /** After the collection's archive was delivered: what to do with it. */
  afterCollection: "Décompressez-le, puis envoyez à chaque personne son fichier par courriel.",

  /** Why nothing was saved, by host. */
  notDelivered: {
    mac: "Excel pour Mac ne permet pas à un complément d'enregistrer un fichier sur l'ordinateur\u00a0: rien n'a été téléchargé.",
    ios: "Excel pour iPad ne permet pas à un complément d'enregistrer un fichier\u00a0: rien n'a été téléchargé.",
    legacyWindows:
      "Cette version d'Excel pour Windows affiche le volet avec un ancien moteur (Internet Explorer ou l'ancien Edge) qui ne permet pas à un complément d'enregistrer un fichier\u00a0: rien n'a été téléchargé.",
    unknown: "Cette version d'Excel ne permet pas au volet d'enregistrer un fichier\u00a0: rien n'a été téléchargé.",
    /** The download was tried and refused by the pane's web view. */
    failed: "Le téléchargement a été bloqué dans ce volet\u00a0: rien n'a été enregistré.",
  },
  /** The alternatives, in this order. */
  onTheWeb:
    "Pour obtenir le fichier, ouvrez ce classeur dans Excel pour le web (enregistré sur OneDrive ou SharePoint, depuis office.com) et refaites la même demande dans le volet\u00a0: le fichier arrivera dans votre dossier Téléchargements.",
  /** Said before the exact `ctg` command line that writes the same file. */
  withCommandLine: "Vous pouvez aussi le produire avec la ligne de commande ctg, sur un ordinateur où elle est installée\u00a0:",
  /** Said after the command: its placeholders. */
  commandPlaceholders: "TABLEAU.xlsx\u00a0: ce classeur, enregistré sur l'ordinateur\u00a0; DOSSIER\u00a0: le dossier où écrire.",
  /** The command's placeholders, as the sentence above explains them. */
  commandWorkbook: "TABLEAU.xlsx",
  commandFolder: "DOSSIER",
} as const;
