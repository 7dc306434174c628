// bfloat16 storage for the emulators and the dense reference: values live as
// Uint16Array bit patterns (the high half of a float32), arithmetic happens in
// float32/float64, and every store rounds to nearest, ties to even.

const scratchF32 = new Float32Array(1);
const scratchU32 = new Uint32Array(scratchF32.buffer);

/**
 * The bf16 bit pattern nearest to `x` (first rounded to float32), ties to
 * even; NaN stays NaN (quieted, sign kept), overflow rounds to infinity.
 */
export function toBf16(x: number): number {
  scratchF32[0] = x;
  const bits = scratchU32[0]!;
  // A NaN whose payload lives only in the low half would round to infinity.
  if ((bits & 0x7fffffff) > 0x7f800000) return (bits >>> 16) | 0x0040;
  return (bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16;
}

/** The value of the bf16 bit pattern `h` (exact in float32 and float64). */
export function fromBf16(h: number): number {
  scratchU32[0] = h << 16;
  return scratchF32[0]!;
}

/** `x` rounded to bf16 and back: what storing then loading a value gives. */
export function roundBf16(x: number): number {
  return fromBf16(toBf16(x));
}

/** Rounds every element of `src` into a new bf16 array. O(n). */
export function bf16FromFloats(src: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = toBf16(src[i]!);
  return out;
}

/** The float32 values of a bf16 array (exact). O(n). */
export function floatsFromBf16(src: Uint16Array): Float32Array {
  const out = new Float32Array(src.length);
  const bits = new Uint32Array(out.buffer);
  for (let i = 0; i < src.length; i++) bits[i] = src[i]! << 16;
  return out;
}
