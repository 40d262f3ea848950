/**
 * Keeps the consolidation's heap under a ceiling whatever the number of files. What a territory's file leaves
 * behind once merged is garbage (its grids and tracking; the rows went to the spool), but it lives long enough to
 * reach V8's old generation, which V8 lets grow far past the live data (some 20 Mo) before collecting it: 170 Mo and
 * more on a national batch. Past the ceiling, between two files, a full collection is asked for; below it, nothing
 * is done, so a small batch pays nothing.
 */
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Heap in use (V8 heap and external buffers) above which a collection runs between two files. */
const CEILING_BYTES = 40 * 1024 * 1024;

let collect: (() => void) | undefined;

function collector(): (() => void) | undefined {
  if (collect) return collect;
  // The collector is exposed to a fresh context only, and only taken from there: the program's globals are left as they are.
  setFlagsFromString("--expose-gc");
  const found: unknown = runInNewContext("typeof gc === 'function' ? gc : undefined");
  if (typeof found === "function") collect = found as () => void;
  return collect;
}

/** Called between two files of a batch. */
export function keepHeapUnderCeiling(): void {
  const heap = getHeapStatistics();
  if (heap.used_heap_size + heap.external_memory < CEILING_BYTES) return;
  collector()?.();
}
