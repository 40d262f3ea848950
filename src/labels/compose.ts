/** Small helpers the catalogue's functions compose French texts with. */

/** French typography: guillemets and the words they hold stay on one line (non-breaking spaces inside « »). */
export function frenchTypography(text: string): string {
  return text.replace(/« /g, "«\u00a0").replace(/ »/g, "\u00a0»");
}

/** Domain messages are sentence fragments ("la valeur … doit …"); shown alone, they start with a capital. */
export function sentence(message: string): string {
  return frenchTypography(message.charAt(0).toUpperCase() + message.slice(1));
}

/** A value between guillemets, as every message quotes what the user typed. */
export function quoted(value: unknown): string {
  return `« ${String(value)} »`;
}

/** A number as a French reader writes it: decimal comma. */
export function frenchNumber(value: number): string {
  return String(value).replace(".", ",");
}

/** A percentage as a French reader writes it: decimal comma and a space before %. */
export function frenchPercent(value: number): string {
  return `${frenchNumber(value)} %`;
}
