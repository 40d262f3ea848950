/**
 * How a small zip entry may be inflated in one call where the platform can: Node's zlib does it in a fraction of
 * the time a DecompressionStream takes (a web stream pays promises and copies per chunk), and a territory's sheets
 * are small. The browser has no such call and keeps the stream. Node entry points register zlib here once
 * (src/xlsx/node-inflate.ts); nothing else changes: the archive's limits hold the same way.
 */

/** Inflates raw deflate data; throws when the output would pass `maxOutputLength` bytes. */
export type OneShotInflate = (compressed: Uint8Array, maxOutputLength: number) => Uint8Array;

/** Entries declaring more than this are inflated as streams, so that memory stays bounded whatever the platform. */
export const ONE_SHOT_MAX_BYTES = 8 * 1024 * 1024;

let registered: OneShotInflate | undefined;

export function useOneShotInflate(inflate: OneShotInflate | undefined): void {
  registered = inflate;
}

export function oneShotInflate(): OneShotInflate | undefined {
  return registered;
}
