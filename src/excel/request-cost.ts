/**
 * Upper bounds of the bytes Microsoft's Office.js runtime puts in a request for each kind of operation. An
 * operation on a range costs far more than its payload: the runtime sends the range's object path
 * (`GetRangeByIndexes` with its arguments), one path per navigation (`Format`, `Font`…), an Instantiate action per
 * path, a `_KeepReference` action for the range inside `Excel.run`, then the action itself with the ids it uses.
 * The constants are rounded up from requests measured on the runtime (tests/unit/request-cost.test.ts keeps them
 * honest: estimate ≥ measured, and not much more).
 */

/** An object path of a method (`GetRange`, `GetRangeByIndexes`, `Add`…) with its key and arguments. */
const METHOD_PATH = 150;
/** An object path of a navigation (`Format`, `Font`, `Borders`…). */
const PROPERTY_PATH = 100;
const INSTANTIATE = 70;
const KEEP_REFERENCE = 120;
/** A SetProperty or Method action, with the list of object path ids it refers to. */
const ACTION = 160;
/** The runtime writes arrays over 1,500 cells in slices of rows, each through three more range paths. */
const CELLS_PER_RUNTIME_SLICE = 1500;
const SLICE = 3 * (METHOD_PATH + 2 * INSTANTIATE) + ACTION;

/** UTF-8 bytes of a value serialised as JSON, as it travels. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * An untracked range reached from a sheet, `navigations` properties below it (`format.font` is 2), with `actions`
 * property writes or method calls, carrying `payload` bytes of arguments in all.
 */
export function rangeOperation(navigations: number, actions: number, payload = 0): number {
  // Inside Excel.run the runtime instantiates a new range twice (once more when it tracks it, which untrack() undoes
  // only for the keep action).
  return METHOD_PATH + 2 * INSTANTIATE + navigations * (PROPERTY_PATH + INSTANTIATE) + actions * ACTION + payload;
}

/** The same for a range Excel.run keeps a reference to (used again after a sync). */
export function trackedRangeOperation(navigations: number, actions: number, payload = 0): number {
  return rangeOperation(navigations, actions, payload) + KEEP_REFERENCE;
}

/** An object that is not a range (a sheet, a table, a chart), reached by `paths` object paths. */
export function objectOperation(paths: number, actions: number, payload = 0): number {
  return paths * (METHOD_PATH + INSTANTIATE) + actions * ACTION + payload;
}

/** `values` or `numberFormat` of a block of `cells` cells whose JSON is `payload` bytes. */
export function cellArrayOperation(cells: number, payload: number): number {
  const slices = cells > CELLS_PER_RUNTIME_SLICE ? Math.ceil(cells / CELLS_PER_RUNTIME_SLICE) : 0;
  return rangeOperation(0, 1, payload) + slices * SLICE + METHOD_PATH;
}
