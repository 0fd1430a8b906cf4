/** What a row costs beyond its columns' bytes (ids, dates, numbers, index entries): an estimate. */
export const ROW_OVERHEAD_BYTES = 256;

/** Bytes of what a row stores: strings as UTF-8, blobs as they are, nulls as nothing. */
export function storedBytes(...values: (string | Uint8Array | null | undefined)[]): number {
  let total = 0;
  for (const v of values) {
    if (typeof v === "string") total += Buffer.byteLength(v, "utf8");
    else if (v) total += v.byteLength;
  }
  return total;
}
