// Run-time values of the emulators: dense tensors in their storage types,
// and problems located at the op that met them.

import type { Operation } from "../../ir/operation.js";

export interface Bf16Tensor {
  readonly dtype: "bf16";
  readonly shape: readonly number[];
  readonly data: Uint16Array;
}
export interface F32Tensor {
  readonly dtype: "f32";
  readonly shape: readonly number[];
  readonly data: Float32Array;
}
export interface I32Tensor {
  readonly dtype: "i32";
  readonly shape: readonly number[];
  readonly data: Int32Array;
}
export type EmuTensor = Bf16Tensor | F32Tensor | I32Tensor;

export const bf16Tensor = (shape: readonly number[], data: Uint16Array = new Uint16Array(shape.reduce((a, b) => a * b, 1))): Bf16Tensor => ({ dtype: "bf16", shape, data });
export const f32Tensor = (shape: readonly number[], data: Float32Array = new Float32Array(shape.reduce((a, b) => a * b, 1))): F32Tensor => ({ dtype: "f32", shape, data });
export const i32Tensor = (shape: readonly number[], data: Int32Array = new Int32Array(shape.reduce((a, b) => a * b, 1))): I32Tensor => ({ dtype: "i32", shape, data });

/** Why an emulation stopped, located at an op when there is one. */
export interface EmuFailure {
  readonly op: Operation | undefined;
  readonly message: string;
}

export function isEmuFailure(x: unknown): x is EmuFailure {
  return typeof x === "object" && x !== null && "message" in x && "op" in x;
}
