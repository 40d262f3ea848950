/** Office.js failures and refusals, told in French. */
import { BilanRefused, EntryRefused, FeatureUnavailable, ProtectedByPassword, TableauNotFound } from "../excel";
import { ReportRequestError } from "../domain/report";
import { SetupRefused } from "../workbook/setup";

const OFFICE_MESSAGES: Record<string, string> = {
  AccessDenied: "Excel refuse la modification : la cellule ou la feuille est protégée, ou le classeur est en lecture seule.",
  InvalidOperation: "Excel refuse cette opération dans l'état actuel du classeur (une cellule est peut-être en cours de modification : appuyez sur Entrée ou Échap, puis réessayez).",
  ItemNotFound: "Une feuille ou un élément attendu est introuvable : le tableau a peut-être été renommé ou supprimé.",
  ItemAlreadyExists: "Une feuille du même nom existe déjà.",
  InvalidArgument: "Excel a refusé une valeur transmise par le complément.",
  RequestPayloadSizeLimitExceeded: "Le volume de données envoyé à Excel dépasse sa limite pour une seule opération (5 Mo sur Excel sur le web). Réessayez ; si l'erreur persiste, signalez-la avec la taille du tableau.",
  ResponsePayloadSizeLimitExceeded: "Le volume de données à lire dépasse la limite d'Excel pour une seule opération (5 Mo sur Excel sur le web). Réessayez ; si l'erreur persiste, signalez-la avec la taille du tableau.",
  EditModeCannotAcquireLock: "Excel est en mode édition : terminez la saisie dans la cellule (Entrée ou Échap), puis réessayez.",
  Conflict: "Un co-auteur modifie le même endroit du classeur : réessayez dans un instant.",
  GeneralException: "Excel a rencontré une erreur interne. Réessayez ; si elle persiste, enregistrez et rouvrez le classeur.",
  ApiNotFound: "Cette version d'Excel ne propose pas une fonction nécessaire au complément.",
};

export function describeError(error: unknown): string {
  if (error instanceof EntryRefused || error instanceof TableauNotFound || error instanceof BilanRefused || error instanceof FeatureUnavailable || error instanceof ProtectedByPassword) return error.message;
  if (error instanceof ReportRequestError || error instanceof SetupRefused) return error.message;
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
  if (code && OFFICE_MESSAGES[code]) return OFFICE_MESSAGES[code];
  const detail = error instanceof Error ? error.message : String(error);
  return `Une erreur inattendue s'est produite${code ? ` (code ${code})` : ""} : ${detail}`;
}

/** Domain messages are sentence fragments ("la valeur … doit …"); shown alone, they start with a capital. */
export function sentence(message: string | undefined): string | undefined {
  return message ? typography(message.charAt(0).toUpperCase() + message.slice(1)) : message;
}

/** French typography: guillemets and the words they hold stay on one line. */
export function typography(text: string): string {
  return text.replace(/« /g, "«\u00a0").replace(/ »/g, "\u00a0»");
}
