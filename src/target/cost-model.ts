// Task durations on one core of a hardware profile, in microseconds. The
// scheduler and the simulator charge every tile task through this; contention
// between tasks (links, HBM) is the simulator's business, not this file's.
//
// Cube tasks follow a roofline per AIC: 2*m*n*k flops at the core's share of
// the cube peak, derated by how well (m, n, k) fill the 16x16x16 fractals and
// by a base efficiency, against the bytes the tile moves (operands from L2,
// the result to HBM) at the core's share of bandwidth. Vector tasks do the
// same with the vector peak per AIV and HBM. A put pays an issue cost, the
// link latency and its bytes at the peer bandwidth.

import type { HardwareProfile } from "./hardware-profile.js";

/** Fitted factors (dimensionless unless named), separate from the published figures. */
export interface CostKnobs {
  /** Fraction of cube peak a well-shaped GEMM tile reaches (catlass-class kernels: ~0.8). */
  readonly cubeEfficiency: number;
  /** Fraction of vector peak element-wise kernels reach. */
  readonly vectorEfficiency: number;
  /** Fraction of HBM bandwidth streaming DMA reaches. */
  readonly hbmEfficiency: number;
  /** Fixed cost of starting one compute task (tiling setup, pipeline fill), us. */
  readonly taskOverheadUs: number;
}

export const defaultKnobs: CostKnobs = { cubeEfficiency: 0.8, vectorEfficiency: 0.6, hbmEfficiency: 0.85, taskOverheadUs: 1 };

export type CubeDType = "bf16" | "fp16" | "int8";

const kFractal = 16;
const fill = (x: number) => x / (Math.ceil(x / kFractal) * kFractal);

export class CostModel {
  constructor(
    readonly profile: HardwareProfile,
    readonly knobs: CostKnobs = defaultKnobs,
  ) {}

  get aicCount(): number {
    return this.profile.cores.aic.value;
  }
  get aivCount(): number {
    return this.profile.cores.aic.value * this.profile.cores.aiv_per_aic.value;
  }
  /** Peak cube flops per microsecond of one AIC. */
  cubeFlopsPerUs(dtype: CubeDType = "bf16"): number {
    const c = this.profile.compute;
    const device = dtype === "bf16" ? c.cube_bf16.value : dtype === "fp16" ? c.cube_fp16.value : c.cube_int8.value;
    return (device * 1e6) / this.aicCount;
  }
  /** Peak vector flops per microsecond of one AIV (bf16/fp16 unless fp32). */
  vectorFlopsPerUs(fp32 = false): number {
    const c = this.profile.compute;
    return ((fp32 ? c.vector_fp32.value : c.vector_bf16.value) * 1e6) / this.aivCount;
  }
  /** HBM bytes per microsecond a core gets when every core of its kind streams at once. */
  hbmBytesPerUs(cores: number): number {
    return (this.profile.memory.hbm_bandwidth.value * 1e3 * this.knobs.hbmEfficiency) / cores;
  }

  /** L2 bytes per microsecond a core gets when every core of its kind reads at once. */
  l2BytesPerUs(cores: number): number {
    return (this.profile.memory.l2_bandwidth.value * 1e3 * this.knobs.hbmEfficiency) / cores;
  }

  /**
   * One AIC computing out[m x n] = a[m x k] * b[k x n]. Its operand panels are
   * shared with the neighbouring tiles of the same GEMM (the same rows or the
   * same weight columns), so they are read at the core's share of L2
   * bandwidth; the result is written once to HBM.
   */
  gemmMicros(m: number, n: number, k: number, dtype: CubeDType = "bf16", elementBytes = 2): number {
    if (m <= 0 || n <= 0 || k <= 0) return this.knobs.taskOverheadUs;
    const efficiency = this.knobs.cubeEfficiency * fill(m) * fill(n) * fill(k);
    const compute = (2 * m * n * k) / (this.cubeFlopsPerUs(dtype) * efficiency);
    const memory = ((m * k + k * n) * elementBytes) / this.l2BytesPerUs(this.aicCount) + (m * n * elementBytes) / this.hbmBytesPerUs(this.aicCount);
    return this.knobs.taskOverheadUs + Math.max(compute, memory);
  }

  /** One AIV doing `flops` of element-wise work (fp32 math) while moving `bytes` to and from GM. */
  vectorMicros(flops: number, bytes: number): number {
    const compute = flops / (this.vectorFlopsPerUs(true) * this.knobs.vectorEfficiency);
    return this.knobs.taskOverheadUs + Math.max(compute, bytes / this.hbmBytesPerUs(this.aivCount));
  }

  /** Whether two ranks (devices) share the scale-up domain. */
  sameScaleUp(a: number, b: number): boolean {
    const n = this.profile.links.scale_up_size.value;
    return Math.floor(a / n) === Math.floor(b / n);
  }

  /**
   * One AIV putting `bytes` from rank `src` into rank `dst`'s symmetric buffer
   * and raising the remote signal, alone on the link (no contention). A put
   * to the own rank is a local copy at the vector core's share of HBM.
   */
  putMicros(bytes: number, src: number, dst: number): number {
    const l = this.profile.links;
    const t = this.profile.latencies;
    if (src === dst) return t.put_issue.value + (2 * bytes) / this.hbmBytesPerUs(this.aivCount) + t.dma_atomic.value;
    const near = this.sameScaleUp(src, dst);
    const bandwidth = (near ? l.peer_bandwidth.value : l.scale_out_bandwidth.value) * 1e3; // bytes per us
    const latency = near ? l.peer_latency.value : l.scale_out_latency.value;
    return t.put_issue.value + latency + bytes / bandwidth + t.remote_signal.value;
  }
}
