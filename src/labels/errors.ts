/** Section « errors » of the French catalogue: Excel's refusals by error code, and what nobody expected. */

/** Office.js error codes (OfficeExtension.Error.code) told as what the user can do about them. */
const office: Record<string, string> = {
  AccessDenied: "Excel refuse la modification\u00a0: la cellule ou la feuille est protégée, ou le classeur est en lecture seule.",
  InvalidOperation:
    "Excel refuse cette opération dans l'état actuel du classeur (une cellule est peut-être en cours de modification\u00a0: appuyez sur Entrée ou Échap, puis réessayez).",
  ItemNotFound: "Une feuille ou un élément attendu est introuvable\u00a0: le tableau a peut-être été renommé ou supprimé.",
  ItemAlreadyExists: "Une feuille du même nom existe déjà.",
  InvalidArgument: "Excel a refusé une valeur transmise par le complément.",
  RequestPayloadSizeLimitExceeded:
    "Le volume de données envoyé à Excel dépasse sa limite pour une seule opération (5 Mo sur Excel sur le web). Réessayez\u00a0; si l'erreur persiste, signalez-la avec la taille du tableau.",
  ResponsePayloadSizeLimitExceeded:
    "Le volume de données à lire dépasse la limite d'Excel pour une seule opération (5 Mo sur Excel sur le web). Réessayez\u00a0; si l'erreur persiste, signalez-la avec la taille du tableau.",
  EditModeCannotAcquireLock: "Excel est en mode édition\u00a0: terminez la saisie dans la cellule (Entrée ou Échap), puis réessayez.",
  Conflict: "Un co-auteur modifie le même endroit du classeur\u00a0: réessayez dans un instant.",
  GeneralException: "Excel a rencontré une erreur interne. Réessayez\u00a0; si elle persiste, enregistrez et rouvrez le classeur.",
  ApiNotFound: "Cette version d'Excel ne propose pas une fonction nécessaire au complément.",
};

/** What a file-system error code means for the user, to follow the name of the file concerned. */
const fileSystem: Record<string, string> = {
  ENOSPC: "le disque est plein",
  EROFS: "le support est en lecture seule",
  EACCES: "accès refusé (droits insuffisants ou dossier en lecture seule)",
  EPERM: "accès refusé (droits insuffisants ou dossier en lecture seule)",
  ENOENT: "le dossier n'existe pas",
  ENOTDIR: "un élément du chemin n'est pas un dossier",
  EISDIR: "c'est un dossier",
  EBUSY: "le fichier est ouvert par un autre programme (fermez-le dans Excel)",
};

export const errorLabels = {
  office,
  fileSystem,
  /** The pane's wording of an error nobody planned for; `code` is Excel's when it gave one. */
  unexpectedInPane: (detail: string, code?: string) => `Une erreur inattendue s'est produite${code ? ` (code ${code})` : ""}\u00a0: ${detail}`,
  /** The command line's wording of the same. */
  unexpectedInCli: (detail: string) => `Erreur inattendue\u00a0: ${detail}`,
} as const;
