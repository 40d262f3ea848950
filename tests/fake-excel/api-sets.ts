/**
 * The requirement set of each member of the Excel API, read from Microsoft's runtime itself: each member it
 * generated carries a call such as `throwIfApiNotSupported("Worksheet.getRangeByIndexes", "ExcelApi", "1.7")`.
 * This build of the runtime does not enforce them in the client (its check flag is set on another class than the
 * one that reads it), so an older Excel refuses the call when the request reaches it: the fake host plays that
 * older Excel with this table. No Node dependency: the table is built once from the runtime's source.
 */
export interface ApiSet {
  name: string;
  version: string;
}

export type ApiSetTable = Record<string, ApiSet>;

const CHECK = /\("([A-Z][A-Za-z0-9]*)\.([A-Za-z_][A-Za-z0-9_]*)",\s*([A-Za-z_$][\w$]*|"[A-Za-z]+"),\s*"(\d+\.\d+)"/g;

/** `Type.member` → the lowest set under which the runtime says it exists (a later set may add an argument). */
export function parseApiSets(runtimeSource: string): ApiSetTable {
  const table: ApiSetTable = {};
  for (const match of runtimeSource.matchAll(CHECK)) {
    const [, type, member, set, version] = match;
    const name = set.startsWith('"') ? set.slice(1, -1) : "ExcelApi";
    const key = `${type}.${member}`;
    const known = table[key];
    if (!known || (known.name === name && versionBelow(version, known.version))) table[key] = { name, version };
  }
  return table;
}

export function versionBelow(a: string, b: string): boolean {
  const [aMajor, aMinor] = a.split(".").map(Number);
  const [bMajor, bMinor] = b.split(".").map(Number);
  return aMajor < bMajor || (aMajor === bMajor && aMinor < bMinor);
}
