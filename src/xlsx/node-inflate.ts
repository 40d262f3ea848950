/** Node only: registers zlib's one-call inflate for the archive reader's small entries (see entry-inflater.ts). */
import { inflateRawSync } from "node:zlib";
import { useOneShotInflate } from "./entry-inflater";

export function registerNodeInflate(): void {
  useOneShotInflate((compressed, maxOutputLength) => inflateRawSync(compressed, { maxOutputLength }));
}
