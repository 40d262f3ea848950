/** ExcelJS wants ARGB colours; plans use `#RRGGBB`. */
export function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}
