/** Small helpers the catalogue's functions compose French texts with. */

/**
 * French typography for a text composed with values from elsewhere (a value typed by a user, a message of a file):
 * the space before « : ; ! ? » % » and after « « » becomes non-breaking (U+00A0), so that no line starts with one
 * of those signs. The catalogue's own texts are written so already.
 */
export function frenchTypography(text: string): string {
  return text.replace(/ (?=[:;!?»%])/g, "\u00a0").replace(/« /g, "«\u00a0");
}

/** Domain messages are sentence fragments ("la valeur … doit …"); shown alone, they start with a capital. */
export function sentence(message: string): string {
  return frenchTypography(message.charAt(0).toUpperCase() + message.slice(1));
}

/** A value between guillemets, as every message quotes what the user typed. */
export function quoted(value: unknown): string {
  return `«\u00a0${String(value)}\u00a0»`;
}

/** A number as a French reader writes it: decimal comma. */
export function frenchNumber(value: number): string {
  return String(value).replace(".", ",");
}

/** A percentage as a French reader writes it: decimal comma and a space before %. */
export function frenchPercent(value: number): string {
  return `${frenchNumber(value)}\u00a0%`;
}

/** A size in megabytes as limits are told (« 5 Mo », « 5,6 Mo »). */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
}

/** A size past a limit: « 6 Mo », or « plus de 5 Mo » when it rounds to the limit (a device read up to its end). */
export function megabytesOver(size: number, limit: number): string {
  return megabytes(size) === megabytes(limit) ? `plus de ${megabytes(limit)}` : megabytes(size);
}

/** A count with French digit grouping (« 10 000 »). */
export function frenchCount(value: number): string {
  return value.toLocaleString("fr-FR");
}
