// The figures every hardware profile (targets/*.yaml) must give, with their
// units. A profile is `section: {figure: {value, unit, source}}`; the source
// names where the number comes from (a public document, or "estimate: why").

export type FigureKind = "count" | "positive" | "nonnegative";

export interface FigureSpec {
  readonly unit: string;
  readonly kind: FigureKind;
  readonly doc: string;
}

export const profileSchema = {
  cores: {
    aic: { unit: "cores", kind: "count", doc: "cube cores (AIC) per device; MIX launches use blockDim <= this" },
    aiv_per_aic: { unit: "cores", kind: "count", doc: "vector cores (AIV) paired with each AIC (MIX 1:2)" },
    cube_clock: { unit: "GHz", kind: "positive", doc: "cube core clock" },
    system_counter: { unit: "MHz", kind: "positive", doc: "GetSystemCycle() tick rate" },
  },
  buffers: {
    ub: { unit: "bytes", kind: "count", doc: "unified buffer per AIV" },
    ub_usable: { unit: "bytes", kind: "count", doc: "UB that TPipe allocates from" },
    l1: { unit: "bytes", kind: "count", doc: "L1 per AIC" },
    l0a: { unit: "bytes", kind: "count", doc: "L0A per AIC" },
    l0b: { unit: "bytes", kind: "count", doc: "L0B per AIC" },
    l0c: { unit: "bytes", kind: "count", doc: "L0C per AIC" },
    l2: { unit: "bytes", kind: "count", doc: "L2 shared by the device's cores" },
  },
  compute: {
    cube_bf16: { unit: "TFLOPS", kind: "positive", doc: "dense bf16 cube peak of the device" },
    cube_fp16: { unit: "TFLOPS", kind: "positive", doc: "dense fp16 cube peak of the device" },
    cube_int8: { unit: "TOPS", kind: "positive", doc: "dense int8 cube peak of the device" },
    vector_bf16: { unit: "TFLOPS", kind: "positive", doc: "vector peak of the device (bf16/fp16)" },
    vector_fp32: { unit: "TFLOPS", kind: "positive", doc: "vector peak of the device (fp32)" },
  },
  memory: {
    hbm: { unit: "bytes", kind: "count", doc: "HBM capacity" },
    hbm_bandwidth: { unit: "GB/s", kind: "positive", doc: "HBM bandwidth" },
    l2_bandwidth: { unit: "GB/s", kind: "positive", doc: "L2 bandwidth (mixed reads and writes) shared by the device's cores" },
  },
  links: {
    injection_bandwidth: { unit: "GB/s", kind: "positive", doc: "unidirectional bandwidth a device can send to peers in total" },
    peer_bandwidth: { unit: "GB/s", kind: "positive", doc: "unidirectional bandwidth to one peer (one link)" },
    peer_latency: { unit: "us", kind: "nonnegative", doc: "one-way latency to a peer in the same scale-up domain" },
    scale_up_size: { unit: "devices", kind: "count", doc: "devices reachable at peer_bandwidth" },
    scale_out_bandwidth: { unit: "GB/s", kind: "positive", doc: "unidirectional bandwidth to devices outside the scale-up domain" },
    scale_out_latency: { unit: "us", kind: "nonnegative", doc: "one-way latency outside the scale-up domain" },
  },
  latencies: {
    put_issue: { unit: "us", kind: "nonnegative", doc: "fixed cost of one MTE put (GM -> UB -> remote GM) before bytes flow" },
    remote_signal: { unit: "us", kind: "nonnegative", doc: "fence plus remote atomic add (signal_op ADD) after a put" },
    poll: { unit: "us", kind: "nonnegative", doc: "one dcci + load spin iteration on a GM counter" },
    dma_atomic: { unit: "us", kind: "nonnegative", doc: "local DMA atomic add on a GM counter" },
    cross_core_flag: { unit: "us", kind: "nonnegative", doc: "CrossCoreSetFlag to the waiting core waking inside one AI Core" },
    kernel_launch: { unit: "us", kind: "nonnegative", doc: "host launch of one kernel until it runs" },
    host_collective: { unit: "us", kind: "nonnegative", doc: "fixed cost (alpha) of one host-driven dispatch or combine collective" },
  },
  events: {
    cross_core_flag_ids: { unit: "ids", kind: "count", doc: "cross-core flag ids generated code may use (0..n-1)" },
    cross_core_pending: { unit: "sets", kind: "count", doc: "pending sets a cross-core flag holds (4-bit counter)" },
    intra_core_event_ids: { unit: "ids", kind: "count", doc: "SetFlag/WaitFlag ids per pipe pair generated code may use" },
    counter_stride: { unit: "bytes", kind: "count", doc: "spacing of GM counters written by different cores" },
    dma_atomic_granularity: { unit: "bytes", kind: "count", doc: "smallest DMA atomic add" },
    gm_counter_lines: { unit: "lines", kind: "count", doc: "counter_stride-byte GM counter lines per rank that gm_counter events may use (ids 0..n-1)" },
    remote_signal_lines: { unit: "lines", kind: "count", doc: "counter_stride-byte lines of a rank's symmetric signal area that remote events may use (ids 0..n-1)" },
  },
} as const satisfies Record<string, Record<string, FigureSpec>>;

export type ProfileSection = keyof typeof profileSchema;
