// Little-endian element storage writers for dense data (MLIR's raw buffers),
// on plain numbers: no BigInt and no DataView per attribute (creating a
// DataView per dense literal was a tenth of buildDenseAttr).

const f64Scratch = new Float64Array(1);
const f64Bytes = new Uint8Array(f64Scratch.buffer);
const kLittleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Writes the safe integer `x` (|x| < 2^53) at `at` as `nbytes` bytes of
 * little-endian two's complement, sign-extended past 8 bytes. O(nbytes).
 */
export function storeSafeIntegerLE(data: Uint8Array, at: number, nbytes: number, x: number): void {
  // `>>> 0` is x mod 2^32 for any integral double, negative ones included.
  let lo = x >>> 0;
  let hi = Math.floor(x / 4294967296) >>> 0;
  const fill = x < 0 ? 0xff : 0;
  for (let i = 0; i < nbytes; i++) {
    if (i < 4) {
      data[at + i] = lo & 0xff;
      lo >>>= 8;
    } else if (i < 8) {
      data[at + i] = hi & 0xff;
      hi >>>= 8;
    } else {
      data[at + i] = fill;
    }
  }
}

/** Writes the IEEE double `x` at `at` as 8 little-endian bytes. */
export function storeF64LE(data: Uint8Array, at: number, x: number): void {
  f64Scratch[0] = x;
  for (let i = 0; i < 8; i++) data[at + i] = f64Bytes[kLittleEndianHost ? i : 7 - i]!;
}
